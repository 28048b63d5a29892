import { refOf } from '../openapi/json';
import { subjectAt } from '../openapi/references';
import { bodySchemasOf, documentedValuesOf, documentsCode, headerNamed } from '../openapi/responses';
import { hasPropertyNamed } from '../openapi/schemas';
import { AuthRule, capitalized, Finding, operationsFor, RuleOptions } from '../rule';
import type { DocumentFacts } from '../openapi/operations';

const name = 'auth-403-describes-scopes';

/** Whether a 403 tells the caller which scopes or permissions it lacks, in its body or its challenge. */
function namesMissingGrants(document: DocumentFacts, response: unknown, options: RuleOptions): boolean {
  const isGrantProperty = (property: string): boolean => {
    const lower = property.toLowerCase();
    return options.missingGrantPropertyParts.some((part) => lower.includes(part));
  };
  if (bodySchemasOf(response, document.version).some((schema) => hasPropertyNamed(schema, isGrantProperty, 1, document.resolved))) {
    return true;
  }
  const header = headerNamed(response, 'WWW-Authenticate');
  if (header === undefined) return false;
  const texts = [...documentedValuesOf(header.header, document.version)];
  if (typeof header.header.description === 'string') texts.push(header.header.description);
  return texts.some((text) => text.toLowerCase().includes('insufficient_scope'));
}

export const auth403DescribesScopes: AuthRule = {
  name,
  severity: 'warn',
  description: 'A 403 tells the caller what it lacks: the missing scopes or permissions.',
  resolved: true,
  check(document, options) {
    const findings: Finding[] = [];
    // A shared 403 is the same resolved object on every operation that uses it: search its schemas once.
    const answers = new Map<unknown, boolean>();
    const namesMissingGrantsOnce = (response: unknown): boolean => {
      if (!answers.has(response)) answers.set(response, namesMissingGrants(document, response, options));
      return answers.get(response)!;
    };
    for (const operation of operationsFor(document, name)) {
      if (!operation.security.secured || !documentsCode(operation.responses, '403')) continue;
      const response = operation.responses['403'];
      if (refOf(response) !== undefined) continue;
      const path = [...operation.location, 'responses', '403'];
      const subject = (): string => capitalized(subjectAt(document, operation, path, 'the 403 response'));
      if (operation.security.scoped) {
        if (namesMissingGrantsOnce(response)) continue;
        findings.push({
          message: `${subject()} does not say which scopes are missing: add a body property such as missing_scopes, or a WWW-Authenticate challenge with error="insufficient_scope".`,
          path,
        });
      } else if (bodySchemasOf(response, document.version).length === 0) {
        findings.push({
          message: `${subject()} has no body: add a body schema that tells the caller which permission it lacks.`,
          path,
        });
      }
    }
    return findings;
  },
};
