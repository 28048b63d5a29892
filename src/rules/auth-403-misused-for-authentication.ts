import { authenticationFailureIn } from '../openapi/authentication-faults';
import { isUnsecuredCredentialExchange } from '../openapi/credential-exchange';
import type { DocumentFacts } from '../openapi/operations';
import { AuthRule, describedResponses } from '../rule';

const name = 'auth-403-misused-for-authentication';

/**
 * The document without the operations whose 403s rightly speak of credentials:
 * - AWS Signature Version 4 operations: API Gateway answers a missing or bad signature with 403 by design;
 * - unsecured credential exchanges (a login, a token endpoint): "invalid credentials" there is about the
 *   credentials in the body, which the operation checks as data, not about HTTP authentication.
 */
function withoutCredentialCheckingOperations(document: DocumentFacts): DocumentFacts {
  return {
    ...document,
    operations: document.operations.filter(
      (operation) => !operation.security.awsSigV4Only && !isUnsecuredCredentialExchange(document, operation),
    ),
  };
}

export const auth403MisusedForAuthentication: AuthRule = {
  name,
  severity: 'warn',
  description:
    "A 403's description does not speak of missing or invalid credentials: a caller without valid ones gets 401.",
  resolved: true,
  check(document) {
    return describedResponses(withoutCredentialCheckingOperations(document), name, '403', authenticationFailureIn).map(
      ({ phrase, path, subject }) => ({
        message: `${subject} speaks of an authentication failure ("${phrase}"): answer missing, invalid or expired credentials with 401, and keep 403 for callers who lack permission.`,
        path,
      }),
    );
  },
};
