import * as YAML from 'yaml';
import type { Key } from './locate';
import type { TextStyle } from './source';

/**
 * The text of a new `key: value` entry, written the way the file writes its own: YAML through the `yaml`
 * library's stringifier (its quoting and escaping are right by construction), with the file's indentation unit,
 * sequence indentation and preferred quote; JSON through JSON.stringify with the file's indentation.
 */

/** YAML block entry: whole lines at `column`, each ending with the file's line end. */
export function yamlBlockEntry(style: TextStyle, column: number, key: Key, value: unknown, flowValue: boolean): string {
  const document = new YAML.Document(new Map([[key, value]]));
  if (flowValue) makeFlow((document.contents as YAML.YAMLMap).items[0].value);
  const text = document.toString(yamlOptions(style)).replace(/\n$/, '');
  const margin = ' '.repeat(column);
  return text
    .split('\n')
    .map((line) => margin + line + style.eol)
    .join('');
}

/** YAML flow entry: `key: value` with every collection in flow style, for `{ ... }` maps. */
export function yamlFlowEntry(style: TextStyle, key: Key, value: unknown): string {
  const document = new YAML.Document(new Map([[key, value]]));
  makeFlow(document.contents);
  const text = document.toString(yamlOptions(style)).trim();
  // The document is `{ key: value }`: the entry is what stands between the braces.
  return text.slice(1, -1).trim();
}

/** JSON member `"key": value`; nested lines start at `indent` (the member's own indentation). */
export function jsonMember(
  style: TextStyle,
  key: Key,
  value: unknown,
  colon: string,
  indent: string,
  expanded: boolean,
): string {
  const json = expanded ? JSON.stringify(plain(value), null, style.indentUnit) : JSON.stringify(plain(value));
  return `${JSON.stringify(String(key))}${colon}${json.split('\n').join(style.eol + indent)}`;
}

/**
 * `Map`s as plain objects: the data a parser gives back. Nested new entries are built as `Map`s, which keep
 * their keys in insertion order even when the keys look like numbers (`401`), as plain objects do not.
 */
export function plain(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, inner]) => [String(key), plain(inner)]));
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  }
  return value;
}

function yamlOptions(style: TextStyle): YAML.ToStringOptions {
  return {
    indent: Math.max(1, style.indentUnit.length),
    indentSeq: style.indentSeq,
    lineWidth: 0,
    minContentWidth: 0,
    singleQuote: style.singleQuote,
    flowCollectionPadding: true,
  };
}

function makeFlow(node: unknown): void {
  if (!YAML.isNode(node)) return;
  YAML.visit(node, {
    Map(_key, map) {
      map.flow = true;
    },
    Seq(_key, seq) {
      seq.flow = true;
    },
  });
}
