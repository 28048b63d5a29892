import { asArray, asObject, JsonObject } from './json';
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


/** `id`, `repository_id`, `repo-id`, `repositoryId`, `userID`, `uuid`: a parameter name that identifies one item. */
function identifiesAnItem(name: string): boolean {
  return /(^|[_.-])(id|uuid)$/i.test(name) || /[a-z0-9](Id|ID|Uuid|UUID)$/.test(name);
}

/**
 * The required query parameter that scopes a listing to one parent item (`GET /search/labels?repository_id=`):
 * such a listing is a nested collection in disguise, and may 404 when that parent is missing or hidden.
 * An optional filter (`?user_id=`) only narrows the listing, whose empty answer is still 200.
 */
export function parentItemParameterOf(document: DocumentFacts, operation: OperationFacts): string | undefined {
  const pathItem = asObject(asObject(document.resolved.paths)[operation.path]);
  // Operation parameters override path-item parameters of the same name and location.
  const byKey = new Map<string, JsonObject>();
  for (const parameter of [...asArray(pathItem.parameters), ...asArray(operation.operation.parameters)]) {
    const definition = asObject(parameter);
    if (typeof definition.name === 'string') byKey.set(`${definition.in}:${definition.name}`, definition);
  }
  for (const parameter of byKey.values()) {
    if (parameter.in === 'query' && parameter.required === true && identifiesAnItem(parameter.name as string)) {
      return parameter.name as string;
    }
  }
  return undefined;
}
