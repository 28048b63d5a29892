import * as YAML from 'yaml';
import { checkNotRepeated, describe, Key, Location, pairNamed, refStringOf } from './locate';
import { refuse } from './refusal';
import { jsonMember, plain, yamlBlockEntry, yamlFlowEntry } from './render';
import type { SourceFile } from './source';

/** Replace `text[start, end)` by `text`: every change the fixer makes is one of these. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** What an edit means for the file's data: verified against the repaired text before anything is written. */
export type DataChange = { kind: 'set'; path: Key[]; value: unknown } | { kind: 'delete'; path: Key[] };

/** Where a new key goes among a map's keys: the index of the entry to follow, or -1 for before the first. */
export type Placement = (keys: readonly string[]) => number;

export const atEnd: Placement = (keys) => keys.length - 1;

/** After the last of the named keys present (spec order: `components` after `paths`), else at the end. */
export function after(...names: string[]): Placement {
  return (keys) => {
    for (let index = keys.length - 1; index >= 0; index--) if (names.includes(keys[index])) return index;
    return keys.length - 1;
  };
}

/** A status code goes after the codes that sort before it (`401` after `200`, before `404`, `4XX` and `default`). */
export function statusOrder(code: string): Placement {
  const rank = statusRank(code);
  return (keys) => {
    let index = -1;
    keys.forEach((key, at) => {
      if (statusRank(key) < rank) index = at;
    });
    return index;
  };
}

function statusRank(key: string): number {
  if (/^[1-5]\d\d$/.test(key)) return Number(key);
  if (/^[1-5]XX$/i.test(key)) return Number(key[0]) * 100 + 99.5;
  if (key === 'default') return 1000;
  return Number.POSITIVE_INFINITY;
}

interface FileEdits {
  source: SourceFile;
  /** Removals, made as planned. */
  removals: TextEdit[];
  /** Insertions, per map and per place in it: written together when the plan is done (see `edits`). */
  insertions: Map<YAML.YAMLMap, Map<number, Entry[]>>;
  changes: DataChange[];
  /** `offset of the map:key` of every entry added, so that the same entry is never added twice. */
  added: Map<string, string>;
}

/** A new `key: value` entry of a map. */
interface Entry {
  key: Key;
  value: unknown;
}

/** The edits of one fix run, per file, planned by repairs and turned into text edits at the end. */
export class EditPlan {
  private readonly byFile = new Map<string, FileEdits>();

  /** Per file changed: the text edits, and what they mean for the data. */
  files(): { source: SourceFile; edits: TextEdit[]; changes: DataChange[] }[] {
    return [...this.byFile.values()]
      .map(({ source, removals, insertions, changes }) => ({
        source,
        edits: [...removals, ...insertionEdits(source, insertions)],
        changes,
      }))
      .filter((file) => file.edits.length > 0);
  }

  /**
   * Makes `keys` lead to `value` below the map at `at`: adds the missing maps on the way and the value at the end.
   * Returns false when the last key is there already (nothing to do). `placements[i]` places `keys[i]` when added.
   */
  ensure(at: Location, keys: readonly Key[], value: unknown, placements: readonly Placement[]): boolean {
    let here = at;
    for (let depth = 0; depth < keys.length; depth++) {
      const map = mapAt(here);
      const pair = pairNamed(map, keys[depth]);
      if (pair === undefined) {
        const nested = keys.slice(depth + 1).reduceRight<unknown>((inner, key) => new Map([[key, inner]]), value);
        this.addPair(here, map, keys[depth], nested, placements[depth] ?? atEnd);
        return true;
      }
      if (depth === keys.length - 1) return false;
      const child = pair.value;
      const next: Location = { ...here, node: YAML.isNode(child) ? child : null, path: [...here.path, keys[depth]] };
      if (refStringOf(next.node) !== undefined)
        refuse(`${describe(next)} is a $ref: the change belongs where it points`);
      if (YAML.isAlias(child)) refuse(`${describe(next)} is a YAML alias of a node used elsewhere`);
      here = next;
    }
    return false;
  }

  /** Removes the entry `key` from the map at `at` (with its whole value). */
  remove(at: Location, key: Key): void {
    const map = mapAt(at);
    const index = map.items.findIndex((pair) => keyOf(pair) === String(key));
    if (index < 0) return;
    const file = this.fileOf(at.source);
    const marker = `${map.range?.[0]}:-${String(key)}`;
    if (file.added.has(marker)) return;
    file.added.set(marker, '');
    file.removals.push(removalEdit(at.source, map, index));
    file.changes.push({ kind: 'delete', path: [...at.path, String(key)] });
  }

  private addPair(at: Location, map: YAML.YAMLMap, key: Key, value: unknown, placement: Placement): void {
    const file = this.fileOf(at.source);
    const marker = `${map.range?.[0]}:${String(key)}`;
    const planned = JSON.stringify(plain(value));
    const earlier = file.added.get(marker);
    if (earlier !== undefined) {
      if (earlier === planned) return;
      refuse(`another repair is already adding "${key}" to ${describe(at)}`);
    }
    file.added.set(marker, planned);
    const places = file.insertions.get(map) ?? new Map<number, Entry[]>();
    file.insertions.set(map, places);
    const index = placement(map.items.map(keyOf));
    places.set(index, [...(places.get(index) ?? []), { key, value }]);
    file.changes.push({ kind: 'set', path: [...at.path, String(key)], value: plain(value) });
  }

  private fileOf(source: SourceFile): FileEdits {
    let file = this.byFile.get(source.path);
    if (file === undefined) {
      file = { source, removals: [], insertions: new Map(), changes: [], added: new Map() };
      this.byFile.set(source.path, file);
    }
    return file;
  }
}

function mapAt(at: Location): YAML.YAMLMap {
  const node = at.node;
  if (!YAML.isMap(node) || node.range === undefined || node.range === null)
    return refuse(`${describe(at)} is not a map`);
  checkNotRepeated(at);
  return node;
}

/** One text edit per place where entries go; entries at one place in status-code order, else as planned. */
function insertionEdits(source: SourceFile, insertions: FileEdits['insertions']): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const [map, places] of insertions) {
    for (const [index, entries] of places) {
      const ordered = entries
        .map((entry, order) => ({ entry, order }))
        .sort((a, b) => statusRank(String(a.entry.key)) - statusRank(String(b.entry.key)) || a.order - b.order)
        .map(({ entry }) => entry);
      edits.push(insertionEdit(source, map, index, ordered));
    }
  }
  return edits;
}

function keyOf(pair: YAML.Pair): string {
  return YAML.isScalar(pair.key) ? String(pair.key.value) : '';
}

function endOf(pair: YAML.Pair): number {
  const value = YAML.isNode(pair.value) ? pair.value.range?.[1] : undefined;
  const key = YAML.isNode(pair.key) ? pair.key.range?.[1] : undefined;
  return Math.max(value ?? 0, key ?? 0);
}

function startOf(pair: YAML.Pair): number {
  return (YAML.isNode(pair.key) ? pair.key.range?.[0] : undefined) ?? 0;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The start of the line after the one `offset` is on (or the text's end): where whole lines are inserted. */
function nextLineStart(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

function isBlankBefore(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

/** A `{ $ref }` entry is written in flow style where the map's other entries are (`'404': { $ref: ... }`). */
function writesValuesInFlow(map: YAML.YAMLMap): boolean {
  const collections = map.items.map((pair) => pair.value).filter((value) => YAML.isCollection(value));
  const flow = collections.filter((value) => (value as YAML.YAMLMap).flow === true).length;
  return flow > collections.length - flow;
}

function isReference(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !(value instanceof Map) && Object.keys(value).join() === '$ref';
}

// Keys are written as strings, so a status code is quoted (`'401':`) even beside `200:`: Spectral's parser
// reports a number key as an error, and a repair must not add findings.
function insertionEdit(source: SourceFile, map: YAML.YAMLMap, index: number, entries: readonly Entry[]): TextEdit {
  if (source.format === 'json') return jsonInsertion(source, map, index, entries);
  if (map.flow === true) return flowInsertion(source, map, index, entries);
  return blockInsertion(source, map, index, entries);
}

function blockInsertion(source: SourceFile, map: YAML.YAMLMap, index: number, entries: readonly Entry[]): TextEdit {
  const { text, style } = source;
  const first = startOf(map.items[0]);
  const column = first - lineStart(text, first);
  const flowRefs = writesValuesInFlow(map);
  const lines = entries
    .map(({ key, value }) => yamlBlockEntry(style, column, key, value, flowRefs && isReference(value)))
    .join('');
  if (index < 0 && isBlankBefore(text, first)) {
    // Before the first entry, and before the comment lines just above it, which belong to it.
    let at = lineStart(text, first);
    while (at > 0) {
      const previous = lineStart(text, at - 1);
      const line = text.slice(previous, at);
      if (!/^[ \t]*#/.test(line) || line.search(/\S/) !== column) break;
      at = previous;
    }
    return { start: at, end: at, text: lines };
  }
  // After the entry the placement names (or after the last, when the first entry shares its line: `- name: x`).
  const at = nextLineStart(text, endOf(map.items[index < 0 ? map.items.length - 1 : index]));
  if (at === text.length && !text.endsWith('\n')) {
    // The file has no final line end: keep it that way.
    return { start: at, end: at, text: style.eol + lines.slice(0, -style.eol.length) };
  }
  return { start: at, end: at, text: lines };
}

function flowInsertion(source: SourceFile, map: YAML.YAMLMap, index: number, entries: readonly Entry[]): TextEdit {
  const written = entries.map(({ key, value }) => yamlFlowEntry(source.style, key, value));
  if (map.items.length === 0)
    return { start: map.range![0] + 1, end: map.range![1] - 1, text: ` ${written.join(', ')} ` };
  if (index < 0) {
    const first = startOf(map.items[0]);
    return { start: first, end: first, text: written.map((entry) => `${entry}, `).join('') };
  }
  const end = endOf(map.items[index]);
  return { start: end, end, text: written.map((entry) => `, ${entry}`).join('') };
}

function jsonInsertion(source: SourceFile, map: YAML.YAMLMap, index: number, entries: readonly Entry[]): TextEdit {
  const { text, style } = source;
  const [open, close] = [map.range![0], map.range![1]];
  const newline = text.indexOf('\n', open);
  const expanded = style.indentUnit !== '' && newline >= 0 && newline < close;
  if (map.items.length === 0) {
    if (style.indentUnit === '')
      return {
        start: open + 1,
        end: close - 1,
        text: entries.map((e) => jsonMember(style, e.key, e.value, ':', '', false)).join(','),
      };
    const outer = leadingWhitespace(text, open);
    const inner = outer + style.indentUnit;
    const members = entries.map((e) => jsonMember(style, e.key, e.value, ': ', inner, true));
    return {
      start: open + 1,
      end: close - 1,
      text: `${style.eol}${inner}${members.join(`,${style.eol}${inner}`)}${style.eol}${outer}`,
    };
  }
  const sample = map.items[0];
  const colon = text.slice((sample.key as YAML.Scalar).range![1], (sample.value as YAML.Node).range![0]);
  if (!expanded) {
    const members = entries.map((e) => jsonMember(style, e.key, e.value, colon, '', false));
    const comma = map.items.length > 1 ? text.slice(endOf(sample), startOf(map.items[1])) : ', ';
    if (index < 0)
      return { start: startOf(sample), end: startOf(sample), text: members.map((m) => m + comma).join('') };
    const end = endOf(map.items[index]);
    return { start: end, end, text: members.map((m) => comma + m).join('') };
  }
  const indent = leadingWhitespace(text, startOf(sample));
  const members = entries.map((e) => jsonMember(style, e.key, e.value, colon, indent, true));
  const wholeLines = members.map((m) => `${indent}${m},${style.eol}`).join('');
  if (index < 0) {
    if (isBlankBefore(text, startOf(sample))) {
      const at = lineStart(text, startOf(sample));
      return { start: at, end: at, text: wholeLines };
    }
    return {
      start: startOf(sample),
      end: startOf(sample),
      text: members.map((m) => `${m},${style.eol}${indent}`).join(''),
    };
  }
  const end = endOf(map.items[index]);
  // Between two entries whose comma ends the line: whole new lines, each with its comma (the neighbours stay as they are).
  const commaThenLineEnd = /^[ \t]*,[ \t]*\r?\n/.exec(text.slice(end, end + 200));
  if (index < map.items.length - 1 && commaThenLineEnd !== null) {
    const at = end + commaThenLineEnd[0].length;
    return { start: at, end: at, text: wholeLines };
  }
  return { start: end, end, text: members.map((m) => `,${style.eol}${indent}${m}`).join('') };
}

function leadingWhitespace(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

function removalEdit(source: SourceFile, map: YAML.YAMLMap, index: number): TextEdit {
  const { text } = source;
  const pair = map.items[index];
  if (source.format === 'yaml' && map.flow !== true) {
    const start = startOf(pair);
    if (!isBlankBefore(text, start)) refuse(`the entry "${keyOf(pair)}" does not start its own line`);
    return { start: lineStart(text, start), end: nextLineStart(text, endOf(pair)), text: '' };
  }
  // Flow maps (and JSON): remove the entry with the comma that separates it from a neighbour.
  if (map.items.length === 1) return { start: map.range![0] + 1, end: map.range![1] - 1, text: '' };
  if (index > 0) return { start: endOf(map.items[index - 1]), end: endOf(pair), text: '' };
  return { start: startOf(pair), end: startOf(map.items[1]), text: '' };
}

/** Applies non-overlapping edits; an edit that overlaps another is a bug, and nothing is written. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = sortedEdits(edits);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`);
    result += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

/** In text order; at one offset, insertions in the order they were planned (a removal starting there comes last). */
export function sortedEdits(edits: readonly TextEdit[]): TextEdit[] {
  return edits
    .map((edit, order) => ({ edit, order }))
    .sort(
      (a, b) =>
        a.edit.start - b.edit.start || a.edit.end - a.edit.start - (b.edit.end - b.edit.start) || a.order - b.order,
    )
    .map(({ edit }) => edit);
}
