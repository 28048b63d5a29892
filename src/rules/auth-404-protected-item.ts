import { documentsCode } from '../openapi/responses';
import { AuthRule, operationsFor, responsesLocation } from '../rule';

const name = 'auth-404-protected-item';

export const auth404ProtectedItem: AuthRule = {
  name,
  severity: 'warn',
  description: 'A protected operation on an item path documents 404, so that hidden items look like missing ones.',
  resolved: true,
  check(document) {
    return operationsFor(document, name)
      .filter((operation) => operation.security.secured && operation.itemPath)
      .filter((operation) => !documentsCode(operation.responses, '404'))
      .map((operation) => ({
        message: `${operation.label} addresses an item the caller may not be allowed to see but documents no 404: add a 404 for items that do not exist or are not visible to the caller, so ids cannot be probed.`,
        path: responsesLocation(operation),
      }));
  },
};
