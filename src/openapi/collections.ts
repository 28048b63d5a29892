import type { DocumentFacts, OperationFacts } from './operations';
import { collectionNameOf } from './paths';
import { requiredQueryParameterNamesOf } from './requests';
import { bodySchemasOf, successCodeOf } from './responses';
import { isArraySchema, mergedProperties } from './schemas';

/** Envelope property names under which a listing returns its members. */
export const COLLECTION_ENVELOPE_NAMES = [
  'items', 'data', 'results', 'values', 'value', 'entries', 'records', 'elements', 'content', 'list', 'resources', 'nodes', 'edges',
];

/**
 * A collection listing: a `get` on a path whose last segment is not templated, whose success body is an array,
 * or an object with an array property named like an envelope (`items`, `data`, ...) or like the collection.
 */
export function isCollectionListing(document: DocumentFacts, operation: OperationFacts, envelopeNames: ReadonlySet<string>): boolean {
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
