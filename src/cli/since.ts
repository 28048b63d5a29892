import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { realpathSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { isInside } from '../containment';
import { ChangedFiles, changedFilesSince, SinceError } from './changed-files';
import type { CommandEnvironment, Setup } from './document-pipeline';
import { beyondBaseline, countsByKey, FindingKey, findingKeyOf, relativeFile } from './finding-key';
import { LintedDocument, lintDocuments } from './lint-document';
import { referenceScan } from './local-references';
import { describeError } from './names';
import { revisionTree } from './revision-tree';

/** The documents a run lints, and which of their findings it reports. */
export interface Selection {
  files: string[];
  /** The findings to report: with `--since`, those the same documents did not have at the revision. */
  reported(linted: LintedDocument[]): Promise<LintedDocument[]>;
}

/** A document `--since` lints: where it is now, and where it was at the revision (renames followed). */
interface ChangedDocument {
  file: string;
  /** Relative to the repository's top, `/` separators. */
  path: string;
  pathAtRevision: string;
}

/**
 * `--since REF`: of the documents given, those that differ between REF and the working tree, or whose local `$ref`s
 * reach (transitively) a file that does; their findings are reported unless the same document had them at REF
 * (compared by finding key, renamed files by their new names). Without `--since`, every document and every finding.
 * Documents outside the repository are never selected: git knows nothing of them.
 */
export async function selectSince(
  revision: string | undefined,
  files: string[],
  setup: Setup,
  environment: CommandEnvironment,
): Promise<Selection | { error: string }> {
  if (revision === undefined) return { files, reported: (linted) => Promise.resolve(linted) };
  let changes: ChangedFiles;
  try {
    changes = await changedFilesSince(revision, environment.cwd, environment.env);
  } catch (error) {
    if (error instanceof SinceError) return { error: error.message };
    throw error;
  }
  const documents = await changedDocuments(files, changes, setup);
  return {
    files: documents.map((document) => document.file),
    // Git failing now (rare: the revision was read a moment ago) ends the run with its reason in one line.
    reported: (linted) =>
      newFindingsOnly(linted, documents, changes, setup, environment.env).catch((error: unknown) => {
        throw new SinceError(`--since ${revision}: ${describeError(error)}`);
      }),
  };
}

/** The documents that differ, or reach through their `$ref`s a file that differs, in the order given. */
async function changedDocuments(files: string[], changes: ChangedFiles, setup: Setup): Promise<ChangedDocument[]> {
  if (changes.changed.size === 0) return [];
  const realTop = realpathSync(changes.top);
  const scan = referenceScan(setup.limits.maxFileMegabytes);
  const selected: ChangedDocument[] = [];
  for (const file of files) {
    const path = pathInRepository(file, realTop);
    if (path === undefined) continue;
    let changed = changes.changed.has(path);
    if (!changed) {
      const roots = [realpathSync(dirname(file)), ...setup.policy.allowedDirectories];
      const reached = await scan.filesReached(file, roots);
      changed = [...reached].some((reachedFile) => changes.changed.has(pathInRepository(reachedFile, realTop) ?? ''));
    }
    if (changed) selected.push({ file, path, pathAtRevision: changes.renamedFrom.get(path) ?? path });
  }
  return selected;
}

/** A file's path relative to the repository's top (`/` separators), or undefined outside the repository. */
function pathInRepository(file: string, realTop: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    real = file;
  }
  return isInside(real, realTop) ? relativeFile(real, realTop) : undefined;
}

/**
 * Lints the documents as they were at the revision (written out in a temporary folder, removed afterwards) with the
 * same ruleset and `$ref` policy, and keeps of each document's findings those beyond what it had then.
 */
async function newFindingsOnly(
  linted: LintedDocument[],
  documents: readonly ChangedDocument[],
  changes: ChangedFiles,
  setup: Setup,
  env: NodeJS.ProcessEnv,
): Promise<LintedDocument[]> {
  if (documents.length === 0) return linted;
  const allowed = allowedInRepository(setup.policy.allowedDirectories, realpathSync(changes.top));
  const folders = [
    ...documents.map((document) => posix.dirname(document.pathAtRevision)),
    ...allowed.flatMap(({ path }) => path ?? []),
  ];
  const tree = await revisionTree(changes.commit, folders, changes.top, env);
  try {
    const then = documents.filter((document) => tree.files.has(document.pathAtRevision));
    // `--allow-outside-refs` folders of the repository as they were too; those outside it as they are.
    const allowedThen = allowed.map(({ directory, path }) => (path === undefined ? directory : join(tree.root, path)));
    const lintedThen = await lintDocuments(
      then.map((document) => join(tree.root, document.pathAtRevision)),
      { ...setup, policy: { ...setup.policy, allowedDirectories: allowedThen } },
    );
    const newNames = new Map([...changes.renamedFrom].map(([now, before]) => [before, now]));
    const baselines = new Map(
      then.map((document, index) => [
        document.file,
        countsByKey(keysNow(lintedThen[index], relativeFile(document.file, changes.top), tree.root, newNames)),
      ]),
    );
    return linted.map((document) => {
      const keyOf = (result: ISpectralDiagnostic): FindingKey => findingKeyOf(result, document.file, changes.top);
      const { kept } = beyondBaseline(document.results, keyOf, baselines.get(document.file) ?? new Map());
      return { ...document, results: kept };
    });
  } finally {
    await tree.remove();
  }
}

/** The `--allow-outside-refs` folders, each with its path in the repository (undefined for one outside it). */
function allowedInRepository(directories: readonly string[], realTop: string): { directory: string; path?: string }[] {
  return directories.map((directory) => ({ directory, path: pathInRepository(directory, realTop) }));
}

/**
 * The keys of the findings a document had at the revision, as its findings now have them: under the document's name
 * now (`file`), and the names now of the other files they sit in.
 */
function keysNow(
  lintedThen: LintedDocument,
  file: string,
  treeRoot: string,
  newNames: ReadonlyMap<string, string>,
): FindingKey[] {
  return lintedThen.results.map((result) => {
    const key = findingKeyOf(result, lintedThen.file, treeRoot);
    return { ...key, file, path: renamedPath(key.path, newNames) };
  });
}

/** A key's path with the file part (a finding in another file, `file#/pointer`) under that file's name now. */
export function renamedPath(path: string, newNames: ReadonlyMap<string, string>): string {
  if (path === '' || path.startsWith('/')) return path;
  const hash = path.indexOf('#');
  const file = path.slice(0, hash);
  return `${newNames.get(file) ?? file}${path.slice(hash)}`;
}
