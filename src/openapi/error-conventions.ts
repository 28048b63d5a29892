import type { DocumentFacts, OperationFacts } from './operations';
import { isErrorKey } from './responses';

/**
 * How a document answers errors, when it does not answer them with individual HTTP status codes: the conventions
 * under which asking for one more status code (a 401, a 403) is not a change its reviewers would make.
 */

/** IANA's HTTP Status Code Registry, 4xx and 5xx. */
const REGISTERED_ERROR_CODES = new Set(
  [...range(400, 418), ...range(421, 426), 428, 429, 431, 451, ...range(500, 508), 510, 511].map(String),
);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/**
 * Every error is a `default` response (Azure's and Zalando's guidelines: standard codes are not listed one by
 * one): each operation documents `default`, and none documents a 4xx code (or the `4XX` range) other than 404.
 */
export function answersErrorsByDefault(document: DocumentFacts): boolean {
  if (document.operations.length === 0) return false;
  const only404 = [...document.errorKeys].every((code) => !code.startsWith('4') || code === '404');
  return document.operationsWithDefault === document.operations.length && only404;
}

/**
 * Every explicit error code is one HTTP does not define (480, 481, ... named after exceptions, as converters of
 * non-HTTP error models write them): the document does not map its errors to HTTP status codes at all.
 */
export function errorsHaveNoHttpCodes(document: DocumentFacts): boolean {
  const codes = [...document.errorKeys].filter((code) => !code.endsWith('XX'));
  return codes.length > 0 && codes.every((code) => !REGISTERED_ERROR_CODES.has(code));
}

/**
 * Most operations (at least half) answer errors with `default`: the document's convention for errors is not to
 * list standard codes (Azure's and Zalando's guidelines), even where a few operations also list some. An Azure
 * Resource Manager description has this convention by design (its RPC answers every error with the `default`
 * CloudError), even where its authors have not written it yet.
 */
export function defaultIsTheErrorConvention(document: DocumentFacts): boolean {
  if (document.azureResourceManager) return true;
  const withDefault = document.operationsWithDefault;
  return withDefault > 0 && withDefault * 2 >= document.operations.length;
}

/**
 * No operation documents any error: no 4xx or 5xx code or range, no `default` (a description converted from a
 * format that has no errors, such as Google's Discovery documents). Its first missing error is the 401; a 403 or a
 * 404 is not what its reviewers would add first.
 */
export function documentsNoErrors(document: DocumentFacts): boolean {
  return document.errorKeys.size === 0 && document.operationsWithDefault === 0;
}

/** Either convention: the document does not list its error answers by HTTP status code. */
export function listsNoErrorCodes(document: DocumentFacts): boolean {
  return answersErrorsByDefault(document) || errorsHaveNoHttpCodes(document);
}

/**
 * Where `default` is the document's convention for errors, an operation answers them there, or, when it documents
 * no error at all, is asked for its `default` first: either way, not for one more status code.
 */
export function leftToDefault(document: DocumentFacts, operation: OperationFacts): boolean {
  if (!defaultIsTheErrorConvention(document)) return false;
  if ('default' in operation.responses) return true;
  return !Object.keys(operation.responses).some(isErrorKey);
}
