import { createResolveHttp } from '@stoplight/json-ref-readers';
import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import { DEFAULT_REQUEST_OPTIONS } from '@stoplight/spectral-runtime';
import { realpathSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { isInside, realPathOf } from '../containment';
import { pointerTarget } from '../openapi/json';
import { readCheckedText } from './document-text';
import type { InputProblem } from './input-problem';
import { DEFAULT_MAX_FILE_MEGABYTES } from './names';

export interface ReferencePolicy {
  /** Fetch `http(s)://` references (off by default: CI lints documents from pull requests it does not trust). */
  allowRemoteRefs: boolean;
  /** Directories, besides the linted document's own, whose files `$ref`s may read (`--allow-outside-refs`). */
  allowedDirectories: readonly string[];
  /** Referenced files larger than this are refused, as linted ones are (`--max-file-size`). */
  maxFileMegabytes?: number;
}

/** The refusals of one document's references: Spectral reports them as `invalid-ref`, the command as input problems. */
export interface SafeResolver {
  resolver: Resolver;
  /** The messages of the references refused so far, as Spectral's `invalid-ref` results carry them. */
  refusals: Set<string>;
  /** The real paths of the local files its `$ref`s have read so far (not the document itself): what a lint depends on. */
  filesRead: Set<string>;
}

/** The results that report a reference this resolver refused, as the command's input problems (exit 2). */
export function refusedReferenceProblems(
  results: readonly ISpectralDiagnostic[],
  refusals: ReadonlySet<string>,
): InputProblem[] {
  return results
    .filter((result) => result.code === 'invalid-ref' && refusals.has(result.message))
    .map((result) => ({
      file: result.source ?? '',
      line: result.range.start.line + 1,
      column: result.range.start.character + 1,
      message: result.message,
    }));
}

/**
 * How many objects the resolver may walk, per run, beyond the linted document's own walk (once, and bounded by its
 * size). Each `$ref` into another file walks what it points to again, and each `$ref` met there walks its target, once
 * per path through the references. Legitimate descriptions split into files walk tens of thousands (400 `$ref`s into
 * a 370 KB shared file: 24,000). The bound stops, after 1 to 8 s here: schemas in a referenced file that all refer to
 * each other (ten of them, reached through one `$ref`: about 100 million objects, walked in minutes), or many `$ref`s
 * into a large part of another file (2,000 into a schema of 20,000 properties: 40 million).
 */
export const MAX_OBJECTS_WALKED = 2_000_000;

type ResolverOptions = NonNullable<ConstructorParameters<typeof Resolver>[0]>;
type ResolveOptions = NonNullable<Parameters<Resolver['resolve']>[1]>;
type RunnerCache = NonNullable<ResolverOptions['uriCache']>;
type ParseResolveResult = NonNullable<ResolveOptions['parseResolveResult']>;
/** A file as Spectral's parser left it: its tree (any JSON value), or why it could not be parsed. */
type ParsedFile = { result: unknown; error?: Error };
type TransformRef = NonNullable<ResolverOptions['transformRef']>;
type ReferenceReader = (ref: { href(): string; scheme(): string }) => string | Promise<string>;

/**
 * A `$ref` resolver for one linted document. File references may read only files inside the document's directory or an
 * allowed one, compared after resolving `..` and symlinks (a symlink inside the folder that points outside is refused);
 * remote references are refused unless allowed. A refusal is an error, never a silent skip, so that a document whose
 * references were not followed is not reported as clean. One resolver per document: its cache must not serve a file
 * allowed for one document to another whose directory does not contain it. `maxObjectsWalked` bounds the work of
 * following references (see MAX_OBJECTS_WALKED; tests set a smaller bound).
 */
export function createSafeResolver(
  documentFile: string,
  policy: ReferencePolicy,
  maxObjectsWalked: number = MAX_OBJECTS_WALKED,
): SafeResolver {
  const refusals = new Set<string>();
  const filesRead = new Set<string>();
  const refuse = (message: string): never => {
    refusals.add(message);
    throw new Error(message);
  };
  const documentDirectory = realpathSync(dirname(documentFile));
  const roots = [documentDirectory, ...policy.allowedDirectories];
  const resolveHttp = createResolveHttp({ ...DEFAULT_REQUEST_OPTIONS });
  const readRemote: ReferenceReader = async (ref) => {
    if (!policy.allowRemoteRefs) {
      return refuse(
        `$ref ${ref.href()} was not fetched: remote references are off by default; use --allow-remote-refs to fetch them`,
      );
    }
    return resolveHttp(ref as Parameters<typeof resolveHttp>[0]);
  };
  const readFileReference: ReferenceReader = (ref) => {
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
    // A referenced file gets the checks of a linted one: Spectral parses it just the same (an alias bomb there hangs it).
    // Read the checked real path, not the reference, so that the file read is the file checked.
    // Counted before the read: a file that is missing or refused now shapes the result as much as one read.
    filesRead.add(target);
    const checked = readCheckedText(target, policy.maxFileMegabytes ?? DEFAULT_MAX_FILE_MEGABYTES);
    if (checked.problem === undefined) return checked.text;
    const place =
      checked.problem.line === undefined ? '' : ` (line ${checked.problem.line}, column ${checked.problem.column})`;
    return refuse(`$ref ${ref.href()} was not read: the file ${checked.problem.message}${place}`);
  };
  const remote = { resolve: readOncePerRun(readRemote) };
  const file = { resolve: readOncePerRun(readFileReference) };
  const resolvers = { http: remote, https: remote, file };
  const resolver = new OneRunnerPerReferenceResolver({ resolvers }, documentFile, maxObjectsWalked);
  return { resolver, refusals, filesRead };
}

/** What one run of the resolver (one lint of the document) keeps: each file read and parsed once, the walk so far. */
class ResolverRun {
  readonly texts = new Map<string, Promise<string>>();
  readonly parsed = new Map<string, Promise<ParsedFile>>();
  /** The parsed tree of each file, by the address its runners have, for the targets of its local `$ref`s. */
  readonly trees = new Map<string, unknown>();
  /** True while the resolver walks the linted document itself, which it does first, synchronously, once. */
  walkingDocument = false;
  objectsWalked = 0;
  /** `objectsIn`'s answers: the parsed trees are shared by every runner of the run, and each is sized once. */
  readonly objectCounts = new Map<object, number>();
  /** Rejects when the walk passes its bound, so that the run ends then, not when every walk under way has. */
  readonly limitPassed: Promise<never>;
  private passLimit: (error: Error) => void = () => {};

  constructor(
    private readonly documentFile: string,
    private readonly maxObjectsWalked: number,
  ) {
    this.limitPassed = new Promise<never>((_resolve, reject) => {
      this.passLimit = reject;
    });
    // Handled by the race in OneRunnerPerReferenceResolver.resolve; this only keeps Node from calling it unhandled.
    this.limitPassed.catch(() => {});
  }

  /**
   * Counts the objects the resolver is about to walk. Past the bound it throws, here and at every later call,
   * which stops each walk under way (the error aborts a walk in progress, and fails each `$ref` not yet followed).
   */
  willWalk(target: unknown): void {
    this.objectsWalked += objectsIn(target, this.objectCounts);
    if (this.objectsWalked <= this.maxObjectsWalked) return;
    const error = new Error(
      `its $refs were not all followed: through other files they lead to more than ${this.maxObjectsWalked.toLocaleString('en-US')} ` +
        `objects to walk (each $ref into another file walks what it points to again, and $refs there that refer to ` +
        `each other are walked once per path); bundle ${basename(this.documentFile)} and the files it refers to into ` +
        `one file, or make fewer schemas in those files refer to each other`,
    );
    this.passLimit(error);
    throw error;
  }
}

const RUN = Symbol('safe-resolver run');

function runOf(ctx: unknown): ResolverRun {
  const run = (ctx as { [RUN]?: ResolverRun } | undefined)?.[RUN];
  if (run === undefined) throw new Error('safe-resolver: a reference was read outside a run of its resolver');
  return run;
}

/**
 * A file's text per run: every `$ref` into it gets its own lookup now (see RunnerlessCache), but the file is read (and
 * fetched) once. Per run, not per resolver: `fix` edits the document between runs, and a `$ref` may lead back into it.
 */
function readOncePerRun(read: ReferenceReader) {
  return (ref: { href(): string; scheme(): string }, ctx: unknown): Promise<string> => {
    const { texts } = runOf(ctx);
    const key = ref.href();
    let text = texts.get(key);
    if (text === undefined) {
      // Through a promise: a reader that refuses by throwing rejects, as the resolver expects.
      text = Promise.resolve(ref).then(read);
      texts.set(key, text);
    }
    return text;
  };
}

/**
 * json-ref-resolver (3.1.6) keeps one "runner" per file in its `uriCache` and resolves it again for every `$ref` into
 * that file, or back into the linted document. Each time, the runner walks the tree it dereferenced the time before and
 * dereferences it one level further (runner.js, `this._source = produce(...)`): a recursive schema reached through
 * another one, such as a shared 403 whose body is a Problem with `cause` and `errors` that are Problems, doubles per
 * `$ref` into its file (14 such `$ref`s take seconds, 16 most of a minute, each further one several times longer).
 * A `$ref` cycle that leaves the document and comes back does it up to 100 times, because the runners' chains of files,
 * which the library checks for cycles, leave out the document itself and mix in the chains of earlier `$ref`s.
 * With no runner kept, each `$ref` into a file gets a fresh runner that holds its true chain: the walk stays linear,
 * and a cycle is cut where it first comes back to a file of its chain, as Spectral leaves every circular `$ref`.
 * What a kept runner saved is kept per run instead: the read (readOncePerRun) and the parse of each file.
 */
class RunnerlessCache implements RunnerCache {
  readonly stats = { hits: 0, misses: 0 };

  get(): undefined {
    this.stats.misses += 1;
    return undefined;
  }

  set(): void {}

  has(): boolean {
    return false;
  }

  purge(): void {}
}

/**
 * Spectral's resolver with a fresh runner per `$ref` (RunnerlessCache), each file parsed once per run, and a bound on
 * the objects walked (MAX_OBJECTS_WALKED). Past the bound the run fails with a message that says what to do, and the
 * command reports the document as not linted (exit 2), instead of walking on for hours.
 */
class OneRunnerPerReferenceResolver extends Resolver {
  constructor(
    options: Pick<ResolverOptions, 'resolvers'>,
    private readonly documentFile: string,
    private readonly maxObjectsWalked: number,
  ) {
    super({ ...options, uriCache: new RunnerlessCache(), transformRef: countTargetOfLocalReference });
  }

  override resolve(source: unknown, opts: ResolveOptions = {}): ReturnType<Resolver['resolve']> {
    const run = new ResolverRun(this.documentFile, this.maxObjectsWalked);
    const parse = opts.parseResolveResult;
    // Spectral's parser, once per file: the same parsed tree serves every runner (the resolver copies, never mutates).
    // The library calls it for every `$ref` into another file, just before it walks what the `$ref` points to.
    const parseOnce: ParseResolveResult | undefined =
      parse === undefined
        ? undefined
        : async (uri) => {
            const key = uri.targetAuthority.href();
            let parsed = run.parsed.get(key);
            if (parsed === undefined) {
              parsed = parse(uri).then(({ result, error }): ParsedFile => ({ result, error }));
              run.parsed.set(key, parsed);
            }
            const { result, error } = await parsed;
            run.trees.set(String(uri.targetAuthority), result);
            run.willWalk(pointerTarget(result, uri.fragment));
            return { result, error };
          };
    // The library walks the document itself synchronously, before anything it refers to is read.
    run.walkingDocument = true;
    let resolution: ReturnType<Resolver['resolve']>;
    try {
      resolution = super.resolve(source, {
        ...opts,
        ctx: { ...(opts.ctx as object | undefined), [RUN]: run },
        parseResolveResult: parseOnce,
      });
    } finally {
      run.walkingDocument = false;
    }
    // The library turns an error in parseResolveResult into a failed `$ref` and goes on: the limit ends the run itself.
    return Promise.race([resolution, run.limitPassed]);
  }
}

/**
 * The library asks `transformRef` about every `$ref` it meets, before it follows one. Outside the document's own walk
 * a local `$ref` (`#/...`) is followed into its target, once per path: count the target's objects.
 */
const countTargetOfLocalReference: TransformRef = ({ ref, uri }, ctx) => {
  const run = runOf(ctx);
  if (run.walkingDocument || ref === undefined) return ref;
  const local = ref.toString().startsWith('#');
  run.willWalk(local ? pointerTarget(run.trees.get(String(uri)), ref.fragment()) : undefined);
  return ref;
};

/**
 * The objects the library's walk visits in a value: itself and, recursively, every object in it but `$ref`s, which
 * it follows (and counts) on their own. Memoized per object: the parsed trees are shared by every runner of a run.
 */
function objectsIn(value: unknown, objectCounts: Map<object, number>): number {
  if (typeof value !== 'object' || value === null) return 1;
  const known = objectCounts.get(value);
  if (known !== undefined) return known;
  let count = 1;
  // A value inside itself (possible with YAML aliases) counts once: the library's walk would not end there anyway.
  objectCounts.set(value, count);
  if (typeof (value as { $ref?: unknown }).$ref !== 'string') {
    for (const child of Object.values(value))
      if (typeof child === 'object' && child !== null) count += objectsIn(child, objectCounts);
  }
  objectCounts.set(value, count);
  return count;
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
