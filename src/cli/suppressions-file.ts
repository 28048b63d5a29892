import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { replaceFileAtomically } from '../fix/write';
import { keyOfText, keyText } from './finding-key';
import type { InputProblem } from './input-problem';
import { byCodeUnit, describeError } from './names';

/**
 * The suppressions file's content: how many findings of each key (`keyText`) are known and accepted. On disk it is
 * `{ "<document>": { "<rule>": { "<JSON pointer>": <count> } } }`, every level sorted, so that the diff of a pull
 * request that changes it shows exactly which findings came or went.
 */
export type SuppressionCounts = Map<string, number>;

/** The file's counts; an absent file holds none. A file that is not such an object is an input problem. */
export async function readSuppressions(file: string): Promise<SuppressionCounts | InputProblem> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    return { file, message: `cannot read the suppressions file (${describeError(error)})` };
  }
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    return { file, ...placeOfJsonError(text, describeError(error)) };
  }
  const counts = countsOf(content);
  return typeof counts === 'string' ? { file, message: `not a suppressions file: ${counts}` } : counts;
}

/** The text the file is written with: sorted at every level (by code unit, the same on every machine). */
export function suppressionsText(counts: SuppressionCounts): string {
  // Without a prototype, a document named `__proto__` is a key like any other.
  const tree = Object.create(null) as Record<string, Record<string, Record<string, number>>>;
  for (const text of [...counts.keys()].sort(byCodeUnit)) {
    const count = counts.get(text) ?? 0;
    if (count <= 0) continue;
    const { file, rule, path } = keyOfText(text);
    tree[file] ??= Object.create(null);
    tree[file][rule] ??= Object.create(null);
    tree[file][rule][path] = count;
  }
  return `${JSON.stringify(tree, null, 2)}\n`;
}

/** Writes the counts atomically (an interrupted run leaves the old file or the new one), creating its folder. */
export function writeSuppressions(file: string, counts: SuppressionCounts): void {
  mkdirSync(dirname(file), { recursive: true });
  replaceFileAtomically(file, suppressionsText(counts));
}

/** The counts of a parsed file, or what is wrong with it (naming the entry, as a person would look for it). */
function countsOf(content: unknown): SuppressionCounts | string {
  const counts: SuppressionCounts = new Map();
  if (!isObject(content)) return 'expected an object of documents';
  for (const [file, rules] of Object.entries(content)) {
    if (!isObject(rules)) return `"${file}" should be an object of rules`;
    for (const [rule, paths] of Object.entries(rules)) {
      if (!isObject(paths)) return `"${file}" › "${rule}" should be an object of JSON paths`;
      for (const [path, count] of Object.entries(paths)) {
        if (!Number.isInteger(count) || (count as number) < 1) {
          return `"${file}" › "${rule}" › "${path}" should be a count (a whole number from 1 up)`;
        }
        counts.set(keyText({ file, rule, path }), count as number);
      }
    }
  }
  return counts;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `JSON.parse` names a character offset (Node 20) or adds the line (Node 22): the line and column either way. */
function placeOfJsonError(text: string, message: string): Omit<InputProblem, 'file'> {
  const offset = /at position (\d+)/.exec(message);
  const reason = `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`;
  if (offset === null) return { message: reason };
  const before = text.slice(0, Number(offset[1])).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1, message: reason };
}
