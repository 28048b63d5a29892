import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Alias, isAlias, isMap, isNode, isSeq, LineCounter, Node, parseDocument, visit } from 'yaml';

/** Why a file's bytes are not text this command should hand to Spectral's parsers (`is ...`), with a place if any. */
export interface TextProblem {
  line?: number;
  column?: number;
  message: string;
}

export type CheckedText = { text: string; problem?: undefined } | { text?: undefined; problem: TextProblem };

const BYTES_PER_MEGABYTE = 1024 * 1024;

/** Too large to lint in reasonable time and memory (a 50 MB description took Spectral 9 minutes and 1.15 GB here). */
export function sizeProblemOf(bytes: number, maxMegabytes: number): TextProblem | undefined {
  if (bytes <= maxMegabytes * BYTES_PER_MEGABYTE) return undefined;
  const size =
    bytes < BYTES_PER_MEGABYTE / 10 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / BYTES_PER_MEGABYTE).toFixed(1)} MB`;
  return {
    message: `is ${size}, more than the ${maxMegabytes} MB limit; use --max-file-size ${Math.ceil(bytes / BYTES_PER_MEGABYTE)} to lint it anyway`,
  };
}

/**
 * A file's text for Spectral, checked as `checkedText` does, or why it is refused; a file over the size limit is
 * refused unread. Throws what the file system throws (missing, unreadable): callers word that themselves.
 * Read at once, not through fs/promises: each step of an asynchronous read waits for a libuv thread, and a worker
 * thread of `--concurrency` sits idle meanwhile with nothing else to do (a document is linted alone).
 */
export function readCheckedText(path: string, maxMegabytes: number): CheckedText {
  const tooLarge = sizeProblemOf(statSync(path).size, maxMegabytes);
  if (tooLarge !== undefined) return { problem: tooLarge };
  return checkedText(readFileSync(path), !isJsonFile(path));
}

/** JSON files are parsed as JSON (and so have no YAML aliases); every other file as YAML. */
export function isJsonFile(path: string): boolean {
  return extname(path).toLowerCase() === '.json';
}

/**
 * The file's text, or why it is not text to lint: bytes that are not UTF-8 (which a plain read would silently turn
 * into U+FFFD and lint as if nothing were wrong), or YAML aliases that expand without bound.
 */
export function checkedText(bytes: Uint8Array, isYaml: boolean): CheckedText {
  if (!isUtf8(bytes)) return { problem: notUtf8Problem(bytes) };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const bomb = isYaml ? aliasBombProblem(text) : undefined;
  return bomb === undefined ? { text } : { problem: bomb };
}

const REPLACEMENT_CHARACTER = '\uFFFD';
const ENCODED_REPLACEMENT_CHARACTER = [0xef, 0xbf, 0xbd];

/** Where the first byte that is not UTF-8 is, as a line and column of the text around it. */
function notUtf8Problem(bytes: Uint8Array): TextProblem {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      line: 1,
      column: 1,
      message: 'is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8',
    };
  }
  // A lenient decoding turns each invalid sequence into U+FFFD; the first U+FFFD that the file did not spell out
  // itself as EF BF BD is the place.
  const decoded = new TextDecoder('utf-8').decode(bytes);
  let searchFrom = 0;
  for (;;) {
    const index = decoded.indexOf(REPLACEMENT_CHARACTER, searchFrom);
    if (index === -1) return { message: 'is not UTF-8 text' };
    const offset = Buffer.byteLength(decoded.slice(0, index), 'utf8');
    const spelledOut = ENCODED_REPLACEMENT_CHARACTER.every((byte, at) => bytes[offset + at] === byte);
    if (!spelledOut) {
      const before = decoded.slice(0, index);
      const line = before.split('\n').length;
      const column = index - before.lastIndexOf('\n');
      const byte = bytes[offset]?.toString(16).toUpperCase().padStart(2, '0');
      return {
        line,
        column,
        message: `is not UTF-8 text: byte 0x${byte} at byte offset ${offset} is not valid UTF-8; save the file as UTF-8`,
      };
    }
    searchFrom = index + 1;
  }
}

/** Nodes after expanding aliases beyond which a document is refused, if they are also this many times its own nodes. */
const MAX_EXPANDED_NODES = 1_000_000;
const MAX_EXPANSION_FACTOR = 10;
const SIZE_CAP = Number.MAX_SAFE_INTEGER;

/**
 * A "billion laughs": aliases that stand for anchored nodes made of aliases, which Spectral's YAML parser expands in
 * full (time and memory exponential in the levels). Measured on the document model of `yaml`, only when the text
 * has an alias that names an anchor, so that documents without aliases pay nothing but two linear scans.
 */
export function aliasBombProblem(text: string): TextProblem | undefined {
  if (!mayUseAliases(text)) return undefined;
  const lineCounter = new LineCounter();
  try {
    const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
    const { expanded, written, largestAlias, largestSize } = expansionOf(document.contents);
    if (expanded <= MAX_EXPANDED_NODES || expanded <= MAX_EXPANSION_FACTOR * written || largestAlias === undefined)
      return undefined;
    const place = lineCounter.linePos(largestAlias.range?.[0] ?? 0);
    return {
      line: place.line,
      column: place.col,
      message:
        `is a YAML alias bomb ("billion laughs"): its aliases expand it from ${count(written)} nodes to ${count(expanded)} ` +
        `(*${largestAlias.source} here alone stands for ${count(largestSize)}); write the repeated parts out, or use $ref`,
    };
  } catch {
    // What `yaml` cannot read, Spectral's parser reports in its own words.
    return undefined;
  }
}

const ANCHOR = /(?:^|[\s,[{])&([^\s,[\]{}]+)/g;
const ALIAS = /(?:^|[\s,[{])\*([^\s,[\]{}]+)/g;

function mayUseAliases(text: string): boolean {
  if (!text.includes('&') || !text.includes('*')) return false;
  const anchors = new Set(Array.from(text.matchAll(ANCHOR), (match) => match[1]));
  return Array.from(text.matchAll(ALIAS)).some((match) => anchors.has(match[1]));
}

interface Expansion {
  expanded: number;
  written: number;
  largestAlias?: Alias;
  largestSize: number;
}

const OPEN = -1;

/** Node count with every alias replaced by what it stands for, without building it: each node is sized once. */
function expansionOf(root: unknown): Expansion {
  if (!isNode(root)) return { expanded: 0, written: 0, largestSize: 0 };
  // An alias stands for the latest anchor of its name before it: the pre-order walk sees them in that order.
  const anchored = new Map<string, Node>();
  const targetOf = new Map<Alias, Node>();
  let written = 0;
  visit(root, (_key, node) => {
    if (!isNode(node)) return;
    written += 1;
    if (node.anchor !== undefined) anchored.set(node.anchor, node);
    if (isAlias(node)) {
      const target = anchored.get(node.source);
      if (target !== undefined) targetOf.set(node, target);
    }
  });

  const childrenOf = (node: Node): Node[] => {
    if (isAlias(node)) return targetOf.has(node) ? [targetOf.get(node) as Node] : [];
    if (isMap(node))
      return node.items.flatMap((pair) => [pair.key, pair.value]).filter((child): child is Node => isNode(child));
    if (isSeq(node)) return node.items.filter((child): child is Node => isNode(child));
    return [];
  };
  // Post-order without recursion (a deep document must not overflow the stack); a node still OPEN when its
  // parent is sized is an ancestor, an alias inside its own anchor, and counts as one node.
  const sizes = new Map<Node, number>();
  const stack: Node[] = [root];
  let largestAlias: Alias | undefined;
  let largestSize = 0;
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    const state = sizes.get(node);
    if (state === undefined) {
      sizes.set(node, OPEN);
      for (const child of childrenOf(node)) if (!sizes.has(child)) stack.push(child);
      continue;
    }
    stack.pop();
    if (state !== OPEN) continue;
    let size = isAlias(node) ? 0 : 1;
    for (const child of childrenOf(node)) {
      const childSize = sizes.get(child) ?? 1;
      size = Math.min(SIZE_CAP, size + (childSize === OPEN ? 1 : childSize));
    }
    sizes.set(node, size);
    // Of equally large aliases, name the first in the file.
    const earlier = largestAlias === undefined || (node.range?.[0] ?? 0) < (largestAlias.range?.[0] ?? 0);
    if (isAlias(node) && (size > largestSize || (size === largestSize && earlier))) {
      largestAlias = node;
      largestSize = size;
    }
  }
  return { expanded: sizes.get(root) ?? 0, written, largestAlias, largestSize };
}

function count(value: number): string {
  return value >= SIZE_CAP ? `more than ${SIZE_CAP.toLocaleString('en-US')}` : value.toLocaleString('en-US');
}
