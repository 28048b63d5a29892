import { findPhrase, wordsOf } from '../openapi/text';
import { AuthRule, describedResponses } from '../rule';

const name = 'auth-401-misused-for-permissions';

/**
 * Words that speak of a caller who is known but not allowed: a 403 situation. `*` is any one word. "Not
 * authorized" alone is not here: many APIs use it as the plain name of 401 ("Unauthorized"), for a missing token;
 * only "not authorized to <do something>" says what the caller may not do.
 */
const PERMISSION_PHRASES = [
  'permission', 'permissions', 'forbidden', 'not allowed', 'insufficient scope', 'insufficient scopes',
  'insufficient_scope', 'missing scope', 'missing scopes', 'privilege', 'privileges',
  'not sufficiently authorized', 'not sufficiently authorised', 'not authorized to *', 'not authorised to *',
  'does not have access', 'do not have access', "doesn't have access", "don't have access", 'no access to',
];

function permissionFailureIn(description: string): string | undefined {
  return findPhrase(wordsOf(description), PERMISSION_PHRASES);
}

export const auth401MisusedForPermissions: AuthRule = {
  name,
  severity: 'warn',
  description: 'A 401 is for missing or invalid credentials, not for a caller who lacks permission (that is 403).',
  resolved: true,
  check(document) {
    return describedResponses(document, name, '401', permissionFailureIn).map(({ phrase, path, subject }) => ({
      message: `${subject} speaks of a permission failure ("${phrase}"): answer a known caller who may not do this with 403, and keep 401 for missing or invalid credentials.`,
      path,
    }));
  },
};
