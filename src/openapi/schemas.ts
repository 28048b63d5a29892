import { asArray, isObject, JsonObject, localRefTarget, refOf } from './json';

/**
 * Schema questions, answered on the resolved document. Resolved schemas may be cyclic object graphs,
 * so every walk remembers what it has seen and visits each schema at most once. Spectral leaves the `$ref` that
 * closes a cycle in place: given the resolved `root`, walks follow such local references (see `followed`).
 */

/** The schema, or what its local `$ref` points at in `root` (through a chain of at most a few references). */
export function followed(schema: unknown, root?: unknown): unknown {
  let node = schema;
  for (let hops = 0; hops < 16 && root !== undefined; hops++) {
    const ref = refOf(node);
    const target = ref === undefined ? undefined : localRefTarget(root, ref);
    if (target === undefined) return node;
    node = target;
  }
  return node;
}

/** The schema and its `allOf` parts, recursively: the parts whose properties and types merge. */
export function allOfParts(schema: unknown, root?: unknown): JsonObject[] {
  const parts: JsonObject[] = [];
  const seen = new Set<JsonObject>();
  const pending: unknown[] = [schema];
  while (pending.length > 0) {
    const part = followed(pending.pop(), root);
    if (!isObject(part) || seen.has(part)) continue;
    seen.add(part);
    parts.push(part);
    pending.push(...asArray(part.allOf));
  }
  return parts;
}

/** Properties of the schema with its `allOf` parts merged; the first definition of a name wins. */
export function mergedProperties(schema: unknown, root?: unknown): Map<string, unknown> {
  const properties = new Map<string, unknown>();
  for (const part of allOfParts(schema, root)) {
    if (!isObject(part.properties)) continue;
    for (const [name, property] of Object.entries(part.properties)) {
      if (!properties.has(name)) properties.set(name, property);
    }
  }
  return properties;
}

/** `type: array` (or a 3.1 type list with `array`), or an untyped schema with `items`, after merging `allOf`. */
export function isArraySchema(schema: unknown, root?: unknown): boolean {
  return allOfParts(schema, root).some((part) => {
    const type = part.type;
    if (type === 'array') return true;
    if (Array.isArray(type)) return type.includes('array');
    return type === undefined && part.items !== undefined;
  });
}

/**
 * Whether the schema has a property whose name satisfies `matches`, at the top level or `levelsDown` object
 * levels below it, merging `allOf` and requiring it in every branch of a `oneOf` or `anyOf`.
 */
export function hasPropertyNamed(
  schema: unknown,
  matches: (name: string) => boolean,
  levelsDown: number,
  root?: unknown,
): boolean {
  const answers = new Map<string, boolean>();
  const ids = new Map<JsonObject, number>();
  const idOf = (node: JsonObject): number => {
    let id = ids.get(node);
    if (id === undefined) ids.set(node, (id = ids.size));
    return id;
  };

  const search = (schemaOrRef: unknown, levels: number): boolean => {
    const node = followed(schemaOrRef, root);
    if (!isObject(node)) return false;
    const key = `${idOf(node)}:${levels}`;
    const known = answers.get(key);
    if (known !== undefined) return known;
    answers.set(key, false); // a cycle back to this schema adds nothing
    const answer =
      Object.keys(isObject(node.properties) ? node.properties : {}).some(matches) ||
      (levels > 0 &&
        Object.values(isObject(node.properties) ? node.properties : {}).some((p) => search(p, levels - 1))) ||
      asArray(node.allOf).some((part) => search(part, levels)) ||
      everyBranch(node.oneOf, levels) ||
      everyBranch(node.anyOf, levels);
    answers.set(key, answer);
    return answer;
  };
  const everyBranch = (branches: unknown, levels: number): boolean => {
    const list = asArray(branches);
    return list.length > 0 && list.every((branch) => search(branch, levels));
  };

  return search(schema, levelsDown);
}
