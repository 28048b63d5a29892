import { readFileSync, realpathSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import * as YAML from 'yaml';
import { isInside } from '../containment';
import { decodedPointerSegment } from '../openapi/json';
import { refuse } from './refusal';
import { parseSource, SourceFile } from './source';

export type Key = string | number;

/** A place in a description: which file, which node of its model, and the keys that lead there in that file. */
export interface Location {
  source: SourceFile;
  /** The node; null where a key has an empty value. */
  node: YAML.Node | null;
  path: Key[];
  /** The way here went through a `$ref`: what is found is shared. */
  viaRef: boolean;
}

/** At most this many `$ref`s are followed one after the other (a cycle of references ends here). */
const MAX_REF_HOPS = 32;

/**
 * The files of one description: the document itself and those its `$ref`s reach, each parsed once.
 * A file outside the allowed directories is never read (the same containment as `lint`), so never edited.
 */
export class SourceFiles {
  private readonly files = new Map<string, SourceFile>();
  private readonly allowed: string[];

  constructor(
    readonly root: SourceFile,
    allowedDirectories: readonly string[],
  ) {
    this.files.set(root.path, root);
    this.allowed = allowedDirectories.map((directory) => realpathSync(directory));
  }

  /** Every file read so far. */
  all(): SourceFile[] {
    return [...this.files.values()];
  }

  rootLocation(): Location {
    return { source: this.root, node: this.root.document.contents, path: [], viaRef: false };
  }

  /** The node at a path of the resolved document, following `$ref`s on the way (and at the end if asked). */
  locate(path: readonly Key[], followLast: boolean): Location {
    return this.follow(this.rootLocation(), path, followLast, 0);
  }

  /** Walks `keys` from `start`, following `$ref`s between them. */
  follow(start: Location, keys: readonly Key[], followLast: boolean, hops = 0): Location {
    let at = start;
    for (const key of keys) {
      at = this.dereference(at, hops);
      at = childLocation(at, key);
    }
    return followLast ? this.dereference(at, hops) : at;
  }

  /** Follows `$ref` objects until a node that is not one. */
  dereference(start: Location, hops = 0): Location {
    let at = start;
    for (let hop = hops; ; hop++) {
      const ref = refStringOf(at.node);
      if (ref === undefined) return at;
      if (hop >= MAX_REF_HOPS) refuse(`the $ref chain at ${describe(at)} does not end`);
      const target = this.targetOf(at.source, ref);
      at = { ...this.follow(target.start, target.pointer, false, hop + 1), viaRef: true };
    }
  }

  /** Where a `$ref` string points: a file (this one when the ref starts with `#`) and the keys of its JSON pointer. */
  private targetOf(from: SourceFile, ref: string): { start: Location; pointer: Key[] } {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^file:/i.test(ref))
      refuse(`${ref} is a remote reference, which is never followed`);
    const hash = ref.indexOf('#');
    const filePart = hash >= 0 ? ref.slice(0, hash) : ref;
    const pointer = hash >= 0 ? ref.slice(hash + 1) : '';
    if (pointer !== '' && !pointer.startsWith('/')) refuse(`${ref} is not a JSON pointer reference`);
    const keys = pointer === '' ? [] : pointer.slice(1).split('/').map(decodedPointerSegment);
    const source =
      filePart === ''
        ? from
        : this.load(resolve(dirname(from.path), decodeURIComponent(filePart.replace(/^file:\/\//i, ''))));
    return { start: { source, node: source.document.contents, path: [], viaRef: true }, pointer: keys };
  }

  /** Reads and parses a file that a `$ref` reaches, refusing one outside the allowed directories. */
  load(path: string): SourceFile {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      return refuse(`${path} cannot be read`);
    }
    const known = this.files.get(real);
    if (known !== undefined) return known;
    if (!this.allowed.some((directory) => isInside(real, directory))) {
      refuse(`${path} is outside the allowed directory (${this.allowed.join(', ')})`);
    }
    let text: string;
    try {
      text = readFileSync(real, 'utf8');
    } catch {
      return refuse(`${path} cannot be read`);
    }
    let source: SourceFile;
    try {
      source = parseSource(real, text);
    } catch (error) {
      return refuse((error as Error).message);
    }
    this.files.set(real, source);
    return source;
  }

  /** The `$ref` that leads from a file to a component of the root document. */
  refTo(from: SourceFile, pointer: readonly string[]): string {
    const fragment = `#/${pointer.map(escapePointerSegment).join('/')}`;
    if (from.path === this.root.path) return fragment;
    return `${relative(dirname(from.path), this.root.path).split(sep).join('/')}${fragment}`;
  }
}

/** The child of a map (by key) or a sequence (by index); refuses where the model would share or lack it. */
function childLocation(at: Location, key: Key): Location {
  const node = at.node;
  checkNotRepeated(at);
  if (YAML.isMap(node)) {
    const pair = pairNamed(node, key);
    if (pair === undefined) {
      if (pairNamed(node, '<<') !== undefined) refuse(`${describe(at)} takes keys from a YAML merge (<<)`);
      refuse(`${describe(at)} has no "${key}"`);
    }
    const child = pair.value;
    if (YAML.isAlias(child))
      refuse(
        `${describe({ ...at, path: [...at.path, key] })} is a YAML alias (*${child.source}) of a node used elsewhere`,
      );
    return { ...at, node: YAML.isNode(child) ? child : null, path: [...at.path, key] };
  }
  if (YAML.isSeq(node)) {
    const index = typeof key === 'number' ? key : Number(key);
    const child = Number.isInteger(index) ? node.items[index] : undefined;
    if (!YAML.isNode(child)) refuse(`${describe(at)} has no item ${key}`);
    if (YAML.isAlias(child))
      refuse(
        `${describe({ ...at, path: [...at.path, key] })} is a YAML alias (*${child.source}) of a node used elsewhere`,
      );
    return { ...at, node: child, path: [...at.path, index] };
  }
  return refuse(`${describe(at)} is not a map`);
}

/** Editing below an anchor that an alias repeats would change every place that repeats it. */
export function checkNotRepeated(at: Location): void {
  const anchor = YAML.isNode(at.node) ? at.node.anchor : undefined;
  if (anchor !== undefined && at.source.aliasedAnchors.has(anchor)) {
    refuse(`${describe(at)} is a YAML anchor (&${anchor}) that aliases repeat elsewhere`);
  }
}

export function pairNamed(map: YAML.YAMLMap, key: Key): YAML.Pair | undefined {
  const wanted = String(key);
  return map.items.find((pair) => YAML.isScalar(pair.key) && String(pair.key.value) === wanted);
}

/** The `$ref` string of a reference object in the model, if the node is one. */
export function refStringOf(node: YAML.Node | null): string | undefined {
  if (!YAML.isMap(node)) return undefined;
  const pair = pairNamed(node, '$ref');
  return pair !== undefined && YAML.isScalar(pair.value) && typeof pair.value.value === 'string'
    ? pair.value.value
    : undefined;
}

/** `components.responses.Unauthorized` in file.yaml: how a refusal names a place. */
export function describe(at: Location): string {
  const file = at.source.path;
  return at.path.length === 0 ? `the root of ${file}` : `${at.path.join('.')} in ${file}`;
}

function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
