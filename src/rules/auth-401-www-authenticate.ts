import { refOf } from '../openapi/json';
import type { DocumentFacts, JsonPath, OperationFacts } from '../openapi/operations';
import { placeNamed } from '../openapi/references';
import { documentsCode, headerNamed } from '../openapi/responses';
import { ChallengeLookup, challengeLookup } from '../openapi/security';
import { AuthRule, Candidate, capitalized, oncePerDocumentWhenAbsent, operationsFor } from '../rule';

const name = 'auth-401-www-authenticate';

/** One 401 response without the header: a shared one once, however many operations use it. */
interface Missing {
  /** How the message names it: "the 401 response of GET /calls", or the shared component. */
  subject: string;
  /** How a document-level message lists it: the operation, or the shared component's name. */
  label: string;
  path: JsonPath;
  /** The schemes of the operations that make it reported, for the challenge examples. */
  schemeNames: Set<string>;
}

/**
 * Secured by a scheme that defines an HTTP challenge. A 401 of an operation secured by other API keys alone has
 * no challenge to send; one of an operation that takes no credentials should not be there at all (that is
 * auth-401-without-security's finding); AWS SigV4 answers 403, never a challenge.
 */
function expectsChallenge(operation: OperationFacts, challenges: ChallengeLookup): boolean {
  const { secured, awsSigV4Only, schemeNames } = operation.security;
  return secured && !awsSigV4Only && challenges.accepts(schemeNames);
}

function declaresHeader(operation: OperationFacts): boolean {
  return (
    documentsCode(operation.responses, '401') &&
    headerNamed(operation.responses['401'], 'WWW-Authenticate') !== undefined
  );
}

/**
 * The 401s without the header, keyed by subject: every operation using a shared 401 yields the same message
 * (Spectral de-duplicates only identical messages at the same place), asking for any of their schemes.
 */
function missingHeaders(document: DocumentFacts, challenges: ChallengeLookup): Missing[] {
  const missing = new Map<string, Missing>();
  for (const operation of operationsFor(document, name)) {
    if (!documentsCode(operation.responses, '401') || !expectsChallenge(operation, challenges)) continue;
    const response = operation.responses['401'];
    // An unresolved `$ref` (Spectral reports it) has no headers to read.
    if (refOf(response) !== undefined || headerNamed(response, 'WWW-Authenticate') !== undefined) continue;
    const path = [...operation.location, 'responses', '401'];
    const { subject, label } = placeNamed(document, operation, path, 'the 401 response');
    const entry = missing.get(subject) ?? { subject, label, path, schemeNames: new Set<string>() };
    for (const scheme of operation.security.schemeNames) entry.schemeNames.add(scheme);
    missing.set(subject, entry);
  }
  return [...missing.values()];
}

function exampleClause(examples: readonly string[]): string {
  return examples.length > 0 ? ` (for example WWW-Authenticate: ${examples.join(', ')})` : '';
}

export const auth401WwwAuthenticate: AuthRule = {
  name,
  severity: 'error',
  description: 'A 401 of an operation whose scheme defines an HTTP challenge carries a WWW-Authenticate header.',
  resolved: true,
  check(document) {
    const challenges = challengeLookup(document.securitySchemes);
    const missing = missingHeaders(document, challenges);
    const candidates = missing.map(({ subject, label, path, schemeNames }): Candidate => ({
      label,
      finding: {
        message: `${capitalized(subject)} has no WWW-Authenticate header: add one with the challenge clients must answer${exampleClause(challenges.examples([...schemeNames]))}.`,
        path,
      },
    }));
    // Any operation's 401 with the header (excepted ones too) shows the document has the convention.
    const declaredAnywhere = document.operations.some(declaresHeader);
    // Each 401 names the schemes of its own operations: the examples are alternatives, not one header.
    const alternatives = challenges
      .examples(missing.flatMap((entry) => [...entry.schemeNames]))
      .map((example) => `WWW-Authenticate: ${example}`);
    const examples = alternatives.length > 0 ? ` (for example ${alternatives.join(' or ')})` : '';
    return oncePerDocumentWhenAbsent(
      candidates,
      declaredAnywhere,
      (count, labels) =>
        `No 401 response of the document declares a WWW-Authenticate header, and ${count} need one (${labels}): add it to each, with the challenge of the schemes its operations accept${examples}; \`spectral-auth-responses fix\` does it.`,
    );
  },
};
