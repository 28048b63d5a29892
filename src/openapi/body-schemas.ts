import { asObject, lastRefAlong, localRefTarget, refOf } from './json';
import type { DocumentFacts, JsonPath } from './operations';
import { componentNameOf } from './references';
import { bodySchemasOf, OpenApiVersion } from './responses';

/**
 * Where a response's body schemas stand, below `responsePath` (the places `bodySchemasOf` reads): in 3.x
 * `content.<media type>.schema` for each media type that has one, in 2.0 the response's `schema`.
 */
export function bodySchemaPathsOf(response: unknown, responsePath: JsonPath, version: OpenApiVersion): JsonPath[] {
  const definition = asObject(response);
  if (version === '2.0') return definition.schema === undefined ? [] : [[...responsePath, 'schema']];
  return Object.entries(asObject(definition.content))
    .filter(([, mediaType]) => asObject(mediaType).schema !== undefined)
    .map(([mediaType]) => [...responsePath, 'content', mediaType, 'schema']);
}

/** A component that the document, as written, references at a place: its `$ref` and its name for messages. */
export interface WrittenRef {
  ref: string;
  /** The `$ref`'s last segment: `ResourceNotFoundException` for `#/components/schemas/ResourceNotFoundException`. */
  name: string;
}

/**
 * The `$ref` written exactly at `path` in the unresolved document (references on the way are followed, so a
 * path through a shared response reaches the schema `$ref` inside its definition), or undefined when the value
 * there is written in place or cannot be read (a reference into another file on the way).
 */
export function refWrittenAt(unresolved: unknown, path: JsonPath): WrittenRef | undefined {
  const last = lastRefAlong(unresolved, path);
  return last !== undefined && last.depth === path.length
    ? { ref: last.ref, name: componentNameOf(last.ref) }
    : undefined;
}

/**
 * The shared schema that is a response's whole body: every body schema is a `$ref` to the same definition
 * (usually there is one media type). With `path`, the first body schema's path through the response: Spectral
 * maps it to the definition, where a finding about the schema belongs. Undefined when any body schema is written
 * in place or references another definition (the body is then not one shared thing).
 */
export function sharedBodySchemaOf(
  document: DocumentFacts,
  response: unknown,
  responsePath: JsonPath,
): (WrittenRef & { path: JsonPath }) | undefined {
  const paths = bodySchemaPathsOf(response, responsePath, document.version);
  const refs = paths.map((path) => refWrittenAt(document.unresolved, path));
  const first = refs[0];
  if (first === undefined || refs.some((ref) => ref === undefined || ref.ref !== first.ref)) return undefined;
  // A reference that leads nowhere has no definition to report on: the finding stays on the response.
  if (!resolves(document, first.ref, bodySchemasOf(response, document.version)[0])) return undefined;
  return { ...first, path: paths[0] };
}

/**
 * Whether a body schema's `$ref` leads to a definition: a local one must point at something in the document;
 * another file's has resolved when the resolved document holds a schema there, not the `$ref` itself.
 */
function resolves(document: DocumentFacts, ref: string, resolvedSchema: unknown): boolean {
  if (ref.startsWith('#')) return localRefTarget(document.unresolved, ref) !== undefined;
  return refOf(resolvedSchema) === undefined;
}
