import { asArray, asObject, isObject, JsonObject } from './json';
import type { DocumentFacts, OperationFacts } from './operations';
import { templateNamesOf } from './paths';
import { followed } from './schemas';

/**
 * What an operation's request carries: its parameters and its body. Read on the resolved document, following any
 * local `$ref` left in place (one that closes a cycle), and total over any JSON shape.
 */

/**
 * The operation's parameters: the path item's, with the operation's own replacing one of the same `name` and
 * `in` (OpenAPI's override rule). Entries that are not objects with a string `name` are skipped.
 */
export function parametersOf(document: DocumentFacts, operation: OperationFacts): JsonObject[] {
  const pathItem = asObject(followed(asObject(document.resolved.paths)[operation.path], document.resolved));
  const byKey = new Map<string, JsonObject>();
  for (const parameter of [...asArray(pathItem.parameters), ...asArray(operation.operation.parameters)]) {
    const definition = followed(parameter, document.resolved);
    if (isObject(definition) && typeof definition.name === 'string') {
      byKey.set(`${String(definition.in)}:${definition.name}`, definition);
    }
  }
  return [...byKey.values()];
}

/** The names of the operation's required query parameters, in order. */
export function requiredQueryParameterNamesOf(document: DocumentFacts, operation: OperationFacts): string[] {
  return parametersOf(document, operation)
    .filter((parameter) => parameter.in === 'query' && parameter.required === true)
    .map((parameter) => parameter.name as string);
}

/** The names of the operation's query parameters, required or not, in order. */
export function queryParameterNamesOf(document: DocumentFacts, operation: OperationFacts): string[] {
  return parametersOf(document, operation)
    .filter((parameter) => parameter.in === 'query')
    .map((parameter) => parameter.name as string);
}

/**
 * The schemas the request body may take: every media type's `schema` of a 3.x `requestBody`, or the schema of
 * the 2.0 `in: body` parameter. (A 2.0 form sends `in: formData` parameters instead: see `formFieldNamesOf`.)
 */
export function requestBodySchemasOf(document: DocumentFacts, operation: OperationFacts): unknown[] {
  if (document.version === '2.0') {
    return parametersOf(document, operation)
      .filter((parameter) => parameter.in === 'body' && parameter.schema !== undefined)
      .map((parameter) => parameter.schema);
  }
  const requestBody = asObject(followed(operation.operation.requestBody, document.resolved));
  return Object.values(asObject(requestBody.content))
    .map((mediaType) => asObject(mediaType).schema)
    .filter((schema) => schema !== undefined);
}

/** The names of a 2.0 operation's `in: formData` parameters: the fields of its form body. */
export function formFieldNamesOf(document: DocumentFacts, operation: OperationFacts): string[] {
  if (document.version !== '2.0') return [];
  return parametersOf(document, operation)
    .filter((parameter) => parameter.in === 'formData')
    .map((parameter) => parameter.name as string);
}

/** Names of path parameters that hold a place, not an item: `/locations/{location}`, `/regions/{region}`. */
const PLACE_PARAMETERS = new Set(['location', 'region', 'zone']);

/**
 * Whether a path parameter can name an item the caller may not see: not a place (`location`, `region`, `zone`),
 * not one of a fixed set (`enum`), not a URL (`format: uri`). Undeclared parameters may: the path says nothing more.
 */
export function namesAnItem(parameter: JsonObject | undefined, document: DocumentFacts): boolean {
  if (parameter === undefined) return true;
  if (typeof parameter.name === 'string' && PLACE_PARAMETERS.has(parameter.name.toLowerCase())) return false;
  // 2.0 writes the schema's keywords on the parameter itself.
  const schema = asObject(followed(document.version === '2.0' ? parameter : parameter.schema, document.resolved));
  return !Array.isArray(schema.enum) && schema.format !== 'uri' && schema.format !== 'url';
}

/** The operation's path addresses an item by at least one template that can name one (see `namesAnItem`). */
export function addressesAnItem(document: DocumentFacts, operation: OperationFacts): boolean {
  const pathParameters = new Map(
    parametersOf(document, operation)
      .filter((parameter) => parameter.in === 'path')
      .map((parameter) => [parameter.name as string, parameter]),
  );
  return templateNamesOf(operation.path).some((template) => namesAnItem(pathParameters.get(template), document));
}
