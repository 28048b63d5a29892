import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { replaceFileAtomically } from '../fix/write';
import { byCodeUnit, describeError, PACKAGE_NAME } from './names';

/** Whether the run uses the cache file: `--cache`, or `--cache-location`, which implies it. */
export function cacheIsOn(options: { cache?: boolean; cacheLocation?: string }): boolean {
  return options.cache === true || options.cacheLocation !== undefined;
}

/** What the cache remembers of one document, keyed by its path relative to the cache file's folder. */
export interface CacheEntry {
  /** `lintFingerprint` of the run that linted it: the ruleset, the command, Spectral, Node and the `$ref` policy. */
  fingerprint: string;
  /** sha256 of the document's bytes. */
  sha256: string;
  /** sha256 of each local file its `$ref`s read, by path relative to the cache file's folder. */
  filesRead: Record<string, string>;
  /**
   * Set when the results name the cache's folder by absolute path (a message that quotes a path): they are then
   * served only from that folder. Results' `source`s are stored relative to the folder, and restored.
   */
  boundTo?: string;
  results: ISpectralDiagnostic[];
}

/** The cache file's first member, written first, so that a damaged file of ours is told from a foreign one. */
export const CACHE_FORMAT = `${PACKAGE_NAME}-cache`;
/** Raised whenever what an entry holds or means changes: a cache of another version is ignored and written anew. */
export const CACHE_VERSION = 1;

export interface CacheFile {
  entries: Map<string, CacheEntry>;
  /** A one-line note for standard error when the file was there but could not be used. */
  note?: string;
  /** False when the file must be left as it is (not ours) or cannot be read (a directory): then it is never written. */
  writable: boolean;
}

/**
 * The cache at `file`. Missing: empty. Unreadable, or not a cache of this command: ignored, with a note, and never
 * overwritten (it may be someone's file). Ours but damaged, or of another version: ignored, with a note, and
 * written anew. Never throws.
 */
export async function readCacheFile(file: string): Promise<CacheFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return { entries: new Map(), writable: true };
    return ignored(`cannot read it (${describeError(error)}); linting without the cache`, false);
  }
  if (text.trim() === '') return { entries: new Map(), writable: true };
  if (!text.startsWith(`{"format":"${CACHE_FORMAT}"`)) {
    return ignored(
      `it is not a cache of ${PACKAGE_NAME}: left as it is (delete it, or choose another --cache-location)`,
      false,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return ignored('it is damaged (not valid JSON): ignored, and written anew', true);
  }
  const version = (parsed as { version?: unknown }).version;
  if (version !== CACHE_VERSION) {
    return ignored(`it was written in another format (version ${String(version)}): ignored, and written anew`, true);
  }
  const documents = (parsed as { documents?: unknown }).documents;
  if (!isRecord(documents) || !Object.values(documents).every(isCacheEntry)) {
    return ignored('it is damaged (an entry is not what this version writes): ignored, and written anew', true);
  }
  return { entries: new Map(Object.entries(documents as Record<string, CacheEntry>)), writable: true };
}

/**
 * Writes the cache atomically (its folder created if missing), so that a reader never sees half a file. Entries
 * sorted by path, so that the file is the same for the same cache. Returns what went wrong, for a note; never throws.
 */
export async function writeCacheFile(
  file: string,
  entries: ReadonlyMap<string, CacheEntry>,
): Promise<string | undefined> {
  const documents = Object.fromEntries([...entries].sort(([a], [b]) => byCodeUnit(a, b)));
  const text = JSON.stringify({ format: CACHE_FORMAT, version: CACHE_VERSION, documents });
  try {
    await mkdir(dirname(file), { recursive: true });
    replaceFileAtomically(file, text);
    return undefined;
  } catch (error) {
    return `cannot write it (${describeError(error)}); the next run lints every document again`;
  }
}

function ignored(note: string, writable: boolean): CacheFile {
  return { entries: new Map(), note, writable };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCacheEntry(value: unknown): value is CacheEntry {
  if (!isRecord(value)) return false;
  const { fingerprint, sha256, filesRead, boundTo, results } = value;
  return (
    typeof fingerprint === 'string' &&
    typeof sha256 === 'string' &&
    isRecord(filesRead) &&
    Object.values(filesRead).every((hash) => typeof hash === 'string') &&
    (boundTo === undefined || typeof boundTo === 'string') &&
    Array.isArray(results) &&
    results.every(isResult)
  );
}

/** What the report stage reads of a result: a damaged entry must not crash a formatter. */
function isResult(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { code, message, path, severity, range, source } = value;
  const position = (place: unknown) =>
    isRecord(place) && typeof place.line === 'number' && typeof place.character === 'number';
  return (
    (typeof code === 'string' || typeof code === 'number') &&
    typeof message === 'string' &&
    Array.isArray(path) &&
    typeof severity === 'number' &&
    (source === undefined || typeof source === 'string') &&
    isRecord(range) &&
    position(range.start) &&
    position(range.end)
  );
}
