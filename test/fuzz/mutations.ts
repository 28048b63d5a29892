/**
 * The mutation fuzzer: every fixture and example description, with random deletions, type swaps and `$ref` rewiring
 * applied to its parsed tree, and sometimes a slice of its text cut out (a half-typed document in an editor).
 * Mutations are small numbers that pick nodes by their index, so that fast-check can shrink a failure to the one
 * mutation that matters.
 */
import fc, { Arbitrary } from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { anyJson, serialized } from './arbitraries';
import { FuzzCase, hasNetworkReference, isUrl } from './property';

const ROOT = resolve(__dirname, '../..');
/** Larger files are load or CLI fixtures (a 50 MB document): mutating them thousands of times tests nothing new. */
const MAX_FIXTURE_BYTES = 256 * 1024;

export interface Fixture {
  /** Relative to the project root, for reports. */
  name: string;
  path: string;
  format: 'json' | 'yaml';
  text: string;
  /** The parsed tree, or undefined when the text is not YAML/JSON (only text cuts apply then). */
  tree: unknown;
}

/**
 * Every `.yaml`/`.yml`/`.json` file under fixtures/, and those directly in examples/ (not dotfiles such as
 * `.spectral.yaml`, nor the CI configurations in its folders), in a stable order so that a seed replays the same
 * cases. Files with a `$ref` to a URL are left out: tests never fetch.
 */
export function fixtureFiles(): Fixture[] {
  const examples = readdirSync(join(ROOT, 'examples'))
    .filter((name) => !name.startsWith('.'))
    .map((name) => join(ROOT, 'examples', name));
  const files = [...filesUnder(join(ROOT, 'fixtures')), ...examples]
    .filter((path) => ['.yaml', '.yml', '.json'].includes(extname(path)) && statSync(path).isFile())
    .filter((path) => statSync(path).size <= MAX_FIXTURE_BYTES)
    .sort();
  return files
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }))
    .filter(({ text }) => !hasNetworkReference(text))
    .map(({ path, text }) => ({
      name: relative(ROOT, path),
      path,
      format: extname(path) === '.json' ? 'json' : 'yaml',
      text,
      tree: parsedOrUndefined(text),
    }));
}

function filesUnder(directory: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(directory, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => !entry.split(/[\\/]/).some((part) => part.startsWith('.')))
    .map((entry) => join(directory, entry))
    .filter((path) => statSync(path).isFile());
}

function parsedOrUndefined(text: string): unknown {
  try {
    return parse(text, { uniqueKeys: false, maxAliasCount: 1000 });
  } catch {
    return undefined;
  }
}

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'swap'; at: number; value: unknown }
  | { kind: 'retype'; at: number }
  | { kind: 'ref'; at: number; target: number; to: 'node' | 'ancestor' | 'missing' | 'file' }
  | { kind: 'rewire'; at: number; target: number }
  | { kind: 'rename'; at: number; key: string };

const renamedKey = fc.constantFrom(
  '401',
  '403',
  '404',
  '200',
  'default',
  '4XX',
  'security',
  'responses',
  'headers',
  'schema',
  'allOf',
  '$ref',
  '__proto__',
  '',
);

/** Any node, uniformly: fast-check's usual bias toward small numbers would hit the root and `openapi` most of the time. */
const node = fc.noBias(fc.nat());

export const mutation: Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: node }),
  fc.record({ kind: fc.constant('swap' as const), at: node, value: anyJson }),
  fc.record({ kind: fc.constant('retype' as const), at: node }),
  fc.record({
    kind: fc.constant('ref' as const),
    at: node,
    target: node,
    to: fc.constantFrom('node' as const, 'ancestor' as const, 'missing' as const, 'file' as const),
  }),
  fc.record({ kind: fc.constant('rewire' as const), at: node, target: node }),
  fc.record({ kind: fc.constant('rename' as const), at: node, key: renamedKey }),
);

type Segment = string | number;
type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** Paths of every node below the root, in document order (each shared node once: YAML aliases make DAGs). */
export function nodePaths(root: unknown): Segment[][] {
  const paths: Segment[][] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown, path: Segment[]): void => {
    if (!isContainer(node) || seen.has(node)) return;
    seen.add(node);
    const entries: [Segment, unknown][] = Array.isArray(node)
      ? node.map((child, index) => [index, child])
      : Object.entries(node);
    for (const [key, child] of entries) {
      paths.push([...path, key]);
      visit(child, [...path, key]);
    }
  };
  visit(root, []);
  return paths;
}

function parentAt(root: unknown, path: Segment[]): Container | undefined {
  let node: unknown = root;
  for (const segment of path.slice(0, -1)) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<string, unknown>)[segment as string];
  }
  return isContainer(node) ? node : undefined;
}

/** A JSON pointer to `path`, escaped as RFC 6901 and percent-encoded as a URI fragment. */
export function pointerTo(path: Segment[]): string {
  return `#${path.map((segment) => `/${encodeURIComponent(String(segment).replace(/~/g, '~0').replace(/\//g, '~1'))}`).join('')}`;
}

/** The same kind of value with another JSON type: what a careless edit or a wrong generator produces. */
function retyped(value: unknown): unknown {
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [String(index), item]));
  if (isContainer(value)) return Object.values(value);
  if (typeof value === 'string') return value.length > 0 && Number.isFinite(Number(value)) ? Number(value) : [value];
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 1 : null;
  return {};
}

const MISSING_TARGETS = [
  '#/components/responses/Missing',
  '#/definitions/Missing',
  '#/nowhere/at/all',
  '#/paths/~1none',
];
const FILE_TARGETS = [
  './missing.yaml',
  './missing.yaml#/components/responses/Unauthorized',
  '../no-such-folder/x.json#/a',
];

function setAt(root: unknown, path: Segment[], value: unknown): void {
  const parent = parentAt(root, path);
  if (parent !== undefined) (parent as Record<string, unknown>)[path[path.length - 1] as string] = value;
}

/**
 * Applies one mutation in place, below `holder.root` (so that the root itself can be deleted or swapped);
 * `at` and `target` pick nodes modulo the current number of nodes.
 */
export function applyMutation(holder: { root: unknown }, change: Mutation): void {
  const root: unknown = holder;
  const paths = nodePaths(root);
  const path = paths[change.at % paths.length];
  // Pointers are relative to the document, that is without the holder's `root` key.
  const pointerAt = (n: number) => pointerTo(paths[n % paths.length].slice(1));
  const parent = parentAt(root, path);
  if (parent === undefined) return;
  if (parent === holder && (change.kind === 'delete' || change.kind === 'rename')) {
    holder.root = undefined; // the holder keeps its one key, so that later mutations still find the document
    return;
  }
  const key = path[path.length - 1];
  const current = (parent as Record<string, unknown>)[key as string];
  switch (change.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      return;
    case 'swap':
      return setAt(root, path, structuredClone(change.value));
    case 'retype':
      return setAt(root, path, retyped(current));
    case 'ref': {
      const $ref =
        change.to === 'node'
          ? pointerAt(change.target)
          : change.to === 'ancestor'
            ? pointerTo(path.slice(1, 1 + (change.target % path.length))) // a cycle: it points at or above itself
            : change.to === 'missing'
              ? MISSING_TARGETS[change.target % MISSING_TARGETS.length]
              : FILE_TARGETS[change.target % FILE_TARGETS.length];
      return setAt(root, path, { $ref });
    }
    case 'rewire': {
      // Point an existing reference somewhere else in the document; without references, make one.
      const references = paths.filter((p) => p[p.length - 1] === '$ref');
      const reference = references.length > 0 ? references[change.at % references.length] : [...path, '$ref'];
      const referrer = parentAt(root, reference);
      if (referrer !== undefined && !Array.isArray(referrer)) referrer.$ref = pointerAt(change.target);
      return;
    }
    case 'rename':
      if (Array.isArray(parent)) return;
      delete parent[key as string];
      // A URL that becomes a `$ref` (`authorizationUrl` renamed) would make Spectral fetch it: tests never do.
      parent[change.key] = change.key === '$ref' && isUrl(current) ? '#/was-a-url' : current;
      return;
  }
}

/** Cuts a slice out of the text: `start` and `length` are fractions of the text, so they shrink toward no cut. */
export function cutText(text: string, cut: { start: number; length: number } | null): string {
  if (cut === null) return text;
  const start = Math.floor(text.length * cut.start);
  return text.slice(0, start) + text.slice(start + Math.ceil(text.length * cut.length));
}

export function mutatedCaseOf(
  fixture: Fixture,
  mutations: Mutation[],
  cut: { start: number; length: number } | null,
): FuzzCase {
  let text = fixture.text;
  if (fixture.tree !== undefined && mutations.length > 0) {
    const holder = { root: structuredClone(fixture.tree) };
    for (const change of mutations) applyMutation(holder, change);
    text = serialized(holder.root, fixture.format);
  }
  // A cut can turn `$ref: "#/paths/..."` into `$ref: //...`, a URL that Spectral would fetch: then keep the text whole.
  const cutOut = cutText(text, cut);
  const applied = hasNetworkReference(cutOut) ? null : cut;
  return {
    origin: `${fixture.name} mutated by ${JSON.stringify(mutations)}${applied ? `, text cut ${JSON.stringify(applied)}` : ''}`,
    format: fixture.format,
    at: fixture.path,
    text: applied ? cutOut : text,
  };
}

const fraction = fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000);

/** A fixture with 1 to 8 mutations, and one time in five a slice of its text cut out. */
export function mutatedCase(fixtures: readonly Fixture[]): Arbitrary<FuzzCase> {
  return fc
    .tuple(
      fc.constantFrom(...fixtures),
      fc.array(mutation, { minLength: 1, maxLength: 8 }),
      fc.option(fc.record({ start: fraction, length: fraction.map((f) => f / 10) }), { freq: 5, nil: null }),
    )
    .map(([fixture, mutations, cut]) => mutatedCaseOf(fixture, mutations, cut));
}
