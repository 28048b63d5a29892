import { documentsNoErrors, leftToDefault, listsNoErrorCodes } from '../openapi/error-conventions';
import type { DocumentFacts } from '../openapi/operations';
import { documentsCode, sharedResponsesPlace } from '../openapi/responses';
import { requiredScopesPhrase } from '../openapi/scope-alternatives';
import { effectiveSecurity } from '../openapi/security';
import { AuthRule, Candidate, oncePerDocumentWhenAbsent, operationsFor, responsesLocation } from '../rule';

const name = 'auth-403-documented';

const NAMING_SCOPES = 'whose body names the missing scopes (RFC 6750 insufficient_scope)';

/**
 * Each scoped operation the rule checks that has no 403 key. Where `default` is how most operations answer errors,
 * an operation that has one answers a missing scope there, and one that documents no error is asked for `default`
 * first (see `leftToDefault`).
 */
function candidatesOf(document: DocumentFacts): Candidate[] {
  return operationsFor(document, name)
    .filter((operation) => operation.security.scoped && !documentsCode(operation.responses, '403'))
    .filter((operation) => !leftToDefault(document, operation))
    .map((operation) => {
      const scopes = requiredScopesPhrase(effectiveSecurity(document.resolved, operation.operation));
      return {
        label: operation.label,
        finding: {
          message: `${operation.label} requires ${scopes} but documents no 403: add a 403 response ${NAMING_SCOPES}.`,
          path: responsesLocation(operation),
        },
      };
    });
}

/** The convention is missing, not one response: one shared 403, referenced from each operation, repairs it. */
function documentLevelMessage(document: DocumentFacts) {
  return (count: number, examples: string): string =>
    `${count} operations require scopes but no operation of this document documents a 403 (${examples}): add ` +
    `one shared 403 response to ${sharedResponsesPlace(document.version)}, ${NAMING_SCOPES}, and reference it ` +
    'from each of them; `spectral-auth-responses fix` does this.';
}

export const auth403Documented: AuthRule = {
  name,
  severity: 'warn',
  description: 'An operation that requires scopes documents a 403 response for callers who lack them.',
  resolved: true,
  check(document) {
    // A document that answers errors with `default`, or with codes HTTP does not define, lists no status codes;
    // one that documents no error at all needs its 401 first (auth-401-documented asks for it).
    if (listsNoErrorCodes(document) || documentsNoErrors(document)) return [];
    // Any explicit 403, even on an operation the rule leaves alone, shows that the document has the convention.
    const documentedAnywhere = document.operations.some((operation) => documentsCode(operation.responses, '403'));
    return oncePerDocumentWhenAbsent(candidatesOf(document), documentedAnywhere, documentLevelMessage(document));
  },
};
