import { createResolveHttp } from '@stoplight/json-ref-readers';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import { DEFAULT_REQUEST_OPTIONS } from '@stoplight/spectral-runtime';
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

export interface ReferencePolicy {
  /** Fetch `http(s)://` references (off by default: CI lints documents from pull requests it does not trust). */
  allowRemoteRefs: boolean;
  /** Directories, besides the linted document's own, whose files `$ref`s may read (`--allow-outside-refs`). */
  allowedDirectories: readonly string[];
}

/** The refusals of one document's references: Spectral reports them as `invalid-ref`, the command as input problems. */
export interface SafeResolver {
  resolver: Resolver;
  /** The messages of the references refused so far, as Spectral's `invalid-ref` results carry them. */
  refusals: Set<string>;
}

/**
 * A `$ref` resolver for one linted document. File references may read only files inside the document's directory or an
 * allowed one, compared after resolving `..` and symlinks (a symlink inside the folder that points outside is refused);
 * remote references are refused unless allowed. A refusal is an error, never a silent skip, so that a document whose
 * references were not followed is not reported as clean. One resolver per document: its cache must not serve a file
 * allowed for one document to another whose directory does not contain it.
 */
export function createSafeResolver(documentFile: string, policy: ReferencePolicy): SafeResolver {
  const refusals = new Set<string>();
  const refuse = (message: string): never => {
    refusals.add(message);
    throw new Error(message);
  };
  const documentDirectory = realpathSync(dirname(documentFile));
  const roots = [documentDirectory, ...policy.allowedDirectories];
  const resolveHttp = createResolveHttp({ ...DEFAULT_REQUEST_OPTIONS });
  const remote = {
    async resolve(ref: { href(): string }): Promise<string> {
      if (!policy.allowRemoteRefs) {
        return refuse(`$ref ${ref.href()} was not fetched: remote references are off by default; use --allow-remote-refs to fetch them`);
      }
      return resolveHttp(ref as Parameters<typeof resolveHttp>[0]);
    },
  };
  const file = {
    async resolve(ref: { href(): string; scheme(): string }): Promise<string> {
      // json-ref-resolver hands every reference it has no reader for (ftp:, urn:, ...) to the file reader.
      if (ref.scheme() !== '' && ref.scheme() !== 'file') {
        return refuse(`$ref ${ref.href()} was not followed: only file and http(s) references are supported`);
      }
      const target = realPathOf(ref.href());
      if (!roots.some((root) => isInside(target, root))) {
        const where = policy.allowedDirectories.length === 0 ? documentDirectory : roots.join(', ');
        const via = target === resolve(ref.href()) ? '' : ` (a symlink to ${target})`;
        return refuse(
          `$ref ${ref.href()} was not read: it leads outside ${where}${via}; use --allow-outside-refs DIR to allow files under DIR`,
        );
      }
      // Read the checked real path, not the reference, so that the file read is the file checked.
      return readFile(target, 'utf8');
    },
  };
  const resolver = new Resolver({ resolvers: { http: remote, https: remote, file } });
  return { resolver, refusals };
}

/** The path with `..` and symlinks resolved; for a missing file its plain absolute path (reading it fails anyway). */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

export function isInside(path: string, directory: string): boolean {
  const fromDirectory = relative(directory, path);
  // `..hidden.yaml` is inside; `..` and `../x` are not.
  const leaves = fromDirectory === '..' || fromDirectory.startsWith(`..${sep}`);
  return !leaves && !isAbsolute(fromDirectory);
}

/** The real paths of `--allow-outside-refs` directories; throws a usage error's message for one that does not exist. */
export function realDirectories(directories: readonly string[], cwd: string): string[] {
  return directories.map((directory) => {
    try {
      return realpathSync(resolve(cwd, directory));
    } catch {
      throw new Error(`--allow-outside-refs ${directory}: no such directory`);
    }
  });
}
