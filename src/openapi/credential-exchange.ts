import type { DocumentFacts, OperationFacts } from './operations';
import { bodySchemasOf, successCodeOf } from './responses';
import { segmentsOf } from './paths';
import { formFieldNamesOf, requestBodySchemasOf } from './requests';
import { hasPropertyNamed } from './schemas';

/**
 * Request fields that carry a credential to exchange for a session or a token (RFC 6749 §4.3, §4.4, §6): an
 * operation that takes them answers 401 when they are wrong (RFC 6749 §5.2), whatever its own `security` says.
 * Compared as `normalizedFieldName` writes them, so `clientSecret` and `Refresh-Token` count too.
 */
const CREDENTIAL_FIELDS = new Set(['password', 'clientsecret', 'refreshtoken', 'granttype']);

/**
 * Last path segments of the operations that exchange credentials: `/auth/login`, `/oauth/token`; also as the
 * last `-` or `_` separated word of the segment, for the steps of a login (`/2fa-login`, `/sso_token`).
 */
const CREDENTIAL_EXCHANGE_SEGMENTS = ['login', 'signin', 'sign-in', 'token', 'authenticate'];

/** `client_secret`, `clientSecret`, `Client-Secret` → `clientsecret`: one spelling per field name. */
function normalizedFieldName(fieldName: string): string {
  return fieldName.toLowerCase().replace(/[_-]/g, '');
}

function isCredentialField(fieldName: string): boolean {
  return CREDENTIAL_FIELDS.has(normalizedFieldName(fieldName));
}

function endsInCredentialExchangeSegment(path: string): boolean {
  const segments = segmentsOf(path);
  const last = segments[segments.length - 1]?.toLowerCase();
  if (last === undefined) return false;
  return CREDENTIAL_EXCHANGE_SEGMENTS.some(
    (word) =>
      last === word ||
      (last.endsWith(word) &&
        (last[last.length - word.length - 1] === '-' || last[last.length - word.length - 1] === '_')),
  );
}

/**
 * An operation that takes credentials in its request, not in its `security`: a login or a token endpoint. Its body
 * (any media type; properties read through `$ref`s, `allOf`, and every branch of a `oneOf`/`anyOf`) or its 2.0
 * form has a credential field, or its path ends in `/login`, `/token`, ...
 */
export function exchangesCredentials(document: DocumentFacts, operation: OperationFacts): boolean {
  return (
    endsInCredentialExchangeSegment(operation.path) ||
    formFieldNamesOf(document, operation).some(isCredentialField) ||
    requestBodySchemasOf(document, operation).some((schema) =>
      hasPropertyNamed(schema, isCredentialField, 0, document.resolved),
    )
  );
}

/** An operation no security requirement applies to: none declared, or `security: []`. */
export function requiresNoSecurity(operation: OperationFacts): boolean {
  return !operation.security.declared || operation.security.explicitlyNone;
}

/**
 * An operation that takes its credentials in the request and requires no other: a login or token endpoint whose
 * 401 and 403 speak of the credentials in its body, not of HTTP authentication.
 */
export function isUnsecuredCredentialExchange(document: DocumentFacts, operation: OperationFacts): boolean {
  return requiresNoSecurity(operation) && exchangesCredentials(document, operation);
}

/** Path segments of the steps of a login: `/auth/oauth/{provider}`, `/sessions/{flow}`. */
const LOGIN_SEGMENTS = new Set([
  'auth',
  'oauth',
  'oauth2',
  'login',
  'signin',
  'sign-in',
  'token',
  'authenticate',
  'session',
  'sessions',
]);

/** Body properties that carry an issued credential. */
const ISSUED_CREDENTIALS = new Set(['token', 'accesstoken', 'refreshtoken', 'idtoken']);

/**
 * An operation that issues credentials: a step of a login (a path segment such as `auth`, `oauth` or `login`) whose
 * success body carries a `token`, `access_token`, `refresh_token` or `id_token`, at the top or one level down (a
 * `data` envelope). Its templated segment names a provider or a flow, not an item a caller could be hidden from.
 */
export function issuesCredentials(document: DocumentFacts, operation: OperationFacts): boolean {
  if (!segmentsOf(operation.path).some((segment) => LOGIN_SEGMENTS.has(segment.toLowerCase()))) return false;
  const successCode = successCodeOf(operation.responses);
  if (successCode === undefined) return false;
  const isIssuedCredential = (field: string): boolean => ISSUED_CREDENTIALS.has(normalizedFieldName(field));
  return bodySchemasOf(operation.responses[successCode], document.version).some((schema) =>
    hasPropertyNamed(schema, isIssuedCredential, 1, document.resolved),
  );
}
