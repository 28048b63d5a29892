import type { DocumentFacts, OperationFacts } from '../../openapi/operations';
import { challengeAuthSchemeOf } from '../../openapi/security';

/**
 * The auth-schemes whose challenge a 401 of the operation should carry (`Bearer` for OAuth 2.0), in the rules'
 * terms (`challengeAuthSchemeOf`); empty when none of its schemes defines a challenge (API keys of their own).
 */
export function acceptedChallengeSchemes(document: DocumentFacts, operation: OperationFacts): string[] {
  const schemes = operation.security.schemeNames.map((name) => challengeAuthSchemeOf(document.securitySchemes[name]));
  return [...new Set(schemes.filter((scheme): scheme is string => scheme !== undefined))];
}
