import { findNearbyPair, findPhrase, wordsOf } from '../openapi/text';
import { AuthRule, describedResponses } from '../rule';

const name = 'auth-403-misused-for-authentication';

/** Phrases that speak of a caller without valid credentials: a 401 situation. */
const AUTHENTICATION_PHRASES = [
  'unauthenticated', 'not authenticated', 'authentication required', 'authentication is required',
  'not logged in', 'login required',
];
const CREDENTIAL_FAULTS = new Set(['missing', 'invalid', 'expired', 'no']);
const CREDENTIALS = ['token', 'tokens', 'credential', 'credentials', 'api key', 'api keys', 'apikey'];

function authenticationFailureIn(description: string): string | undefined {
  const words = wordsOf(description);
  return findPhrase(words, AUTHENTICATION_PHRASES) ?? findNearbyPair(words, CREDENTIAL_FAULTS, CREDENTIALS, 3);
}

export const auth403MisusedForAuthentication: AuthRule = {
  name,
  severity: 'warn',
  description: 'A 403 is for a known caller who may not do this, not for missing or invalid credentials (that is 401).',
  resolved: true,
  check(document) {
    return describedResponses(document, name, '403', authenticationFailureIn).map(({ phrase, path, subject }) => ({
      message: `${subject} speaks of an authentication failure ("${phrase}"): answer missing, invalid or expired credentials with 401, and keep 403 for callers who lack permission.`,
      path,
    }));
  },
};
