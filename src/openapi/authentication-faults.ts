import { findNearbyPair, findNearbyPairAfter, findPhrase, wordsOf } from './text';

/**
 * Whether a description speaks of a caller without valid credentials (a 401 situation): a phrase such as
 * "not authenticated", or a fault next to a credential ("missing or invalid access token", "the token was
 * revoked"). Read by auth-403-misused-for-authentication (a 403 that says so should be a 401) and by
 * auth-401-misused-for-permissions (a 401 that says so is about credentials, whatever else it says).
 */

/** Phrases that speak of a caller without valid credentials: a 401 situation. */
const AUTHENTICATION_PHRASES = [
  'unauthenticated',
  'not authenticated',
  'authentication required',
  'authentication is required',
  'not logged in',
  'login required',
];
/**
 * "Not authenticated as the app that owns this resource": the caller is known, but is not the one allowed here.
 * That is an identity check, a 403 situation, not a missing login.
 */
const IDENTITY_CHECKS = ['not authenticated as', 'not logged in as'];

/** How far apart a fault and a credential may stand, in words: "no valid access token" is three. */
const NEARBY = 3;
const CREDENTIALS = [
  'token',
  'tokens',
  'credential',
  'credentials',
  'api key',
  'api keys',
  'apikey',
  'secret',
  'secrets',
];
/** Faults written before the credential: "missing or invalid token", "no valid API key", "wrong secret". */
const FAULTS_BEFORE = new Set(['missing', 'invalid', 'expired', 'no', 'incorrect', 'wrong', 'revoked']);
/**
 * Faults written after the credential: "credentials are incorrect or missing", "the token was revoked". Not
 * `no`: "the token has no access to this team" speaks of what the token does not grant.
 */
const FAULTS_AFTER = new Set(['missing', 'invalid', 'expired', 'incorrect', 'wrong', 'revoked']);
/** What may follow `missing` when it says the credential is absent: "is missing", "is missing or invalid". */
const AFTER_ABSENT = new Set(['or', 'and', 'nor', 'from', 'in', ...FAULTS_AFTER]);

/**
 * After the credential, `missing` says it is absent only when nothing it lacks follows: "the API key is missing
 * from the request" is absent, "the token is missing the calls:write scope" lacks a scope (a 403 situation).
 */
function saysAbsent(words: readonly string[], index: number): boolean {
  if (words[index] !== 'missing') return true;
  const next = words[index + 1];
  return next === undefined || AFTER_ABSENT.has(next);
}

/** The words of `wordsOf(description)` that speak of an authentication failure, if any (three linear passes). */
export function authenticationFailureInWords(words: readonly string[]): string | undefined {
  return (
    findPhrase(words, AUTHENTICATION_PHRASES, IDENTITY_CHECKS) ??
    findNearbyPair(words, FAULTS_BEFORE, CREDENTIALS, NEARBY) ??
    findNearbyPairAfter(words, CREDENTIALS, FAULTS_AFTER, NEARBY, saysAbsent)
  );
}

/** The words of a description that speak of an authentication failure, if any. */
export function authenticationFailureIn(description: string): string | undefined {
  return authenticationFailureInWords(wordsOf(description));
}
