import { listsNoErrorCodes } from '../openapi/error-conventions';
import type { OperationFacts } from '../openapi/operations';
import { documentsCode, OpenApiVersion, sharedResponsesPlace } from '../openapi/responses';
import { challengeLookup } from '../openapi/security';
import { AuthRule, Candidate, oncePerDocumentWhenAbsent, operationsFor, responsesLocation } from '../rule';

const name = 'auth-401-documented';

/**
 * Secured and without an explicit 401. AWS SigV4 alone is left out: API Gateway answers a missing or bad
 * signature with 403 by design, so a 401 would document an answer the API never gives.
 */
function lacks401(operation: OperationFacts): boolean {
  return operation.security.secured && !operation.security.awsSigV4Only && !documentsCode(operation.responses, '401');
}

/**
 * What the 401 to add carries, for operations that accept these schemes: the challenge examples of their
 * schemes; none for API keys of their own header (no challenge exists for them, so none is asked for); a header
 * "naming how to authenticate" when the schemes do not tell (an undefined name, an `http` scheme without `scheme`).
 */
function challengeClause(examples: readonly string[], withoutChallenge: boolean): string {
  if (examples.length > 0) {
    const schemes = examples.length > 1 ? 'the schemes' : 'the scheme';
    return ` with a WWW-Authenticate header naming ${schemes} (WWW-Authenticate: ${examples.join(', ')})`;
  }
  if (withoutChallenge) return ' (no WWW-Authenticate challenge applies to an API key)';
  return ' with a WWW-Authenticate header naming how to authenticate';
}

/** The convention, once for the document: one shared 401, referenced from each operation. */
function documentLevelMessage(version: OpenApiVersion, clause: string) {
  const where = sharedResponsesPlace(version);
  return (count: number, examples: string): string =>
    `No operation documents a 401, yet ${count} operations require authentication (${examples}): add one shared 401 response to ${where}${clause}, and reference it from each operation (\`spectral-auth-responses fix\` does it); an operation that is really public says so with \`security: []\`.`;
}

export const auth401Documented: AuthRule = {
  name,
  severity: 'error',
  description: 'An operation that requires authentication documents a 401 response.',
  resolved: true,
  check(document) {
    // A document that answers errors with `default`, or with codes HTTP does not define, lists no status codes.
    if (listsNoErrorCodes(document)) return [];
    const challenges = challengeLookup(document.securitySchemes);
    const withoutChallenge = (operation: OperationFacts) => challenges.keysOnly(operation.security.schemeNames);
    const lacking = operationsFor(document, name).filter(lacks401);
    const candidates = lacking.map((operation): Candidate => {
      const clause = challengeClause(challenges.examples(operation.security.schemeNames), withoutChallenge(operation));
      return {
        label: operation.label,
        finding: {
          message: `${operation.label} requires authentication but documents no 401: add a 401 response${clause}, or, if it is public, say so with \`security: []\`.`,
          path: responsesLocation(operation),
        },
      };
    });
    // Excepted operations count here: a 401 documented anywhere shows the document has the convention.
    const documentedAnywhere = document.operations.some((operation) => documentsCode(operation.responses, '401'));
    const clause = challengeClause(
      challenges.examples(lacking.flatMap((operation) => operation.security.schemeNames)),
      lacking.every(withoutChallenge),
    );
    return oncePerDocumentWhenAbsent(candidates, documentedAnywhere, documentLevelMessage(document.version, clause));
  },
};
