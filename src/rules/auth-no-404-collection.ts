import { isCollectionListing, requiredQueryParameterOf } from '../openapi/collections';
import { documentsCode } from '../openapi/responses';
import { AuthRule, operationsFor } from '../rule';

const name = 'auth-no-404-collection';

export const authNo404Collection: AuthRule = {
  name,
  severity: 'warn',
  description: 'A top-level collection listing never answers 404: no visible members is 200 with an empty list.',
  // The fix is deleting the operation's own `404` entry, even when that entry is a `$ref` to a shared response.
  resolved: false,
  check(document, options) {
    return operationsFor(document, name)
      .filter((operation) => !operation.itemPath && documentsCode(operation.responses, '404'))
      // A required query parameter makes it a query, which may 404 when what it names does not exist.
      .filter((operation) => requiredQueryParameterOf(document, operation) === undefined)
      .filter((operation) => isCollectionListing(document, operation, options.collectionEnvelopeNames))
      .map((operation) => ({
        message:
          `${operation.label} lists a collection, which never 404s (no visible members is 200 with an empty list): ` +
          'remove the 404 response if it is boilerplate, or, if the API really answers 404 when the list is empty, ' +
          'answer 200 with an empty list instead.',
        path: [...operation.location, 'responses', '404'],
      }));
  },
};
