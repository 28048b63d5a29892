import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { getClosestJsonPath, traverseObjUntilRef } from '@stoplight/spectral-runtime';
import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { decodedPointerSegment, refOf } from '../openapi/json';
import type { JsonPath } from '../openapi/operations';
import { RULES } from '../ruleset';
import type { RuleFinding } from './repair';

/** A place in one file of a description: the file (absolute, symlinks resolved) and the keys within it. */
export interface Place {
  file: string;
  path: string[];
}

/** The linted document as the engine saw it, and the files its `$ref`s reach. */
export interface LintedDescription {
  /** The document's real path. */
  file: string;
  /** Its data as Spectral parsed it, before and after resolving `$ref`s. */
  unresolved: unknown;
  resolved: unknown;
  /** The data of another file a `$ref` reaches (a real path), or undefined when the fixer may not read it. */
  dataOf(file: string): unknown;
}

/** At most this many `$ref`s are followed one after the other (a cycle of references ends here). */
const MAX_REF_HOPS = 32;

/**
 * Where Spectral reports a finding whose path (in the resolved document) is `path`, as spectral-core's
 * DocumentInventory.findAssociatedItemForPath places it. A rule that reads the unresolved document (`resolved:
 * false`) is reported at that path in the document itself; one that reads the resolved document, when the document
 * has a `$ref` on the way, where the path leads through the `$ref`s, in whichever file that is. Either way the path
 * is cut after the last key the file has.
 */
export function reportedPlace(path: JsonPath, resolvedRule: boolean, description: LintedDescription): Place {
  const keys = path.map(spectralSegment);
  const inDocument = (data: unknown): Place => ({
    file: description.file,
    path: getClosestJsonPath(data, keys).map(String),
  });
  if (!resolvedRule) return inDocument(description.unresolved);
  try {
    // It shifts the path it is given: a fresh one.
    const firstRef = traverseObjUntilRef(description.unresolved, getClosestJsonPath(description.resolved, keys));
    if (firstRef === null) return inDocument(description.unresolved);
  } catch {
    return inDocument(description.resolved);
  }
  return placeThroughRefs(keys, description);
}

/** Walks the keys from the document's root, following each `$ref` on the way and at the end, as Spectral does. */
function placeThroughRefs(keys: readonly string[], description: LintedDescription): Place {
  let file = description.file;
  let data = description.unresolved;
  let at: string[] = [];
  let hops = 0;
  for (let index = 0; index <= keys.length; index++) {
    for (let ref = refOf(valueAt(data, at)); ref !== undefined && hops < MAX_REF_HOPS; ref = refOf(valueAt(data, at))) {
      hops += 1;
      const target = targetOf(file, ref);
      if (target.file !== file) {
        const targetData = target.file === description.file ? description.unresolved : description.dataOf(target.file);
        // A file the fixer may not read: where the `$ref` points is as far as the fixer can tell.
        if (targetData === undefined) return { file: target.file, path: [...target.path, ...keys.slice(index)] };
        file = target.file;
        data = targetData;
      }
      at = target.path;
    }
    if (index < keys.length) at = [...at, keys[index]];
  }
  return { file, path: getClosestJsonPath(data, at).map(String) };
}

/** The file (this one for `#...`) and the keys of the JSON pointer a `$ref` string names. */
function targetOf(from: string, ref: string): Place {
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? '' : ref.slice(hash + 1);
  const keys = pointer.startsWith('/') ? pointer.slice(1).split('/').map(decodedPointerSegment) : [];
  if (filePart === '') return { file: from, path: keys };
  const remote = /^[a-z][a-z0-9+.-]*:/i.test(filePart) && !/^file:/i.test(filePart);
  if (remote) return { file: filePart, path: keys };
  const relative = decodeURIComponent(filePart.replace(/^file:\/\//i, ''));
  return { file: realPathOf(resolve(dirname(from), relative)), path: keys };
}

/** The value at keys that Spectral's paths spell as strings, array indexes included. */
function valueAt(data: unknown, keys: readonly string[]): unknown {
  let node = data;
  for (const key of keys) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A finding path's segment as Spectral reads it (`~1` and `~0` decoded, numbers as strings). */
function spectralSegment(segment: string | number): string {
  return typeof segment === 'string' ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : String(segment);
}

/** The path with symlinks resolved; as it is for a file that does not exist (or a URL). */
export function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * The findings each Spectral result reports, matched by rule and place (`reportedPlace`), never by message: a team
 * ruleset may word a rule's message its own way, and two findings may share one. Spectral keeps a rule's findings at
 * one place in the order the rule gave them (its sort is stable), so when the counts agree the n-th result there is
 * the n-th finding; when they do not (Spectral drops a message repeated at a place), each result there stands for
 * all the findings there. A document-level finding is reported at the root, and repaired where it `covers`.
 */
export function findingsOfResults(
  results: readonly ISpectralDiagnostic[],
  findings: readonly RuleFinding[],
  description: LintedDescription,
): Map<ISpectralDiagnostic, RuleFinding[]> {
  const resultsAt = groupedBy(results, (result) => {
    const place = { file: realPathOf(result.source ?? description.file), path: result.path.map(String) };
    return identityOf(String(result.code), place);
  });
  const findingsAt = groupedBy(findings, (finding) =>
    identityOf(finding.rule, reportedPlace(finding.path, RESOLVED_RULES.has(finding.rule), description)),
  );
  const matched = new Map<ISpectralDiagnostic, RuleFinding[]>();
  for (const [identity, here] of resultsAt) {
    const candidates = findingsAt.get(identity) ?? [];
    const inOrder = here.length === candidates.length;
    here.forEach((result, index) => matched.set(result, inOrder ? [candidates[index]] : candidates));
  }
  return matched;
}

/** The rules that read the resolved document, so that Spectral places their findings through `$ref`s. */
const RESOLVED_RULES: ReadonlySet<string> = new Set(RULES.filter((rule) => rule.resolved).map((rule) => rule.name));

/** A finding's identity: its rule, and the file and JSON path where it is reported. */
function identityOf(rule: string, place: Place): string {
  return JSON.stringify([rule, place.file, place.path]);
}

function groupedBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
