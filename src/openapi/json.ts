/** Type guards that make every helper total over any JSON value. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** The `$ref` string of a reference object, if the value is one. */
export function refOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.$ref === 'string' ? value.$ref : undefined;
}

/**
 * What a local `$ref` (`#/components/schemas/Folder`) points at in `root`, or undefined (another file, a broken
 * pointer). Spectral's resolver leaves the `$ref` that closes a cycle in place in the resolved document.
 */
export function localRefTarget(root: unknown, ref: string): unknown {
  return ref.startsWith('#/') ? pointerTarget(root, ref.slice(1)) : undefined;
}

/** The value at a JSON pointer (`/components/schemas/A~1B`, or `` for the whole), or undefined where there is none. */
export function pointerTarget(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = decodedPointerSegment(raw);
    if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** One segment of a JSON pointer in a URI fragment: %-escapes first, then `~1` and `~0` (RFC 6901 §6). */
export function decodedPointerSegment(raw: string): string {
  let segment = raw;
  try {
    segment = decodeURIComponent(raw);
  } catch {
    // A malformed %-escape: read the segment as written.
  }
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The value at a path, or undefined where the path leaves the JSON tree. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

/**
 * The last `$ref` met when walking `path` through the unresolved document, following local references, with the
 * depth at which it stands: where Spectral places a finding on a shared component, and so the component a message
 * must name. The walk stops at a reference into another file (its content is not in `unresolved`).
 */
export function lastRefAlong(
  unresolved: unknown,
  path: readonly (string | number)[],
): { ref: string; depth: number } | undefined {
  let last: { ref: string; depth: number } | undefined;
  let node: unknown = unresolved;
  for (let depth = 0; depth <= path.length; depth++) {
    for (let hops = 0; hops < 16; hops++) {
      const ref = refOf(node);
      if (ref === undefined) break;
      last = { ref, depth };
      node = localRefTarget(unresolved, ref);
      if (node === undefined) return last;
    }
    if (depth === path.length) return last;
    const segment = path[depth];
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment as string] : undefined;
  }
  return last;
}
