import { documentsCode } from '../openapi/responses';
import { effectiveSecurity, scopesNamed } from '../openapi/security';
import { AuthRule, operationsFor, responsesLocation } from '../rule';

const name = 'auth-403-documented';

export const auth403Documented: AuthRule = {
  name,
  severity: 'warn',
  description: 'An operation that requires scopes documents a 403 response for callers who lack them.',
  resolved: true,
  check(document) {
    return operationsFor(document, name)
      .filter((operation) => operation.security.scoped && !documentsCode(operation.responses, '403'))
      .map((operation) => {
        const scopes = scopesNamed(effectiveSecurity(document.resolved, operation.operation));
        return {
          message: `${operation.label} requires scopes (${scopes.join(', ')}) but documents no 403: add a 403 response whose body names the missing scopes (RFC 6750 insufficient_scope).`,
          path: responsesLocation(operation),
        };
      });
  },
};
