import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/ruleset';
import { CliRun, plainEnvironment, removeWorkspace, runCli, runCliAtTerminal, workspace } from './run-cli';

const ESCAPE = '\u001b';
// The rule table of the sources, which the bin bundles.

// Each case is one run of the real bin in a child process; the runs of a block start together in beforeAll.
let root: string;
beforeAll(() => {
  root = workspace({
    'good.openapi.yaml': { fixture: 'good.openapi.yaml' },
    'bad.openapi.yaml': { fixture: 'bad.openapi.yaml' },
    'warnings-only.swagger.yaml': { fixture: 'warnings-only.swagger.yaml' },
    'apis/nested/bad.openapi.yaml': { fixture: 'bad.openapi.yaml' },
    'apis/nested/good.openapi.yaml': { fixture: 'good.openapi.yaml' },
    'apis/node_modules/dep/openapi.yaml': { fixture: 'bad.openapi.yaml' },
    'syntax-error.openapi.yaml': { fixture: 'syntax-error.openapi.yaml' },
    'syntax-error.openapi.json': { fixture: 'syntax-error.openapi.json' },
    'not-openapi.yaml': { fixture: 'not-openapi.yaml' },
    'openapi-3.2.yaml': { fixture: 'openapi-3.2.yaml' },
  });
});
afterAll(() => removeWorkspace(root));

const rulesReported = (run: CliRun) =>
  (JSON.parse(run.stdout) as { code: string }[]).map((result) => result.code).sort();

describe('exit codes and severities', () => {
  let runs: Record<string, CliRun>;
  beforeAll(async () => {
    const cases: Record<string, string[]> = {
      clean: ['lint', 'good.openapi.yaml'],
      cleanQuiet: ['lint', '-q', 'good.openapi.yaml'],
      errors: ['lint', 'bad.openapi.yaml'],
      warningsOnly: ['lint', '-f', 'json', 'warnings-only.swagger.yaml'],
      failOnWarnings: ['lint', '--fail-severity', 'warn', '-f', 'json', 'warnings-only.swagger.yaml'],
      onlyFailures: ['lint', '--display-only-failures', '-f', 'json', 'bad.openapi.yaml'],
      globs: ['lint', '-f', 'json', 'apis/**/*.yaml', 'good.openapi.yaml'],
    };
    const results = await Promise.all(Object.values(cases).map((args) => runCli(args, root)));
    runs = Object.fromEntries(Object.keys(cases).map((name, i) => [name, results[i]]));
  });

  test('a clean document exits 0 and says so, unless --quiet', () => {
    expect(runs.clean).toMatchObject({ code: 0, stderr: '' });
    expect(runs.clean.stdout).toContain("No results with a severity of 'error' found in 1 document.");
    expect(runs.cleanQuiet).toEqual({ code: 0, stdout: '', stderr: '', killed: false });
  });

  test('an error finding exits 1; stylish (the default) names the file, the place and the rule', () => {
    expect(runs.errors.code).toBe(1);
    expect(runs.errors.stdout).toContain(join(root, 'bad.openapi.yaml'));
    expect(runs.errors.stdout).toMatch(
      /13:17 +error +auth-401-documented +GET \/calls\/\{callId\} requires authentication/,
    );
    expect(runs.errors.stdout).toMatch(/warning +auth-404-protected-item/);
  });

  test('warnings fail only with --fail-severity warn', () => {
    expect(runs.warningsOnly.code).toBe(0);
    expect(rulesReported(runs.warningsOnly)).toEqual(['auth-404-protected-item']);
    expect(runs.failOnWarnings.code).toBe(1);
  });

  test('--display-only-failures reports only what is at or above the fail severity', () => {
    expect(runs.onlyFailures.code).toBe(1);
    expect(rulesReported(runs.onlyFailures)).toEqual(['auth-401-documented']);
  });

  test('globs expand (never into node_modules)', () => {
    const sources = (JSON.parse(runs.globs.stdout) as { source: string }[]).map((result) => result.source);
    expect(new Set(sources)).toEqual(new Set([join(root, 'apis/nested/bad.openapi.yaml')]));
    expect(runs.globs.code).toBe(1);
  });
});

describe('a file named twice is linted once', () => {
  let runs: Record<string, CliRun>;
  beforeAll(async () => {
    // The same file by the same path twice, by other spellings of its path, and through a glob that matches it.
    const badNamedTwice = [
      'bad.openapi.yaml',
      'bad.openapi.yaml',
      './bad.openapi.yaml',
      join(root, 'bad.openapi.yaml'),
      'apis/../bad.openapi.yaml',
      'b?d.openapi.yaml',
    ];
    const cases: Record<string, string[]> = {
      badOnce: ['lint', '-f', 'json', 'bad.openapi.yaml'],
      badNamedTwice: ['lint', '-f', 'json', ...badNamedTwice],
      badOnceStylish: ['lint', 'bad.openapi.yaml'],
      badNamedTwiceStylish: ['lint', ...badNamedTwice],
      goodNamedTwice: ['lint', 'good.openapi.yaml', './good.openapi.yaml', 'goo?.openapi.yaml'],
    };
    const results = await Promise.all(Object.values(cases).map((args) => runCli(args, root)));
    runs = Object.fromEntries(Object.keys(cases).map((name, i) => [name, results[i]]));
  });

  /** Each finding of a JSON report as one line, so that the same finding reported twice shows as two lines. */
  const findingLines = (run: CliRun): string[] =>
    (JSON.parse(run.stdout) as { code: string; path: string[]; source: string }[])
      .map((result) => `${result.source} ${result.code} ${result.path.join('.')}`)
      .sort();

  test('its findings appear once, as when it is named once', () => {
    expect(runs.badOnce.code).toBe(1);
    expect(findingLines(runs.badOnce).length).toBeGreaterThan(0);
    expect(runs.badNamedTwice).toMatchObject({ code: 1, stderr: '' });
    expect(findingLines(runs.badNamedTwice)).toEqual(findingLines(runs.badOnce));
  });

  test('the stylish report counts its problems once', () => {
    const problemCount = (run: CliRun) => /\d+ problems? \(.*\)/.exec(run.stdout)?.[0];
    expect(problemCount(runs.badOnceStylish)).toBeDefined();
    expect(problemCount(runs.badNamedTwiceStylish)).toBe(problemCount(runs.badOnceStylish));
  });

  test('a clean file named twice counts as one document', () => {
    expect(runs.goodNamedTwice).toMatchObject({ code: 0, stderr: '' });
    expect(runs.goodNamedTwice.stdout).toContain("No results with a severity of 'error' found in 1 document.");
  });
});

describe('input errors: exit 2, each reported, none stopping the others', () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await runCli(
      [
        'lint',
        '-f',
        'json',
        'missing.yaml',
        'nothing/**/*.yaml',
        'apis',
        'syntax-error.openapi.yaml',
        'syntax-error.openapi.json',
        'not-openapi.yaml',
        'openapi-3.2.yaml',
        'bad.openapi.yaml',
      ],
      root,
    );
  });

  test('exits 2, and the good files are still linted', () => {
    expect(run.code).toBe(2);
    expect(rulesReported(run)).toEqual(
      expect.arrayContaining(['auth-401-documented', 'auth-403-documented', 'auth-404-protected-item']),
    );
  });

  test.each([
    ['a missing file', 'missing.yaml: no such file'],
    ['a glob matching nothing', 'nothing/**/*.yaml: no files match this pattern'],
    ['a directory', "apis: is a directory: pass files, or a quoted glob such as 'apis/**/*.yaml'"],
    ['a YAML syntax error, with line and column', 'syntax-error.openapi.yaml:9:1: invalid YAML: '],
    ['a JSON syntax error, with line and column', 'syntax-error.openapi.json:3:30: invalid JSON: Comma expected'],
    ['a YAML file that is no API description', 'not-openapi.yaml: not an OpenAPI 2.0, 3.0 or 3.1 description'],
    [
      'an OpenAPI version this ruleset does not know',
      'openapi-3.2.yaml: not an OpenAPI 2.0, 3.0 or 3.1 description (expected `swagger: "2.0"` or `openapi: 3.0.x`/`3.1.x` at the top level, found `openapi: 3.2.0`)',
    ],
  ])('%s', (_name, line) => {
    expect(run.stderr).toContain(`spectral-auth-responses: ${line}`);
  });
});

describe('output', () => {
  let runs: Record<string, CliRun>;
  beforeAll(async () => {
    const args = (format: string, ...more: string[]) => ['lint', '-f', format, ...more, 'bad.openapi.yaml'];
    // `script` gives the bin a terminal (a pseudo-TTY), as a person running it in a shell would.
    const atTerminal = (env: NodeJS.ProcessEnv) =>
      runCliAtTerminal(['lint', 'bad.openapi.yaml'], root, plainEnvironment(env));
    const [
      text,
      junit,
      markdown,
      pretty,
      toFile,
      toMissingFolder,
      withUrls,
      piped,
      forcedPipe,
      terminal,
      terminalNoColor,
    ] = await Promise.all([
      runCli(args('text'), root),
      runCli(args('junit'), root),
      runCli(args('markdown'), root),
      runCli(args('pretty'), root),
      // FORCE_COLOR makes the formatters colour; a report written to a file must still have none.
      runCli(['lint', '-o', 'report.txt', 'bad.openapi.yaml'], root, plainEnvironment({ FORCE_COLOR: '1' })),
      runCli(['lint', '-o', 'no-such-folder/report.txt', 'bad.openapi.yaml'], root),
      runCli(args('text', '--show-documentation-url', '--display-only-failures'), root),
      runCli(['lint', 'bad.openapi.yaml'], root),
      runCli(['lint', 'bad.openapi.yaml'], root, plainEnvironment({ FORCE_COLOR: '1' })),
      atTerminal({}),
      atTerminal({ NO_COLOR: '1' }),
    ]);
    runs = {
      text,
      junit,
      markdown,
      pretty,
      toFile,
      toMissingFolder,
      withUrls,
      piped,
      forcedPipe,
      terminal,
      terminalNoColor,
    };
  });

  test.each([
    ['text', /bad\.openapi\.yaml:13:17 error auth-401-documented "GET \/calls\/\{callId\} requires authentication/],
    [
      'junit',
      /<testsuites>[\s\S]*<testcase [^>]*name="org\.spectral\.auth-401-documented\(#\/paths\/~1calls~1%7BcallId%7D\/get\/responses\)"/,
    ],
    ['markdown', /\| \[auth-401-documented\]\(https:[^)]*\/docs\/rules\/auth-401-documented\.md\) +\|/],
    ['pretty', /13:17 +ERROR +auth-401-documen/],
  ])('-f %s is Spectral’s own formatter', (format, expected) => {
    expect(runs[format].code).toBe(1);
    expect(runs[format].stdout).toMatch(expected);
  });

  test('--output writes the report to the file, without colours, and nothing to standard output', () => {
    expect(runs.toFile).toEqual({ code: 1, stdout: '', stderr: '', killed: false });
    const report = readFileSync(join(root, 'report.txt'), 'utf8');
    expect(report).toMatch(/13:17 +error +auth-401-documented/);
    expect(report).not.toContain(ESCAPE);
  });

  test('an --output that cannot be written is an error (exit 2)', () => {
    expect(runs.toMissingFolder.code).toBe(2);
    expect(runs.toMissingFolder.stderr).toContain(
      'spectral-auth-responses: no-such-folder/report.txt: cannot write the report (ENOENT',
    );
  });

  test('--show-documentation-url adds each finding’s page', () => {
    expect(runs.withUrls.stdout).toContain(`"GET /calls/{callId} requires authentication`);
    expect(runs.withUrls.stdout).toContain('/docs/rules/auth-401-documented.md');
    expect(runs.text.stdout).not.toContain('/docs/rules/auth-401-documented.md');
  });

  test('colours only at a terminal, never with NO_COLOR, and FORCE_COLOR forces them', () => {
    expect(runs.terminal.stdout).toContain(`${ESCAPE}[31merror${ESCAPE}[39m`);
    expect(runs.terminalNoColor.stdout).toMatch(/13:17 +error +auth-401-documented/);
    expect(runs.terminalNoColor.stdout).not.toContain(ESCAPE);
    expect(runs.piped.stdout).not.toContain(ESCAPE);
    expect(runs.forcedPipe.stdout).toContain(ESCAPE);
  });
});

describe('help, version and usage errors', () => {
  let runs: Record<string, CliRun>;
  beforeAll(async () => {
    const cases: Record<string, string[]> = {
      help: ['--help'],
      lintHelp: ['lint', '--help'],
      version: ['--version'],
      noCommand: [],
      noDocuments: ['lint'],
      unknownFormat: ['lint', '-f', 'xml', 'good.openapi.yaml'],
      unknownOption: ['lint', '--frobnicate', 'good.openapi.yaml'],
      missingRuleset: ['lint', '--ruleset', 'missing.yaml', 'good.openapi.yaml'],
      missingAllowedDirectory: ['lint', '--allow-outside-refs', 'missing-dir', 'good.openapi.yaml'],
    };
    const results = await Promise.all(Object.values(cases).map((args) => runCli(args, root)));
    runs = Object.fromEntries(Object.keys(cases).map((name, i) => [name, results[i]]));
  });

  test.each(['help', 'lintHelp'])('%s lists every rule with its severity', (name) => {
    expect(runs[name].code).toBe(0);
    for (const rule of RULES) expect(runs[name].stdout).toMatch(new RegExp(`\\n  ${rule.name} +${rule.severity}\\n`));
  });

  test('lint --help tells the options and exit codes', () => {
    for (const option of [
      '--ruleset',
      '--format',
      '--output',
      '--fail-severity',
      '--display-only-failures',
      '--quiet',
      '--allow-remote-refs',
      '--allow-outside-refs',
    ]) {
      expect(runs.lintHelp.stdout).toContain(option);
    }
    expect(runs.lintHelp.stdout).toContain(
      'Exit codes: 0 no finding at or above the fail severity; 1 findings; 2 usage or input error',
    );
  });

  test('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(runs.version).toEqual({ code: 0, stdout: `${version}\n`, stderr: '', killed: false });
  });

  test.each([
    ['noCommand', 'Usage: spectral-auth-responses'],
    ['noDocuments', "error: missing required argument 'documents'"],
    [
      'unknownFormat',
      "argument 'xml' is invalid. Allowed choices are stylish, json, sarif, github-actions, junit, text, pretty, markdown",
    ],
    ['unknownOption', "error: unknown option '--frobnicate'"],
    ['missingRuleset', 'spectral-auth-responses: --ruleset missing.yaml: no such file'],
    ['missingAllowedDirectory', 'spectral-auth-responses: --allow-outside-refs missing-dir: no such directory'],
  ])('%s exits 2 with a message on stderr', (name, message) => {
    expect(runs[name].code).toBe(2);
    expect(runs[name].stdout).toBe('');
    expect(runs[name].stderr).toContain(message);
  });
});
