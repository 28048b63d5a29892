import type { OperationFacts } from '../openapi/operations';
import { documentsCode } from '../openapi/responses';
import { AuthRule, Finding, operationsFor } from '../rule';

const name = 'auth-401-without-security';

function requiresNothing(operation: OperationFacts): boolean {
  return !operation.security.declared || operation.security.explicitlyNone;
}

export const auth401WithoutSecurity: AuthRule = {
  name,
  severity: 'warn',
  description: 'Only an operation that accepts credentials documents 401: declare its security, or drop the 401.',
  // The fix is on the operation (declare its security, or drop its 401), even when the 401 is a shared `$ref`.
  resolved: false,
  check(document) {
    const offending = operationsFor(document, name).filter(
      (operation) => documentsCode(operation.responses, '401') && requiresNothing(operation),
    );
    const declaresNoSecurity = document.operations.every((operation) => !operation.security.declared);
    if (declaresNoSecurity && offending.length > 1) {
      // One root cause: the document never says how to authenticate. One finding, not one per operation.
      const where =
        document.version === '2.0'
          ? '`securityDefinitions` and a root `security` requirement'
          : '`components.securitySchemes` and a root `security` requirement';
      const finding: Finding = {
        message: `The document declares no security, yet ${offending.length} operations document a 401 (first: ${offending[0].label}): declare how callers authenticate with ${where}.`,
        path: [],
      };
      return [finding];
    }
    return offending.map((operation) => ({
      message: operation.security.explicitlyNone
        ? `${operation.label} documents a 401 but requires no authentication (security: []): remove the 401, or declare the security it needs.`
        : `${operation.label} documents a 401 but no security applies to it: declare its security requirement (or a root one), or remove the 401.`,
      path: [...operation.location, 'responses', '401'],
    }));
  },
};
