/**
 * The package as a user gets it: `npm pack` of the built project, installed into a fresh project next to
 * `@stoplight/spectral-cli`, a `.spectral.yaml` that extends it, and the real `spectral lint` binary as a child process.
 *
 * Pack and install happen once for the file (about 5 s with a warm npm cache on an idle machine). The install reads the npm cache first
 * (`--prefer-offline`); whatever the cache lacks comes from the npm registry, the only network this test may use.
 * `--ignore-scripts`: no package here needs an install script, and one of the CLI's dependencies (@scarf/scarf)
 * would otherwise phone home from its postinstall.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ALL_RULES_DOCUMENT,
  ALL_RULES_FINDINGS,
  comparable,
  ERROR,
  Finding,
  integrationFixture,
  lintWithSetRuleset,
  PRESETS,
  presetFindings,
  WARN,
  writeSpectralYaml,
} from '../helpers/integration';
import { lockedVersionOf, npm, packProject, PROJECT_ROOT } from '../helpers/pack';

/** One result of `spectral lint -f json --show-documentation-url`. */
interface CliResult {
  code: string;
  path: string[];
  message: string;
  severity: number;
  source: string;
  documentationUrl?: string;
}

const EXAMPLE_DOCUMENT = join(PROJECT_ROOT, 'examples/call-recordings.yaml');

/** The mistakes the example API's comments point out, as the README's first command shows them. */
const EXAMPLE_FINDINGS: Finding[] = [
  { code: 'auth-403-documented', path: 'paths./users/{phoneNumber}/calls.get.responses', severity: WARN },
  { code: 'auth-404-protected-item', path: 'paths./users/{phoneNumber}/calls.get.responses', severity: WARN },
  {
    code: 'auth-401-misused-for-permissions',
    path: 'paths./users/{phoneNumber}/calls.get.responses.401',
    severity: WARN,
  },
  { code: 'auth-401-www-authenticate', path: 'paths./users/{phoneNumber}/calls.get.responses.401', severity: ERROR },
  { code: 'auth-no-404-collection', path: 'paths./calls.get.responses.404', severity: WARN },
  { code: 'auth-403-describes-scopes', path: 'paths./calls/{callId}.get.responses.403', severity: WARN },
  { code: 'auth-403-misused-for-authentication', path: 'paths./calls/{callId}.get.responses.403', severity: WARN },
  { code: 'auth-401-documented', path: 'paths./calls/{callId}.delete.responses', severity: ERROR },
  { code: 'auth-403-documented', path: 'paths./calls/{callId}.delete.responses', severity: WARN },
  { code: 'auth-404-protected-item', path: 'paths./calls/{callId}.delete.responses', severity: WARN },
  { code: 'auth-401-without-security', path: 'paths./status.get.responses.401', severity: WARN },
];

let workspace: string;
/** The consumer project; its `.spectral.yaml` extends only this package. */
let consumer: string;
/** A folder of the consumer project whose `.spectral.yaml` extends `spectral:oas` too. */
let consumerWithOas: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'spectral-auth-responses-cli-'));
  const tarball = packProject(workspace);
  consumer = join(workspace, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  npm(
    [
      'install',
      '--save-dev',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      tarball,
      `@stoplight/spectral-cli@${lockedVersionOf('@stoplight/spectral-cli')}`,
    ],
    consumer,
  );
  writeSpectralYaml(consumer, ['spectral-auth-responses']);
  consumerWithOas = join(consumer, 'with-oas');
  writeSpectralYaml(consumerWithOas, ['spectral:oas', 'spectral-auth-responses']);
  for (const preset of PRESETS) {
    writeSpectralYaml(join(consumer, `preset-${preset}`), [`spectral-auth-responses/rulesets/${preset}`]);
  }
}, 300_000);

afterAll(() => {
  if (workspace !== undefined) rmSync(workspace, { recursive: true, force: true });
});

/** `spectral lint -f json` as a user runs it: the consumer's own binary, the `.spectral.yaml` found in `cwd`. */
function spectralLint(cwd: string, document: string): { exitCode: number | null; results: CliResult[] } {
  const run = spawnSync(
    join(consumer, 'node_modules/.bin/spectral'),
    ['lint', '-f', 'json', '--show-documentation-url', document],
    { cwd, encoding: 'utf8' },
  );
  let results: CliResult[];
  try {
    results = JSON.parse(run.stdout) as CliResult[];
  } catch {
    throw new Error(`spectral lint printed no JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  return { exitCode: run.status, results };
}

function findingsOf(results: CliResult[]): Finding[] {
  return comparable(results.map((result) => ({ ...result, path: result.path.join('.') })));
}

const isAuthResult = (result: CliResult): boolean => result.code.startsWith('auth-');

describe('the packed package through the real spectral CLI', () => {
  test('extends: [spectral-auth-responses] reports each of the eleven rules where the fix goes', () => {
    const { exitCode, results } = spectralLint(consumer, ALL_RULES_DOCUMENT);
    expect(findingsOf(results)).toEqual(comparable(ALL_RULES_FINDINGS));
    for (const result of results) {
      expect(result.source).toBe(ALL_RULES_DOCUMENT);
      expect(result.documentationUrl).toMatch(new RegExp(`^https://.*/docs/rules/${result.code}\\.md$`));
      expect(result.message).not.toContain('could not check this document');
    }
    expect(exitCode).toBe(1); // error-severity findings fail the run
  });

  test('the example API shows the mistakes its comments point out', () => {
    const { exitCode, results } = spectralLint(consumer, EXAMPLE_DOCUMENT);
    expect(findingsOf(results)).toEqual(comparable(EXAMPLE_FINDINGS));
    expect(exitCode).toBe(1);
  });

  test('Swagger 2.0: an error-severity finding fails the run', () => {
    const document = integrationFixture('one-error.oas2.yaml');
    const { exitCode, results } = spectralLint(consumer, document);
    expect(findingsOf(results)).toEqual([
      { code: 'auth-401-documented', path: 'paths./calls/{callId}.get.responses', severity: ERROR },
    ]);
    expect(exitCode).toBe(1);
  });

  test('OpenAPI 3.1: warnings alone do not fail the run', () => {
    const document = integrationFixture('one-warning.oas31.yaml');
    const { exitCode, results } = spectralLint(consumer, document);
    expect(findingsOf(results)).toEqual([
      { code: 'auth-no-404-collection', path: 'paths./calls.get.responses.404', severity: WARN },
    ]);
    expect(exitCode).toBe(0);
  });

  test('extends: [spectral:oas, spectral-auth-responses] adds the OpenAPI rules and keeps ours', () => {
    const { exitCode, results } = spectralLint(consumerWithOas, ALL_RULES_DOCUMENT);
    expect(findingsOf(results.filter(isAuthResult))).toEqual(comparable(ALL_RULES_FINDINGS));
    const oasCodes = new Set(results.filter((result) => !isAuthResult(result)).map((result) => result.code));
    expect([...oasCodes]).toEqual(expect.arrayContaining(['info-contact', 'operation-operationId']));
    for (const result of results.filter(isAuthResult)) {
      expect(result.documentationUrl).toMatch(new RegExp(`/docs/rules/${result.code}\\.md$`));
    }
    expect(exitCode).toBe(1);
  });
});

describe.each(PRESETS)('the preset %s through the real spectral CLI', (preset) => {
  test(`extends: [spectral-auth-responses/rulesets/${preset}] reports what the preset says`, () => {
    const { exitCode, results } = spectralLint(join(consumer, `preset-${preset}`), ALL_RULES_DOCUMENT);
    expect(findingsOf(results)).toEqual(comparable(presetFindings(preset)));
    const errors = presetFindings(preset).some((finding) => finding.severity === ERROR);
    expect(exitCode).toBe(errors ? 1 : 0);
  });
});

describe('the installed package in a program (setRuleset)', () => {
  test.each(PRESETS)('require("spectral-auth-responses/rulesets/%s")', (preset) => {
    expect(lintWithSetRuleset(consumer, `spectral-auth-responses/rulesets/${preset}`, ALL_RULES_DOCUMENT)).toEqual(
      comparable(presetFindings(preset)),
    );
  });

  test('require("spectral-auth-responses") is the ruleset itself, the recommended preset', () => {
    expect(lintWithSetRuleset(consumer, 'spectral-auth-responses', ALL_RULES_DOCUMENT)).toEqual(
      comparable(ALL_RULES_FINDINGS),
    );
  });
});

describe('the installed command with a ruleset that extends a preset', () => {
  test('spectral-auth-responses lint --ruleset <.spectral.yaml extending rulesets/strict>', () => {
    const run = spawnSync(
      join(consumer, 'node_modules/.bin/spectral-auth-responses'),
      ['lint', '--ruleset', join(consumer, 'preset-strict/.spectral.yaml'), '--format', 'json', ALL_RULES_DOCUMENT],
      { cwd: consumer, encoding: 'utf8' },
    );
    const results = JSON.parse(run.stdout) as CliResult[];
    expect(findingsOf(results)).toEqual(comparable(presetFindings('strict')));
    expect(run.status).toBe(1);
  });
});

describe('a JavaScript ruleset that builds the ruleset with the factory', () => {
  test('spectral lint -r .spectral.js with createRuleset(options) from spectral-auth-responses/factory', () => {
    const folder = join(consumer, 'factory-js');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, '.spectral.js'),
      [
        "const { createRuleset } = require('spectral-auth-responses/factory');",
        "module.exports = { extends: [createRuleset()], rules: { 'auth-403-documented': 'error' } };",
        '',
      ].join('\n'),
    );
    const run = spawnSync(
      join(consumer, 'node_modules/.bin/spectral'),
      ['lint', '-f', 'json', '-r', join(folder, '.spectral.js'), ALL_RULES_DOCUMENT],
      { cwd: folder, encoding: 'utf8' },
    );
    const expected = ALL_RULES_FINDINGS.map((finding) =>
      finding.code === 'auth-403-documented' ? { ...finding, severity: ERROR } : finding,
    );
    expect(findingsOf(JSON.parse(run.stdout) as CliResult[])).toEqual(comparable(expected));
  });
});
