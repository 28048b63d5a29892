import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { isInside, realPathOf } from '../containment';
import { isJsonFile, sizeProblemOf } from './document-text';

/** The local files that documents' `$ref`s reach, found by reading `$ref` strings, without linting anything. */
export interface ReferenceScan {
  /**
   * The real paths of the local files the document's `$ref`s reach, transitively, that a lint of it may read
   * (inside `roots`): those that are missing or too large included, as the lint depends on them just the same.
   */
  filesReached(document: string, roots: readonly string[]): Promise<Set<string>>;
}

/** A scan for one run: each file is read and parsed once, however many documents reach it. */
export function referenceScan(maxFileMegabytes: number): ReferenceScan {
  const targets = new Map<string, Promise<string[]>>();
  const targetsOf = (file: string): Promise<string[]> => {
    let known = targets.get(file);
    if (known === undefined) {
      known = localReferenceTargets(file, maxFileMegabytes);
      targets.set(file, known);
    }
    return known;
  };
  return {
    async filesReached(document, roots) {
      const reached = new Set<string>();
      const start = realPathOf(document);
      const queue = [start];
      for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
        for (const target of await targetsOf(file)) {
          if (target === start || reached.has(target) || !roots.some((root) => isInside(target, root))) continue;
          reached.add(target);
          queue.push(target);
        }
      }
      return reached;
    },
  };
}

/**
 * The real paths of the local files that a file's own `$ref`s name; none for a file that cannot be read or parsed
 * (Spectral cannot follow its `$ref`s either) or is over the size limit (the lint refuses it unread).
 */
export async function localReferenceTargets(file: string, maxFileMegabytes: number): Promise<string[]> {
  let text: string;
  try {
    if (sizeProblemOf((await stat(file)).size, maxFileMegabytes) !== undefined) return [];
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  if (!mayReferToOtherFiles(text)) return [];
  const data = parsed(text, isJsonFile(file));
  const files = referenceStrings(data).flatMap((ref) => {
    const target = localFileOf(ref, file);
    return target === undefined ? [] : [target];
  });
  return [...new Set(files)];
}

/**
 * Whether the text may hold a `$ref` to another file: any `$ref` not written as a plain `$ref: '#/...'`. A text
 * with only `$ref`s within itself, the most common case, needs no parsing.
 */
export function mayReferToOtherFiles(text: string): boolean {
  const sameFileAfterKey = /['"]?\s*:\s*['"]?#/y;
  for (let at = text.indexOf('$ref'); at !== -1; at = text.indexOf('$ref', at + 1)) {
    sameFileAfterKey.lastIndex = at + '$ref'.length;
    if (!sameFileAfterKey.test(text)) return true;
  }
  return false;
}

/** The file's data; undefined when it does not parse (Spectral could not follow its `$ref`s either). */
function parsed(text: string, isJson: boolean): unknown {
  try {
    // JSON.parse is many times faster than a YAML parser on large JSON descriptions.
    if (isJson) return JSON.parse(text) as unknown;
  } catch {
    // Spectral's JSON parser accepts more (comments, trailing commas): YAML reads most of that.
  }
  try {
    // `yaml` refuses documents whose aliases expand without bound.
    return parse(text, { uniqueKeys: false }) as unknown;
  } catch {
    return undefined;
  }
}

/** Every `$ref` string in the parsed data, walked without recursion (documents may nest deeply). */
function referenceStrings(data: unknown): string[] {
  const refs: string[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') refs.push(ref);
    // One at a time: spreading an array of many thousand items into push would pass the argument limit.
    for (const child of Object.values(value)) stack.push(child);
  }
  return refs;
}

/** The file a `$ref` written in `from` names, as a real path; undefined for a `$ref` into `from` or a remote one. */
export function localFileOf(ref: string, from: string): string | undefined {
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  if (filePart === '') return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(filePart) && !/^file:/i.test(filePart)) return undefined;
  const written = filePart.replace(/^file:\/\//i, '');
  let path: string;
  try {
    path = decodeURIComponent(written);
  } catch {
    path = written;
  }
  return realPathOf(resolve(dirname(from), path));
}
