// What both packaging tests (the real CLI, the VS Code loader) lint and expect.
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
