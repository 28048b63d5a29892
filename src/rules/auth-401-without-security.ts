import { exchangesCredentials, requiresNoSecurity } from '../openapi/credential-exchange';
import type { DocumentFacts, OperationFacts } from '../openapi/operations';
import { documentsCode } from '../openapi/responses';
import { AuthRule, Candidate, examplesOf, Finding, oncePerDocumentWhenAbsent, operationsFor } from '../rule';

const name = 'auth-401-without-security';

function findingOn(operation: OperationFacts): Finding {
  return {
    message: operation.security.explicitlyNone
      ? `${operation.label} documents a 401 but requires no authentication (security: []): remove the 401, or declare the security it needs.`
      : `${operation.label} documents a 401 but no security applies to it: declare its security requirement (or a root one), or remove the 401.`,
    path: [...operation.location, 'responses', '401'],
  };
}

/** `bearerAuth` as a YAML flow key; a name YAML would misread (`my scheme`, `a:b`) is quoted. */
function yamlKey(schemeName: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(schemeName) ? schemeName : JSON.stringify(schemeName);
}

/**
 * How a document that declares no security should declare it: with the schemes it already defines, which no
 * operation applies (the usual slip: `components.securitySchemes` written, the root `security` forgotten), or
 * else with new ones.
 */
function howToDeclareSecurity(document: DocumentFacts): string {
  const defined = Object.keys(document.securitySchemes);
  if (defined.length === 0) {
    const where = document.version === '2.0' ? '`securityDefinitions`' : '`components.securitySchemes`';
    return `declare how callers authenticate with ${where} and a root \`security\` requirement`;
  }
  const named = examplesOf(defined.map((scheme) => `\`${scheme}\``));
  const first = `security: [{${yamlKey(defined[0])}: []}]`;
  return defined.length === 1
    ? `it defines ${named} but no operation applies it: add a root \`${first}\``
    : `it defines ${named} but no operation applies them: add a root \`security\` requirement with the ones callers use (for example \`${first}\`)`;
}

export const auth401WithoutSecurity: AuthRule = {
  name,
  severity: 'warn',
  description: 'Only an operation that accepts credentials documents 401: declare its security, or drop the 401.',
  // The fix is on the operation (declare its security, or drop its 401), even when the 401 is a shared `$ref`.
  resolved: false,
  check(document) {
    const candidates: Candidate[] = operationsFor(document, name)
      .filter((operation) => documentsCode(operation.responses, '401') && requiresNoSecurity(operation))
      // A login or token endpoint answers wrong credentials with 401 legitimately (RFC 6749 §5.2).
      .filter((operation) => !exchangesCredentials(document, operation))
      .map((operation) => ({ label: operation.label, finding: findingOn(operation) }));
    // One root cause when the document never says how to authenticate: one finding, not one per operation.
    const declaresSecurity = document.operations.some((operation) => operation.security.declared);
    return oncePerDocumentWhenAbsent(
      candidates,
      declaresSecurity,
      (count, examples) =>
        `The document declares no security, yet ${count} operations document a 401 (${examples}): ` +
        `${howToDeclareSecurity(document)}; or, if the API takes no credentials, remove the 401s.`,
    );
  },
};
