import { findingsOf } from '../helpers/lint';

/**
 * `200:` unquoted is a YAML number; it parses to the same object key as `'200'`, so it documents the code.
 * (Spectral's own parser adds a "Mapping key must be a string scalar" diagnostic for each: that is not ours.)
 */
const document = { file: 'shared/numeric-response-keys.oas3.yaml' };

test.each([
  ['auth-403-documented', []],
  ['auth-404-protected-item', []],
  ['auth-no-404-collection', [['paths./calls.get.responses.404', 18]]],
  ['auth-403-misused-for-authentication', [['paths./calls.get.responses.403', 17]]],
  ['auth-403-describes-scopes', [['paths./calls.get.responses.403', 17]]],
] as const)('%s reads numeric response keys', async (rule, expected) => {
  const findings = await findingsOf(rule, document);
  expect(findings.map((finding) => [finding.path, finding.line])).toEqual(expected);
});
