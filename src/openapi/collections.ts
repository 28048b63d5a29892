import { asObject } from './json';
import type { DocumentFacts, OperationFacts } from './operations';
import { collectionNameOf, isTemplated, segmentsOf } from './paths';
import { queryParameterNamesOf, requiredQueryParameterNamesOf } from './requests';
import { bodySchemasOf, successCodeOf } from './responses';
import { isArraySchema, mergedProperties } from './schemas';

/** Envelope property names under which a listing returns its members. */
export const COLLECTION_ENVELOPE_NAMES = [
  'items',
  'data',
  'results',
  'values',
  'value',
  'entries',
  'records',
  'elements',
  'content',
  'list',
  'resources',
  'nodes',
  'edges',
];

/**
 * A collection listing: a `get` on a path whose last segment is not templated, whose success body is an array,
 * or an object with an array property named like an envelope (`items`, `data`, ...) or like the collection.
 */
export function isCollectionListing(
  document: DocumentFacts,
  operation: OperationFacts,
  envelopeNames: ReadonlySet<string>,
): boolean {
  if (operation.method !== 'get') return false;
  const collection = collectionNameOf(operation.path)?.toLowerCase();
  if (collection === undefined) return false;
  const successCode = successCodeOf(operation.responses);
  if (successCode === undefined) return false;
  return bodySchemasOf(operation.responses[successCode], document.version).some((schema) => {
    if (isArraySchema(schema, document.resolved)) return true;
    for (const [property, propertySchema] of mergedProperties(schema, document.resolved)) {
      const lower = property.toLowerCase();
      if ((envelopeNames.has(lower) || lower === collection) && isArraySchema(propertySchema, document.resolved)) {
        return true;
      }
    }
    return false;
  });
}

/**
 * The first required query parameter of a `get`, which makes it a query rather than a plain listing:
 * `GET /search/labels?repository_id=&q=` cannot be asked without saying what to look for, and an API may answer
 * 404 when the thing it names (a repository, a phone number) does not exist. An optional parameter is only a
 * filter, and a filtered listing with no members is still 200 with an empty list.
 */
export function requiredQueryParameterOf(document: DocumentFacts, operation: OperationFacts): string | undefined {
  return requiredQueryParameterNamesOf(document, operation)[0];
}

/**
 * A query parameter that names the members to return: `ids`, or a name ending in `_ids`, `-ids` (any case) or,
 * camel-cased, `Ids` (as written: `userIds`, not `paids`). Such a `get` looks up given items, and may answer 404
 * when they do not exist, whether the parameter is required or not.
 */
export function isIdsParameterName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'ids' || lower.endsWith('_ids') || lower.endsWith('-ids') || name.endsWith('Ids');
}

/** The first query parameter of a `get` that names the members to return (see `isIdsParameterName`). */
export function idsParameterOf(document: DocumentFacts, operation: OperationFacts): string | undefined {
  return queryParameterNamesOf(document, operation).find(isIdsParameterName);
}

/**
 * Finds the path of the document that a path is an instance of when a non-last literal segment of it stands for an
 * item: `/users/{id}/keys` for `/users/me/keys`, `/v2/projects/{project_id}/resources` for
 * `/v2/projects/default/resources`. The other path has as many segments, the same last segment, a templated
 * segment at some non-last place, and, segment by segment, a templated segment (matching any literal) or the same
 * literal. Paths are compared as written (case-sensitively), trailing slashes aside. The document's paths are
 * grouped once by length and last segment, so each question compares only with its group.
 */
export function itemPathsStoodFor(document: DocumentFacts): (path: string) => string | undefined {
  const groups = new Map<string, { other: string; segments: string[] }[]>();
  const keyOf = (segments: readonly string[]) => `${segments.length}\0${segments[segments.length - 1]}`;
  for (const other of Object.keys(asObject(document.resolved.paths))) {
    const segments = segmentsOf(other);
    const group = groups.get(keyOf(segments)) ?? [];
    group.push({ other, segments });
    groups.set(keyOf(segments), group);
  }
  return (path) => {
    const segments = segmentsOf(path);
    if (segments.length < 2) return undefined;
    const last = segments.length - 1;
    for (const { other, segments: otherSegments } of groups.get(keyOf(segments)) ?? []) {
      let templatedBefore = false;
      let matches = true;
      for (let i = 0; i < last && matches; i++) {
        if (isTemplated(otherSegments[i])) templatedBefore = true;
        else matches = isTemplated(segments[i]) || otherSegments[i] === segments[i];
      }
      if (matches && templatedBefore) return other;
    }
    return undefined;
  };
}

/**
 * The document's top-level collection listings (`GET /calls`), as a test of one operation: a listing (see
 * `isCollectionListing`) on a path without templated segments; no query (a required query parameter makes it one,
 * which may 404 when what it names does not exist; `?ids=` looks up given items, which may not exist); and a path
 * that does not stand for an item path of the document (`/users/me/keys` beside `/users/{id}/keys`: a nested
 * listing, which may 404 for its parent). Such a listing never answers 404. The paths are grouped once, for every
 * operation tested.
 */
export function topLevelCollectionListings(
  document: DocumentFacts,
  envelopeNames: ReadonlySet<string>,
): (operation: OperationFacts) => boolean {
  const standsFor = itemPathsStoodFor(document);
  return (operation) =>
    !operation.itemPath &&
    requiredQueryParameterOf(document, operation) === undefined &&
    idsParameterOf(document, operation) === undefined &&
    isCollectionListing(document, operation, envelopeNames) &&
    standsFor(operation.path) === undefined;
}

/** The members a listing's body holds: the body itself when it is an array, else its first array property. */
export function membersOfListing(body: unknown): unknown[] | undefined {
  if (Array.isArray(body)) return body as unknown[];
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const envelope = COLLECTION_ENVELOPE_NAMES.find((name) => Array.isArray(record[name]));
  if (envelope !== undefined) return record[envelope] as unknown[];
  return Object.values(record).find((value): value is unknown[] => Array.isArray(value));
}
