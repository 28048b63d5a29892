import { authenticationFailureInWords } from '../openapi/authentication-faults';
import { findPhrase, wordsOf } from '../openapi/text';
import { AuthRule, describedResponses } from '../rule';

const name = 'auth-401-misused-for-permissions';

/**
 * "Not authorized to <do something>": what the caller may not do. `*` is any one word. "Not authorized" alone is
 * not here: many APIs use it as the plain name of 401 ("Unauthorized"), for a missing token.
 */
const NOT_AUTHORIZED_TO = ['not authorized to *', 'not authorised to *'];

/**
 * Words that speak of a caller who is known but not allowed: a 403 situation, besides `NOT_AUTHORIZED_TO`.
 */
const OTHER_PERMISSION_PHRASES = [
  'permission',
  'permissions',
  'forbidden',
  'not allowed',
  'insufficient scope',
  'insufficient scopes',
  'insufficient_scope',
  'missing scope',
  'missing scopes',
  'privilege',
  'privileges',
  'not sufficiently authorized',
  'not sufficiently authorised',
  'does not have access',
  'do not have access',
  "doesn't have access",
  "don't have access",
  'no access to',
];

const PERMISSION_PHRASES = [...OTHER_PERMISSION_PHRASES, ...NOT_AUTHORIZED_TO];

/**
 * "Not authorized to complete this request" names no action, only the request: the plain name of 401 in a longer
 * form ("The client is not authorized to complete this request. Check that a valid token was passed").
 */
const ABOUT_THE_REQUEST = NOT_AUTHORIZED_TO.flatMap((phrase) => [`${phrase} this request`, `${phrase} the request`]);

function isNotAuthorizedTo(phrase: string): boolean {
  return phrase.startsWith('not authorized to ') || phrase.startsWith('not authorised to ');
}

/**
 * The first permission phrase of the description. "Not authorized to <verb>" does not count in a description that
 * also speaks of a credential fault as auth-403-misused-for-authentication reads it ("not authorized to access
 * this API: the token is missing or invalid"): there it is the 401's name, and the text says why. The credential
 * faults are read only when that phrase is the first found, so the usual text costs one pass.
 */
function permissionFailureIn(description: string): string | undefined {
  const words = wordsOf(description);
  const phrase = findPhrase(words, PERMISSION_PHRASES, ABOUT_THE_REQUEST);
  if (phrase === undefined || !isNotAuthorizedTo(phrase)) return phrase;
  if (authenticationFailureInWords(words) === undefined) return phrase;
  return findPhrase(words, OTHER_PERMISSION_PHRASES);
}

export const auth401MisusedForPermissions: AuthRule = {
  name,
  severity: 'warn',
  description: "A 401's description does not speak of a permission failure: a caller who lacks permission gets 403.",
  resolved: true,
  check(document) {
    return describedResponses(document, name, '401', permissionFailureIn).map(({ phrase, path, subject }) => ({
      message: `${subject} speaks of a permission failure ("${phrase}"): answer a known caller who may not do this with 403, and keep 401 for missing or invalid credentials.`,
      path,
    }));
  },
};
