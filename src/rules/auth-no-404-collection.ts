import { topLevelCollectionListings } from '../openapi/collections';
import { asObject } from '../openapi/json';
import type { DocumentFacts, OperationFacts } from '../openapi/operations';
import { documentsCode } from '../openapi/responses';
import { followed } from '../openapi/schemas';
import { findPhrase, wordsOf } from '../openapi/text';
import { AuthRule, operationsFor } from '../rule';

const name = 'auth-no-404-collection';

/**
 * Words of a 404's description that say what the 404 is for: callers who may not list the collection
 * ("404 if the token lacks the scope to list it", "answered to callers without access"). Not `visible` or
 * `hidden`: they are how an item's 404 speaks ("No such item, or not visible to the caller"), the shared
 * boilerplate this rule is about.
 */
const ACCESS_WORDS = [
  'permission',
  'permissions',
  'scope',
  'scopes',
  'authorized',
  'authorised',
  'authorization',
  'access',
  'token',
  'allowed',
];

/**
 * Whether the listing's 404 (resolved: a shared one is read where it is defined) speaks of access: then the API
 * documents answering 404 to callers who may not list the collection, a deliberate design, not boilerplate.
 */
function notFoundSpeaksOfAccess(document: DocumentFacts, operation: OperationFacts): boolean {
  const description = asObject(followed(operation.responses['404'], document.resolved)).description;
  return typeof description === 'string' && findPhrase(wordsOf(description), ACCESS_WORDS) !== undefined;
}

export const authNo404Collection: AuthRule = {
  name,
  severity: 'warn',
  description: 'A top-level collection listing never answers 404: no visible members is 200 with an empty list.',
  // The fix is deleting the operation's own `404` entry, even when that entry is a `$ref` to a shared response.
  resolved: false,
  check(document, options) {
    const isTopLevelListing = topLevelCollectionListings(document, options.collectionEnvelopeNames);
    return (
      operationsFor(document, name)
        .filter((operation) => documentsCode(operation.responses, '404'))
        // Not a query, a lookup of given ids, or a nested listing in disguise: each may 404 (see the helper).
        .filter(isTopLevelListing)
        // A 404 that says it is about access documents a design, not boilerplate.
        .filter((operation) => !notFoundSpeaksOfAccess(document, operation))
        .map((operation) => ({
          message:
            `${operation.label} lists a collection, which never 404s (no visible members is 200 with an empty list): ` +
            'remove the 404 response if it is boilerplate; if the API really answers 404 when the list is empty, ' +
            'answer 200 with an empty list instead; if it answers 404 to callers who may not list this collection, ' +
            "say so in the 404's description (better: answer 403).",
          path: [...operation.location, 'responses', '404'],
        }))
    );
  },
};
