import { RulesetDefinition, Spectral } from '@stoplight/spectral-core';
// Spectral's own OpenAPI ruleset (installed with @stoplight/spectral-cli): its schema rules validate documents.
import { oas } from '@stoplight/spectral-rulesets';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { documentFrom, FIXTURES } from '../helpers/lint';

/**
 * Fixtures are valid OpenAPI apart from what our rules report, so that a finding is never caused by a broken
 * document. Checked with Spectral's oas2-schema/oas3-schema rules (3.1 included) for the fixtures of this set.
 */
const RULE_FOLDERS = [
  'auth-403-documented',
  'auth-403-describes-scopes',
  'auth-403-misused-for-authentication',
  'auth-404-protected-item',
  'auth-no-404-collection',
  'auth-exception-invalid',
];
/** Deliberately not OpenAPI, or not valid: what they show is how rules cope. */
const NOT_VALID_ON_PURPOSE = ['odd-shapes.oas3.yaml', 'odd-shapes.oas2.yaml', 'not-openapi.yaml', 'responses.yaml'];

const documents = [
  ...RULE_FOLDERS.flatMap((folder) => readdirSync(join(FIXTURES, folder)).map((file) => `${folder}/${file}`)),
  ...readdirSync(join(FIXTURES, 'shared'))
    .filter((file) => !NOT_VALID_ON_PURPOSE.includes(file))
    .map((file) => `shared/${file}`),
].filter((name) => /\.(ya?ml|json)$/.test(name));

/** Spectral with only the schema rules of its OpenAPI ruleset on (its types come from its own spectral-core copy). */
function schemaValidator(): Spectral {
  const spectral = new Spectral();
  spectral.setRuleset({
    extends: [[oas as RulesetDefinition, 'off']],
    rules: { 'oas2-schema': 'error', 'oas3-schema': 'error' },
  });
  return spectral;
}

/** Spectral's parser notes every unquoted (numeric) YAML key; numeric-response-keys shows exactly those. */
const NUMERIC_KEY_NOTE = 'Mapping key must be a string scalar rather than number';

test.each(documents)('%s is valid OpenAPI', async (name) => {
  const results = await schemaValidator().run(documentFrom({ file: name }));
  const problems = results.filter((result) => !(name.includes('numeric-response-keys') && result.message === NUMERIC_KEY_NOTE));
  expect(problems.map((result) => `${result.code} ${result.path.join('.')}: ${result.message}`)).toEqual([]);
});

test('the check sees schema errors', async () => {
  const results = await schemaValidator().run(documentFrom({ file: 'shared/odd-shapes.oas3.yaml' }));
  expect(results.map((result) => result.code)).toContain('oas3-schema');
});
