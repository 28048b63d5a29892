import { documentsCode } from '../openapi/responses';
import { authSchemesNamed } from '../openapi/security';
import { AuthRule, operationsFor, responsesLocation } from '../rule';

const name = 'auth-401-documented';

export const auth401Documented: AuthRule = {
  name,
  severity: 'error',
  description: 'An operation that requires authentication documents a 401 response.',
  resolved: true,
  check(document) {
    return operationsFor(document, name)
      .filter((operation) => operation.security.secured && !documentsCode(operation.responses, '401'))
      .map((operation) => {
        const schemes = authSchemesNamed(operation.security.schemeNames, document.securitySchemes);
        const challenge = schemes.length > 0 ? ` (${schemes.join(' or ')})` : '';
        return {
          message: `${operation.label} requires authentication but documents no 401: add a 401 response with a WWW-Authenticate header naming how to authenticate${challenge}, or, if it is public, say so with \`security: []\`.`,
          path: responsesLocation(operation),
        };
      });
  },
};
