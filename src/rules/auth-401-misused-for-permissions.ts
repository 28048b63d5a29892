import { asObject, refOf } from '../openapi/json';
import { subjectAt } from '../openapi/references';
import { documentsCode } from '../openapi/responses';
import { findPhrase, wordsOf } from '../openapi/text';
import { AuthRule, capitalized, Finding, operationsFor } from '../rule';

const name = 'auth-401-misused-for-permissions';

/** Words that speak of a caller who is known but not allowed: a 403 situation. */
const PERMISSION_PHRASES = [
  'permission', 'permissions', 'forbidden', 'not allowed', 'insufficient scope', 'insufficient scopes',
  'insufficient_scope', 'missing scope', 'missing scopes', 'privilege', 'privileges',
];

export const auth401MisusedForPermissions: AuthRule = {
  name,
  severity: 'warn',
  description: 'A 401 is for missing or invalid credentials, not for a caller who lacks permission (that is 403).',
  resolved: true,
  check(document) {
    const findings: Finding[] = [];
    // A shared response repeats one description on every operation that uses it: read each text once.
    const phrases = new Map<string, string | undefined>();
    for (const operation of operationsFor(document, name)) {
      if (!documentsCode(operation.responses, '401')) continue;
      const response = operation.responses['401'];
      // asObject: a 401 written without a value (`401:`) is null, and reading its description must not throw.
      const description = refOf(response) === undefined ? asObject(response).description : undefined;
      if (typeof description !== 'string') continue;
      if (!phrases.has(description)) phrases.set(description, findPhrase(wordsOf(description), PERMISSION_PHRASES));
      const phrase = phrases.get(description);
      if (phrase === undefined) continue;
      const path = [...operation.location, 'responses', '401'];
      findings.push({
        message: `${capitalized(subjectAt(document, operation, path, 'the 401 response'))} speaks of a permission failure ("${phrase}"): answer a known caller who may not do this with 403, and keep 401 for missing or invalid credentials.`,
        path,
      });
    }
    return findings;
  },
};
