import { refOf } from '../openapi/json';
import type { JsonPath } from '../openapi/operations';
import { subjectAt } from '../openapi/references';
import { documentedValuesOf, documentsCode, headerNamed } from '../openapi/responses';
import { authSchemesNamed, isApiKeyScheme } from '../openapi/security';
import { AuthRule, capitalized, Finding, operationsFor } from '../rule';

const name = 'auth-www-authenticate-scheme';

/** The auth-scheme a challenge starts with: `Bearer realm="api"` → `bearer`. */
function challengeSchemeOf(value: string): string {
  return value.trim().split(/[\s,]/, 1)[0].toLowerCase();
}

/** One header that documents challenges for none of the schemes of the operations that use it. */
interface Mismatch {
  subject: string;
  /** The header is a shared component (or inside one), so several operations may use it. */
  shared: boolean;
  path: JsonPath;
  documented: Set<string>;
  expected: Map<string, string>;
}

export const authWwwAuthenticateScheme: AuthRule = {
  name,
  severity: 'warn',
  description: "A 401's WWW-Authenticate challenges name a scheme that the operation accepts.",
  resolved: true,
  check(document) {
    // Keyed by subject: a shared response or header used by operations with different schemes is one finding
    // (Spectral de-duplicates only identical messages at the same place), asking for any of their schemes.
    const mismatches = new Map<string, Mismatch>();
    for (const operation of operationsFor(document, name)) {
      if (!operation.security.secured || !documentsCode(operation.responses, '401')) continue;
      const accepted = operation.security.schemeNames.map((scheme) => document.securitySchemes[scheme]);
      if (accepted.some(isApiKeyScheme)) continue;
      const expected = authSchemesNamed(operation.security.schemeNames, document.securitySchemes);
      if (expected.length === 0) continue;
      const response = operation.responses['401'];
      if (refOf(response) !== undefined) continue;
      const header = headerNamed(response, 'WWW-Authenticate');
      if (header === undefined) continue;
      const challenges = documentedValuesOf(header.header, document.version);
      if (challenges.length === 0) continue;
      const wanted = new Set(expected.map((scheme) => scheme.toLowerCase()));
      if (challenges.some((challenge) => wanted.has(challengeSchemeOf(challenge)))) continue;
      const path = [...operation.location, 'responses', '401', 'headers', header.key];
      const own = `the WWW-Authenticate header of the 401 of ${operation.label}`;
      const subject = subjectAt(document, operation, path, 'the WWW-Authenticate header of the 401');
      const shared = subject !== own;
      const mismatch = mismatches.get(subject) ?? { subject, shared, path, documented: new Set(), expected: new Map() };
      for (const challenge of challenges) mismatch.documented.add(challengeSchemeOf(challenge));
      for (const scheme of expected) mismatch.expected.set(scheme.toLowerCase(), scheme);
      mismatches.set(subject, mismatch);
    }
    return [...mismatches.values()].map(({ subject, shared, path, documented, expected }): Finding => ({
      message: `${capitalized(subject)} documents challenges (${[...documented].join(', ')}) for none of the schemes ${shared ? 'accepted by the operations that use it' : 'the operation accepts'}: document a challenge that starts with ${[...expected.values()].join(' or ')}.`,
      path,
    }));
  },
};
