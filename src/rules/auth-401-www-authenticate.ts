import { refOf } from '../openapi/json';
import { subjectAt } from '../openapi/references';
import { documentsCode, headerNamed } from '../openapi/responses';
import { AuthRule, capitalized, operationsFor } from '../rule';

const name = 'auth-401-www-authenticate';

export const auth401WwwAuthenticate: AuthRule = {
  name,
  severity: 'error',
  description: 'Every 401 response carries a WWW-Authenticate header (RFC 9110 §15.5.2).',
  resolved: true,
  check(document) {
    return operationsFor(document, name)
      .filter((operation) => documentsCode(operation.responses, '401'))
      .filter((operation) => {
        const response = operation.responses['401'];
        return refOf(response) === undefined && headerNamed(response, 'WWW-Authenticate') === undefined;
      })
      .map((operation) => {
        const path = [...operation.location, 'responses', '401'];
        const subject = subjectAt(document, operation, path, 'the 401 response');
        return {
          message: `${capitalized(subject)} has no WWW-Authenticate header: add one with the challenge clients must answer (for example Bearer realm="api").`,
          path,
        };
      });
  },
};
