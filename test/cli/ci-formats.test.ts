import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { documentationUrlOf, RULES } from '../../src/ruleset';
import { CliRun, removeWorkspace, runCli, workspace } from './run-cli';

// The rule table of the sources, which the bin bundles.

/**
 * The SARIF 2.1.0 JSON schema (the OASIS schema as schemastore publishes it, `2.1.0-rtm.5`), from a dev dependency.
 * It is written in draft-04; ajv 8 reads it once its `id` is spelled `$id`. Its `language` pattern has a stray `]` that
 * is only valid outside unicode mode, hence `unicodeRegExp: false`.
 */
function sarifValidator() {
  const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const {
    id,
    $schema: _draft04,
    ...schema
  } = JSON.parse(readFileSync(schemaFile, 'utf8')) as { id: string; $schema: string };
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ $id: id, ...schema });
}

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri?: string }[] } };
    results: { ruleId: string; level: string; locations: unknown[] }[];
  }[];
}

let root: string;
let sarif: CliRun;
let sarifFile: string;
let annotations: CliRun;
beforeAll(async () => {
  root = workspace({
    'apis/bad.openapi.yaml': { fixture: 'bad.openapi.yaml' },
    'apis/syntax-error.openapi.yaml': { fixture: 'syntax-error.openapi.yaml' },
    'apis/refs.openapi.yaml':
      "openapi: 3.0.3\ninfo: { title: x, version: '1' }\npaths:\n  /a:\n    get:\n      responses:\n        '200': { $ref: 'https://example.invalid/ok.yaml' }\n",
  });
  [sarif, annotations] = await Promise.all([
    // Findings, a parser error and a refused reference: every kind of result a CI run can upload.
    runCli(['lint', '-f', 'sarif', '-o', 'results.sarif', 'apis/*.yaml'], root),
    runCli(['lint', '-f', 'github-actions', 'apis/bad.openapi.yaml'], root),
  ]);
  sarifFile = readFileSync(`${root}/results.sarif`, 'utf8');
});
afterAll(() => removeWorkspace(root));

describe('-f sarif (code scanning)', () => {
  test('validates against the SARIF 2.1.0 schema', () => {
    expect(sarif.code).toBe(2);
    const validate = sarifValidator();
    const valid = validate(JSON.parse(sarifFile));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test('the schema check can fail: a log with a wrong level and no version is rejected', () => {
    const log = JSON.parse(sarifFile) as SarifLog & { version?: string };
    log.runs[0].results[0].level = 'fatal';
    delete log.version;
    expect(sarifValidator()(log)).toBe(false);
  });

  test('every rule of the ruleset carries its documentation URL as helpUri', () => {
    const { rules } = (JSON.parse(sarifFile) as SarifLog).runs[0].tool.driver;
    for (const rule of RULES) {
      expect(rules.find((described) => described.id === rule.name)?.helpUri).toBe(documentationUrlOf(rule.name));
    }
  });

  test('results name the rule, with its level and place', () => {
    const { results } = (JSON.parse(sarifFile) as SarifLog).runs[0];
    expect(results).toContainEqual(
      expect.objectContaining({
        ruleId: 'auth-401-documented',
        level: 'error',
        locations: [
          expect.objectContaining({
            physicalLocation: expect.objectContaining({
              artifactLocation: expect.objectContaining({ uri: 'apis/bad.openapi.yaml' }),
              region: expect.objectContaining({ startLine: 13, startColumn: 17 }),
            }),
          }),
        ],
      }),
    );
    expect(results.map((result) => result.ruleId)).toEqual(
      expect.arrayContaining(['auth-404-protected-item', 'parser', 'invalid-ref']),
    );
  });
});

describe('-f github-actions', () => {
  test('prints one workflow command per finding, at its file and line, with the documentation link', () => {
    expect(annotations.code).toBe(1);
    const lines = annotations.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      '::error title=auth-401-documented,file=apis/bad.openapi.yaml,col=17,endColumn=50,line=13,endLine=15::' +
        'GET /calls/{callId} requires authentication but documents no 401: add a 401 response with a WWW-Authenticate header naming the scheme (WWW-Authenticate: Bearer realm="api"), or, if it is public, say so with `security: []`.' +
        `%0ADocumentation: ${documentationUrlOf('auth-401-documented')}`,
    );
    expect(lines[1]).toMatch(
      /^::warning title=auth-403-documented,file=apis\/bad\.openapi\.yaml,col=17,endColumn=50,line=13,endLine=15::/,
    );
    expect(lines[2]).toMatch(/^::warning title=auth-404-protected-item,file=apis\/bad\.openapi\.yaml,/);
  });
});
