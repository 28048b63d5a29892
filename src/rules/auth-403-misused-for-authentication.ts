import { asObject, refOf } from '../openapi/json';
import { subjectAt } from '../openapi/references';
import { documentsCode } from '../openapi/responses';
import { findNearbyPair, findPhrase, wordsOf } from '../openapi/text';
import { AuthRule, capitalized, Finding, operationsFor } from '../rule';

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
    const findings: Finding[] = [];
    // A shared response repeats one description on every operation that uses it: read each text once.
    const phrases = new Map<string, string | undefined>();
    for (const operation of operationsFor(document, name)) {
      if (!documentsCode(operation.responses, '403')) continue;
      const response = operation.responses['403'];
      // Any shape may stand here (`'403': null` included): an unresolved `$ref` or a non-object has no description.
      const description = refOf(response) === undefined ? asObject(response).description : undefined;
      if (typeof description !== 'string') continue;
      if (!phrases.has(description)) phrases.set(description, authenticationFailureIn(description));
      const phrase = phrases.get(description);
      if (phrase === undefined) continue;
      const path = [...operation.location, 'responses', '403'];
      findings.push({
        message: `${capitalized(subjectAt(document, operation, path, 'the 403 response'))} speaks of an authentication failure ("${phrase}"): answer missing, invalid or expired credentials with 401, and keep 403 for callers who lack permission.`,
        path,
      });
    }
    return findings;
  },
};
