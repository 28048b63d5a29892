import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { CacheEntry, cacheIsOn, readCacheFile, writeCacheFile } from './cache-file';
import { sha256Of } from './content-hash';
import { fileKindOf } from './discover-files';
import { sizeProblemOf } from './document-text';
import type { CommandEnvironment, Setup } from './document-pipeline';
import { relativeFile } from './finding-key';
import { displayPath } from './input-problem';
import { lintFingerprint } from './lint-fingerprint';
import type { LintedDocument } from './lint-document';
import { CACHE_FILE, describeError, PACKAGE_NAME } from './names';

/** The lint stage of a run: the documents' lints, in the order of the files given. */
export type LintStage = (files: readonly string[]) => Promise<LintedDocument[]>;

export interface CacheOptions {
  cache?: boolean;
  cacheLocation?: string;
  quiet?: boolean;
}

/**
 * The lint stage with `--cache`: a document is served from the cache file when neither its bytes, nor those of any
 * local file its `$ref`s read, nor the fingerprint of the run (`lintFingerprint`) changed since it was linted; the
 * others are handed to `lint`, and remembered when their lint was complete (no input problem: a missing or refused
 * `$ref`, a syntax error or an engine error may depend on what is not hashed). With remote references allowed
 * nothing is cached: what a remote file says cannot be hashed before fetching it. Without `--cache` (or
 * `--cache-location`), `lint` itself.
 */
export function withCache(
  lint: LintStage,
  options: CacheOptions,
  setup: Setup,
  environment: CommandEnvironment,
): LintStage {
  if (!cacheIsOn(options)) return lint;
  const file = cacheFileOf(options.cacheLocation, environment.cwd);
  const note = (text: string) => {
    if (options.quiet !== true)
      environment.stderr.write(`${PACKAGE_NAME}: note: ${displayPath(file, environment.cwd)}: ${text}\n`);
  };
  if (setup.policy.allowRemoteRefs) {
    return (files) => {
      note('not used with --allow-remote-refs (what a remote file says cannot be known without fetching it)');
      return lint(files);
    };
  }
  return async (files) => {
    const cache = await readCacheFile(file);
    if (cache.note !== undefined) note(cache.note);
    const base = dirname(file);
    let fingerprint: string;
    try {
      fingerprint = lintFingerprint(setup, base, dirname(environment.ownRulesetModule));
    } catch (error) {
      // A ruleset Spectral loaded but JSON cannot write (a cycle in its definitions): no sound key, no cache.
      note(`not used: cannot fingerprint the ruleset (${describeError(error)})`);
      return lint(files);
    }
    const run = { fingerprint, base, hashes: new FileHashes(setup.limits.maxFileMegabytes) };
    const lookups: Lookup[] = [];
    for (const document of files) lookups.push(await lookUp(document, cache.entries, run));
    const misses = lookups.filter((lookup) => lookup.served === undefined);
    const fresh = await lint(misses.map((lookup) => lookup.file));
    if (cache.writable) {
      const { entries, changed } = await nextEntries(cache.entries, lookups, fresh, run);
      const problem = changed || cache.note !== undefined ? await writeCacheFile(file, entries) : undefined;
      if (problem !== undefined) note(problem);
    }
    let next = 0;
    return lookups.map((lookup) => lookup.served ?? fresh[next++]);
  };
}

/**
 * The cache after a run: each fresh lint remembered (or forgotten, when it must not be kept); the entries of
 * documents not linted in this run kept (another shard's, or those `--since` did not select), unless the document is gone.
 */
async function nextEntries(
  entries: ReadonlyMap<string, CacheEntry>,
  lookups: readonly Lookup[],
  fresh: readonly LintedDocument[],
  run: RunKey,
): Promise<{ entries: Map<string, CacheEntry>; changed: boolean }> {
  const next = new Map(entries);
  let changed = false;
  const misses = lookups.filter((lookup) => lookup.served === undefined);
  for (const [index, miss] of misses.entries()) {
    const entry = await entryOf(fresh[index], miss.sha256, run);
    if (entry === undefined) changed = next.delete(miss.key) || changed;
    else {
      next.set(miss.key, entry);
      changed = true;
    }
  }
  const seen = new Set(lookups.map((lookup) => lookup.key));
  for (const key of [...next.keys()].filter((key) => !seen.has(key))) {
    if (fileKindOf(resolve(run.base, key)) === 'missing') changed = next.delete(key) || changed;
  }
  return { entries: next, changed };
}

/**
 * The cache file: `--cache-location FILE` from the working directory, or the default name in the working directory;
 * a location that is a folder (or ends with `/`) holds the default name, as with ESLint.
 */
export function cacheFileOf(location: string | undefined, cwd: string): string {
  if (location === undefined) return resolve(cwd, CACHE_FILE);
  const path = resolve(cwd, location);
  return location.endsWith('/') || fileKindOf(path) === 'directory' ? join(path, CACHE_FILE) : path;
}

interface Lookup {
  file: string;
  /** The document's path relative to the cache's folder: its key in the cache. */
  key: string;
  /** sha256 of the document's bytes, read before it is linted; undefined when it cannot be read. */
  sha256?: string;
  served?: LintedDocument;
}

interface RunKey {
  fingerprint: string;
  /** The cache file's folder. */
  base: string;
  hashes: FileHashes;
}

async function lookUp(file: string, entries: ReadonlyMap<string, CacheEntry>, run: RunKey): Promise<Lookup> {
  const key = relativeFile(file, run.base);
  const sha256 = await run.hashes.of(file);
  const entry = entries.get(key);
  const miss = { file, key, sha256 };
  if (sha256 === undefined || entry === undefined) return miss;
  if (entry.fingerprint !== run.fingerprint || entry.sha256 !== sha256) return miss;
  if (entry.boundTo !== undefined && entry.boundTo !== run.base) return miss;
  for (const [read, hash] of Object.entries(entry.filesRead)) {
    if ((await run.hashes.of(resolve(run.base, read))) !== hash) return miss;
  }
  const results = entry.results.map((result) => withSource(result, (source) => resolve(run.base, source)));
  const filesRead = Object.keys(entry.filesRead)
    .map((read) => resolve(run.base, read))
    .sort();
  return { ...miss, served: { file, results, problems: [], filesRead } };
}

/** What the cache keeps of a fresh lint, or undefined when it must not keep it. */
async function entryOf(
  linted: LintedDocument,
  sha256: string | undefined,
  run: RunKey,
): Promise<CacheEntry | undefined> {
  if (sha256 === undefined || linted.problems.length > 0) return undefined;
  if (linted.results.some((result) => result.source !== undefined && !isAbsolute(result.source))) return undefined;
  const filesRead: Record<string, string> = {};
  for (const read of linted.filesRead) {
    const hash = await run.hashes.of(read);
    if (hash === undefined) return undefined;
    filesRead[relativeFile(read, run.base)] = hash;
  }
  const results = linted.results.map((result) => withSource(result, (source) => relativeFile(source, run.base)));
  const boundTo = JSON.stringify(results).includes(run.base) ? run.base : undefined;
  return { fingerprint: run.fingerprint, sha256, filesRead, ...(boundTo === undefined ? {} : { boundTo }), results };
}

/** The result with its `source` mapped, every other member (and their order) as it is. */
function withSource(result: ISpectralDiagnostic, map: (source: string) => string): ISpectralDiagnostic {
  return result.source === undefined ? result : { ...result, source: map(result.source) };
}

/** sha256 of files by path, each read once per run; undefined for one that cannot be read or is over the size limit. */
class FileHashes {
  private readonly known = new Map<string, Promise<string | undefined>>();

  constructor(private readonly maxFileMegabytes: number) {}

  of(file: string): Promise<string | undefined> {
    let hash = this.known.get(file);
    if (hash === undefined) {
      hash = this.read(file);
      this.known.set(file, hash);
    }
    return hash;
  }

  private async read(file: string): Promise<string | undefined> {
    try {
      if (sizeProblemOf((await stat(file)).size, this.maxFileMegabytes) !== undefined) return undefined;
      return sha256Of(await readFile(file));
    } catch {
      return undefined;
    }
  }
}
