import { CliRun, removeWorkspace, runCli, workspace } from './run-cli';

/**
 * Team rulesets, loaded through Spectral's ruleset bundler as `spectral lint` loads them. The workspaces live in the
 * system's temporary folder, outside any node_modules: `extends: spectral-auth-responses` must still find the rules
 * (the command's own copy), as it must under `npx` or in a pre-commit environment.
 */
const EXTENDS_OURS_WITH_401_AS_WARNING = 'extends: [spectral-auth-responses]\nrules:\n  auth-401-documented: warn\n';

interface Result {
  code: string;
  severity: number;
}
const findings = (run: CliRun) => JSON.parse(run.stdout) as Result[];
const severityOf = (run: CliRun, code: string) => findings(run).find((result) => result.code === code)?.severity;

const roots: string[] = [];
let runs: Record<string, CliRun>;
beforeAll(async () => {
  const lintIn = (files: Record<string, string>, ...args: string[]) => {
    const root = workspace({ 'openapi.yaml': { fixture: 'bad.openapi.yaml' }, ...files });
    roots.push(root);
    return runCli(['lint', '-f', 'json', ...args, 'openapi.yaml'], root);
  };
  const cases = {
    embedded: lintIn({}),
    discoveredYaml: lintIn({ '.spectral.yaml': EXTENDS_OURS_WITH_401_AS_WARNING }),
    discoveredJson: lintIn({
      '.spectral.json': JSON.stringify({
        extends: ['spectral-auth-responses'],
        rules: { 'auth-404-protected-item': 'off' },
      }),
    }),
    givenBeatsDiscovered: lintIn(
      {
        '.spectral.yaml': EXTENDS_OURS_WITH_401_AS_WARNING,
        'team/ruleset.yaml': 'extends: ["spectral:oas", "spectral-auth-responses"]\n',
      },
      '--ruleset',
      'team/ruleset.yaml',
    ),
    withoutOurRules: lintIn({ 'oas-only.yaml': 'extends: ["spectral:oas"]\n' }, '-r', 'oas-only.yaml'),
    invalid: lintIn({ '.spectral.yaml': 'extends: [spectral-auth-responses]\nrules:\n  auth-401-documented: loud\n' }),
  };
  const results = await Promise.all(Object.values(cases));
  runs = Object.fromEntries(Object.keys(cases).map((name, i) => [name, results[i]]));
});
afterAll(() => roots.forEach(removeWorkspace));

test('without a ruleset, the embedded one runs: auth-401-documented is an error', () => {
  expect(runs.embedded.code).toBe(1);
  expect(severityOf(runs.embedded, 'auth-401-documented')).toBe(0);
});

test('a .spectral.yaml in the working directory is used, extending this package', () => {
  expect(runs.discoveredYaml).toMatchObject({ code: 0, stderr: '' });
  expect(severityOf(runs.discoveredYaml, 'auth-401-documented')).toBe(1);
  expect(severityOf(runs.discoveredYaml, 'auth-404-protected-item')).toBe(1);
});

test('so is a .spectral.json', () => {
  expect(runs.discoveredJson.code).toBe(1);
  expect(findings(runs.discoveredJson).map((result) => result.code)).not.toContain('auth-404-protected-item');
  expect(severityOf(runs.discoveredJson, 'auth-401-documented')).toBe(0);
});

test('--ruleset wins over a discovered file, and may extend spectral:oas beside this package', () => {
  expect(runs.givenBeatsDiscovered.code).toBe(1);
  const codes = findings(runs.givenBeatsDiscovered).map((result) => result.code);
  expect(codes).toEqual(expect.arrayContaining(['auth-401-documented', 'info-contact', 'operation-operationId']));
  expect(severityOf(runs.givenBeatsDiscovered, 'auth-401-documented')).toBe(0);
});

test('a team ruleset without any of these rules lints, with a note saying how to add them', () => {
  expect(runs.withoutOurRules.code).toBe(0);
  expect(findings(runs.withoutOurRules).map((result) => result.code)).not.toContain('auth-401-documented');
  expect(runs.withoutOurRules.stderr).toMatch(
    /note: .*oas-only\.yaml has none of this package's rules; add "spectral-auth-responses" to its extends/,
  );
});

test('an invalid ruleset is an error (exit 2) that says which file and what is wrong', () => {
  expect(runs.invalid.code).toBe(2);
  expect(runs.invalid.stdout).toBe('');
  expect(runs.invalid.stderr).toMatch(
    /spectral-auth-responses: cannot load the ruleset .*\.spectral\.yaml: rules\.auth-401-documented: must be equal to one of the allowed values/,
  );
});
