import { RulesetDefinition, Spectral } from '@stoplight/spectral-core';
// Spectral's own OpenAPI ruleset (installed with @stoplight/spectral-cli): its schema rules validate documents.
import { oas } from '@stoplight/spectral-rulesets';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/ruleset';
import { documentFrom, FIXTURES } from '../helpers/lint';

/**
 * Fixtures are valid OpenAPI apart from what our rules report, so that a finding is never caused by a broken
 * document. Checked with Spectral's oas2-schema/oas3-schema rules (3.1 included) for every rule's fixture folder
 * and for fixtures/shared.
 */
const FOLDERS = [...RULES.map((rule) => rule.name), 'shared'];

/**
 * Left out, each for its reason: documents that are not OpenAPI, or not valid, on purpose (what they show is how
 * rules cope), and fragments that are no document (checked as part of the documents that `$ref` them).
 */
const NOT_A_VALID_DOCUMENT: Record<string, string> = {
  'shared/odd-shapes.oas3.yaml': 'wrong shapes everywhere, on purpose',
  'shared/odd-shapes.oas2.yaml': 'wrong shapes everywhere, on purpose',
  'shared/not-openapi.yaml': 'no API description, on purpose',
  'shared/responses.yaml': 'a fragment: responses that documents `$ref`',
};

/** A folder's documents; its subfolders (`shared/`) hold fragments, checked through the documents that `$ref` them. */
function documentsIn(folder: string): string[] {
  return readdirSync(join(FIXTURES, folder), { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/.test(entry.name))
    .map((entry) => `${folder}/${entry.name}`);
}

const documents = FOLDERS.flatMap(documentsIn).filter((name) => !(name in NOT_A_VALID_DOCUMENT));

/** Spectral with only the schema rules of its OpenAPI ruleset on (its types come from its own spectral-core copy). */
function schemaValidator(): Spectral {
  const { rules: oasRules } = oas as unknown as { rules: Record<string, object> };
  const spectral = new Spectral();
  spectral.setRuleset({
    extends: [[oas as RulesetDefinition, 'off']],
    rules: {
      'oas2-schema': 'error',
      'oas3-schema': 'error',
      // Spectral's schema rules read a document as written (resolved: false), so what it `$ref`s from another
      // file is not checked by them; these copies read it resolved.
      'oas2-schema-resolved': { ...oasRules['oas2-schema'], resolved: true },
      'oas3-schema-resolved': { ...oasRules['oas3-schema'], resolved: true },
    },
  } as RulesetDefinition);
  return spectral;
}

/**
 * Spectral's YAML parser notes every unquoted (numeric) response key. That is no schema error (the key reaches
 * the schema rules as a string), and real descriptions write keys so: fixtures use them on purpose, mixed with
 * quoted ones, to show that the rules read both.
 */
const NUMERIC_KEY_NOTE = 'Mapping key must be a string scalar rather than number';

test.each(documents)('%s is valid OpenAPI', async (name) => {
  const results = await schemaValidator().run(documentFrom({ file: name }));
  const problems = results.filter((result) => !(result.code === 'parser' && result.message === NUMERIC_KEY_NOTE));
  expect(problems.map((result) => `${result.code} ${result.path.join('.')}: ${result.message}`)).toEqual([]);
});

test('every rule has a fixture folder with documents', () => {
  for (const rule of RULES) expect(documentsIn(rule.name).length).toBeGreaterThan(0);
});

test('the check sees schema errors', async () => {
  const results = await schemaValidator().run(documentFrom({ file: 'shared/odd-shapes.oas3.yaml' }));
  expect(results.map((result) => result.code)).toContain('oas3-schema');
});

test('the check sees schema errors in a file that a document references', async () => {
  const yaml = `
openapi: 3.0.3
info: { title: Calls, version: 1.0.0 }
paths:
  /calls:
    get:
      responses:
        '200': { $ref: 'shared/odd-shapes.oas3.yaml#/paths/~1calls/get/responses/200' }
`;
  const results = await schemaValidator().run(documentFrom({ yaml }));
  expect(results.map((result) => result.code)).toContain('oas3-schema-resolved');
});
