import { isCollectionListing, parentItemParameterOf } from '../openapi/collections';
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
      // Scoped to one parent item by a required query parameter: a nested listing, which may 404 like one.
      .filter((operation) => parentItemParameterOf(document, operation) === undefined)
      .filter((operation) => isCollectionListing(document, operation, options.collectionEnvelopeNames))
      .map((operation) => ({
        message: `${operation.label} lists a collection, which never 404s (no visible members is 200 with an empty list): remove the 404 response.`,
        path: [...operation.location, 'responses', '404'],
      }));
  },
};
