// What both packaging tests (the real CLI, the VS Code loader) lint and expect.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './pack';

/** Spectral's numeric severities, as results carry them. */
export const ERROR = 0;
export const WARN = 1;

export interface Finding {
  code: string;
  /** Dot-joined JSON path. */
  path: string;
  severity: number;
}

export const integrationFixture = (name: string): string => join(PROJECT_ROOT, 'fixtures/integration', name);

/** A document on which each of the eleven rules reports at least once. */
export const ALL_RULES_DOCUMENT = integrationFixture('all-rules.oas3.yaml');

/** Where all-rules.oas3.yaml's comments say each rule reports, with the severities of the rule table. */
export const ALL_RULES_FINDINGS: readonly Finding[] = [
  { code: 'auth-no-404-collection', path: 'paths./calls.get.responses.404', severity: WARN },
  { code: 'auth-401-documented', path: 'paths./calls/{callId}.get.responses', severity: ERROR },
  { code: 'auth-404-protected-item', path: 'paths./calls/{callId}.get.responses', severity: WARN },
  { code: 'auth-403-describes-scopes', path: 'paths./calls/{callId}.get.responses.403', severity: WARN },
  { code: 'auth-403-misused-for-authentication', path: 'paths./calls/{callId}.get.responses.403', severity: WARN },
  { code: 'auth-403-documented', path: 'paths./calls/{callId}.delete.responses', severity: WARN },
  { code: 'auth-401-www-authenticate', path: 'paths./calls/{callId}.delete.responses.401', severity: ERROR },
  { code: 'auth-401-misused-for-permissions', path: 'paths./calls/{callId}.delete.responses.401', severity: WARN },
  {
    code: 'auth-www-authenticate-scheme',
    path: 'paths./calls/{callId}.put.responses.401.headers.WWW-Authenticate',
    severity: WARN,
  },
  {
    code: 'auth-exception-invalid',
    path: 'paths./calls/{callId}.put.x-auth-exceptions.auth-404-protected-item',
    severity: WARN,
  },
  { code: 'auth-401-without-security', path: 'paths./status.get.responses.401', severity: WARN },
];

/** Findings reduced to code, path and severity, in a stable order, for comparing whole lists. */
export function comparable(findings: readonly Finding[]): Finding[] {
  return findings
    .map(({ code, path, severity }) => ({ code, path, severity }))
    .sort((a, b) => a.path.localeCompare(b.path) || a.code.localeCompare(b.code));
}

/** Writes `<directory>/.spectral.yaml` extending the given rulesets; returns its path. */
export function writeSpectralYaml(directory: string, rulesets: string[]): string {
  mkdirSync(directory, { recursive: true });
  const file = join(directory, '.spectral.yaml');
  writeFileSync(file, `extends: ${JSON.stringify(rulesets)}\n`);
  return file;
}

/** The presets under `rulesets/`, as users name them in `extends`. */
export const PRESETS = ['recommended', 'strict', 'errors-in-default', 'aip-211'] as const;

/**
 * What each preset reports on all-rules.oas3.yaml, from the README's description of the presets (not from the
 * code that builds them): `strict` makes every finding an error; `errors-in-default` turns off the three rules
 * that ask for a status code; `aip-211` turns off auth-404-protected-item.
 */
export function presetFindings(preset: (typeof PRESETS)[number]): Finding[] {
  const without = (...codes: string[]) => ALL_RULES_FINDINGS.filter((finding) => !codes.includes(finding.code));
  switch (preset) {
    case 'recommended':
      return [...ALL_RULES_FINDINGS];
    case 'strict':
      return ALL_RULES_FINDINGS.map((finding) => ({ ...finding, severity: ERROR }));
    case 'errors-in-default':
      return without('auth-401-documented', 'auth-403-documented', 'auth-404-protected-item');
    case 'aip-211':
      return without('auth-404-protected-item');
  }
}

/**
 * A program that lints with an installed package: `setRuleset(require(<entry>))` in a Node process of its own, in
 * the project `cwd` (jest's module system does not load the package's ES module), returning its findings.
 */
export function lintWithSetRuleset(cwd: string, entry: string, document: string): Finding[] {
  const program = [
    "const { Document, Spectral } = require('@stoplight/spectral-core');",
    "const { Yaml } = require('@stoplight/spectral-parsers');",
    "const { readFileSync } = require('node:fs');",
    'const spectral = new Spectral();',
    `spectral.setRuleset(require(${JSON.stringify(entry)}));`,
    `const file = ${JSON.stringify(document)};`,
    "spectral.run(new Document(readFileSync(file, 'utf8'), Yaml, file)).then((results) => {",
    "  const findings = results.map((r) => ({ code: r.code, path: r.path.join('.'), severity: r.severity }));",
    '  console.log(JSON.stringify(findings));',
    '});',
  ].join('\n');
  const run = spawnSync(process.execPath, ['-e', program], { cwd, encoding: 'utf8' });
  if (run.status !== 0 || run.stderr !== '') {
    throw new Error(`the program linting with ${entry} failed (exit ${run.status}):\n${run.stderr}`);
  }
  return comparable(JSON.parse(run.stdout) as Finding[]);
}
