import type { DocumentFacts, OperationFacts } from './operations';
import { collectionNameOf } from './paths';
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
    if (isArraySchema(schema)) return true;
    for (const [property, propertySchema] of mergedProperties(schema)) {
      const lower = property.toLowerCase();
      if ((envelopeNames.has(lower) || lower === collection) && isArraySchema(propertySchema)) {
        return true;
      }
    }
    return false;
  });
}

