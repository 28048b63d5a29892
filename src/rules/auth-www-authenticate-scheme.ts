import { refOf } from '../openapi/json';
import { subjectAt } from '../openapi/references';
import { documentedValuesOf, documentsCode, headerNamed } from '../openapi/responses';
import { authSchemesNamed, isApiKeyScheme } from '../openapi/security';
import { AuthRule, capitalized, Finding, operationsFor } from '../rule';

const name = 'auth-www-authenticate-scheme';

/** The auth-scheme a challenge starts with: `Bearer realm="api"` → `bearer`. */
function challengeSchemeOf(value: string): string {
  return value.trim().split(/[\s,]/, 1)[0].toLowerCase();
}

export const authWwwAuthenticateScheme: AuthRule = {
  name,
  severity: 'warn',
  description: "A 401's WWW-Authenticate challenges name a scheme that the operation accepts.",
  resolved: true,
  check(document) {
    const findings: Finding[] = [];
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
      const subject = subjectAt(document, operation, path, 'the WWW-Authenticate header of the 401');
      const documented = [...new Set(challenges.map(challengeSchemeOf))].join(', ');
      findings.push({
        message: `${capitalized(subject)} documents challenges (${documented}) for none of the schemes the operation accepts: document a challenge that starts with ${expected.join(' or ')}.`,
        path,
      });
    }
    return findings;
  },
};
