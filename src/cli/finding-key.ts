import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * What one finding is, independent of where lines fall: the linted document (relative to a base folder, `/`
 * separators), the rule, and the JSON path of the place. Never the line or the message, so that an edit elsewhere in
 * the document, or a reworded message, leaves it the same finding. Suppressions, `--since` and report fingerprints
 * all identify findings by this one key.
 */
export interface FindingKey {
  /** The linted document, so that a run that lints only some documents (`--since`, `--shard`) knows whose keys it saw. */
  file: string;
  rule: string;
  /**
   * A JSON pointer (RFC 6901) to the place, `` for the root: `/paths/~1pets/get/responses/404`; for a finding in
   * another file that the document's `$ref`s read, that file first: `shared/errors.yaml#/components/responses/Denied`.
   */
  path: string;
}

/** The key of a finding of the document `documentFile` (absolute). */
export function findingKeyOf(result: ISpectralDiagnostic, documentFile: string, baseDirectory: string): FindingKey {
  const pointer = jsonPointerOf(result.path);
  const source = result.source === undefined ? documentFile : resolve(result.source);
  const path = source === resolve(documentFile) ? pointer : `${relativeFile(source, baseDirectory)}#${pointer}`;
  return { file: relativeFile(documentFile, baseDirectory), rule: String(result.code), path };
}

/** `file`, `rule` and `path` in one string, for maps and sets: no part can contain the separator. */
export function keyText(key: FindingKey): string {
  return `${key.file}\u0000${key.rule}\u0000${key.path}`;
}

/** The key a `keyText` was made of. */
export function keyOfText(text: string): FindingKey {
  const [file, rule, path] = text.split('\u0000');
  return { file, rule, path };
}

/** The path of a file as a key names it: relative to the base folder, with `/` on every system. */
export function relativeFile(file: string, baseDirectory: string): string {
  if (!isAbsolute(file)) return file.split(sep).join('/');
  return relative(baseDirectory, file).split(sep).join('/');
}

export function jsonPointerOf(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * A stable fingerprint per finding, in the order given: a hash of its key and of how many findings with the same key
 * came before it (two findings may share a key, and code scanning wants one identity per alert).
 */
export function fingerprintsOf(keys: readonly FindingKey[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const text = keyText(key);
    const occurrence = seen.get(text) ?? 0;
    seen.set(text, occurrence + 1);
    return createHash('sha256').update(`${text}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}

/** How many findings there are of each key: what a suppressions file or a `--since` baseline holds. */
export function countsByKey(keys: readonly FindingKey[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(keyText(key), (counts.get(keyText(key)) ?? 0) + 1);
  return counts;
}

/**
 * The findings a baseline does not cover, in their order: of the findings with one key, the first `count` are
 * covered and the rest are not. `unused` holds, per key, how many of the baseline's findings were not met.
 */
export function beyondBaseline<T>(
  findings: readonly T[],
  keyOf: (finding: T) => FindingKey,
  baseline: ReadonlyMap<string, number>,
): { kept: T[]; covered: T[]; unused: Map<string, number> } {
  const left = new Map(baseline);
  const kept: T[] = [];
  const covered: T[] = [];
  for (const finding of findings) {
    const text = keyText(keyOf(finding));
    const remaining = left.get(text) ?? 0;
    if (remaining > 0) {
      left.set(text, remaining - 1);
      covered.push(finding);
    } else {
      kept.push(finding);
    }
  }
  const unused = new Map([...left].filter(([, count]) => count > 0));
  return { kept, covered, unused };
}
