import { findingsOf } from '../helpers/lint';

/** createRuleset's options, as src/ruleset.ts documents them: extra names, added to the defaults, any case. */
const document = { file: 'shared/ruleset-options.oas3.yaml' };

describe('collectionEnvelopeNames', () => {
  test('without it, an unknown envelope (hits) is not a listing; a default one (items) is', async () => {
    const findings = await findingsOf('auth-no-404-collection', document);
    expect(findings.map((finding) => finding.path)).toEqual(['paths./calls.get.responses.404']);
  });

  test('an extra name (in any case) makes that envelope a listing, and the defaults stay', async () => {
    const findings = await findingsOf('auth-no-404-collection', document, { collectionEnvelopeNames: ['HITS'] });
    expect(findings.map((finding) => finding.path).sort()).toEqual([
      'paths./calls.get.responses.404',
      'paths./documents.get.responses.404',
    ]);
  });
});

describe('missingGrantPropertyNames', () => {
  test('without it, a property named for roles does not say what is missing; one named for scopes does', async () => {
    const findings = await findingsOf('auth-403-describes-scopes', document);
    expect(findings.map((finding) => finding.path)).toEqual(['paths./documents.get.responses.403']);
  });

  test('an extra name part (matched anywhere in the property name, any case) is accepted, and scope still is', async () => {
    const findings = await findingsOf('auth-403-describes-scopes', document, { missingGrantPropertyNames: ['Role'] });
    expect(findings).toEqual([]);
  });
});

test('option values that are not non-empty strings are ignored', async () => {
  const listOfOddValues = { collectionEnvelopeNames: [42, '', null], missingGrantPropertyNames: ['', 7] } as never;
  const notLists = { collectionEnvelopeNames: 'hits', missingGrantPropertyNames: 'role' } as never;
  for (const options of [listOfOddValues, notLists]) {
    expect((await findingsOf('auth-no-404-collection', document, options)).map((f) => f.path)).toEqual([
      'paths./calls.get.responses.404',
    ]);
    // An empty name part would be found in every property name and silence the rule.
    expect((await findingsOf('auth-403-describes-scopes', document, options)).map((f) => f.path)).toEqual([
      'paths./documents.get.responses.403',
    ]);
  }
});
