import { documentFrom, lint } from '../helpers/lint';
import { RULES } from '../../src/ruleset';

test('a YAML file that is not OpenAPI, though it has paths, responses and security, gets none of our findings', async () => {
  const results = await lint(documentFrom({ file: 'shared/not-openapi.yaml' }));
  const ours = new Set(RULES.map((rule) => rule.name));
  expect(results.filter((result) => ours.has(String(result.code)))).toEqual([]);
  // Spectral itself says why nothing was checked.
  expect(results.map((result) => result.code)).toContain('unrecognized-format');
});

test('the same content with an openapi key is linted (the fixture would fail the rules)', async () => {
  const results = await lint(
    documentFrom({
      yaml: `openapi: 3.0.3
info: { title: t, version: '1' }
security: [{ oauth: [calls:read] }]
paths:
  /calls:
    get:
      responses:
        '200': { description: A listing, content: { application/json: { schema: { type: array } } } }
        '403': { description: Missing token }
        '404': { description: No calls }
`,
    }),
  );
  expect(results.map((result) => result.code)).toEqual(
    expect.arrayContaining(['auth-401-documented', 'auth-403-misused-for-authentication', 'auth-no-404-collection']),
  );
});
