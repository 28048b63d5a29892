import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BIN, CLI_FIXTURES, removeWorkspace, workspace } from './run-cli';

const PROJECT_ROOT = resolve(__dirname, '../..');

// pre-commit clones the hook repository, runs `npm install` and `npm pack` there, and installs the tarball: minutes.
jest.setTimeout(15 * 60 * 1000);

/** Git, alone: no global or system configuration of whoever runs the tests (a global core.hooksPath would win). */
function gitEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    ...extra,
  };
}

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = gitEnvironment()): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' });
}

/** `git commit`, with the hooks' output (pre-commit prints on stdout, a plain hook where it likes). */
function commit(
  cwd: string,
  message: string,
  env: NodeJS.ProcessEnv = gitEnvironment(),
): { code: number; output: string } {
  const run = spawnSync('git', ['commit', '-m', message], { cwd, env, encoding: 'utf8' });
  return { code: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

function newRepository(files: Record<string, string | { fixture: string }> = {}): string {
  const root = workspace(files);
  git(root, ['init', '--quiet']);
  return root;
}

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
if (!hasPreCommit && process.env.CI === undefined) {
  console.warn(
    'pre-commit is not installed: the pre-commit hook test is skipped (`apt-get install pre-commit`; .ci/run installs it).',
  );
}
// Outside CI a machine without pre-commit skips the test; in CI (.ci/run installs pre-commit) it must run.
const describeWithPreCommit = hasPreCommit || process.env.CI !== undefined ? describe : describe.skip;

describeWithPreCommit('the pre-commit hook (.pre-commit-hooks.yaml), with the real pre-commit', () => {
  let hookRepository: string;
  let userRepository: string;
  let preCommitHome: string;
  let rejected: { code: number; output: string };
  let accepted: { code: number; output: string };
  let skipped: { code: number; output: string };

  beforeAll(() => {
    // The hook repository as a release tag has it: this working tree, tagged by scripts/tag-release.sh, whose
    // commit carries the built dist/ (ignored on main; nothing is built at install time, see docs/integrations.md).
    hookRepository = newRepository();
    cpSync(PROJECT_ROOT, hookRepository, {
      recursive: true,
      filter: (source) => !/(^|\/)(node_modules|\.git|coverage|\.cache)(\/|$)/.test(source.slice(PROJECT_ROOT.length)),
    });
    git(hookRepository, ['add', '--all']);
    git(hookRepository, ['commit', '--quiet', '-m', 'main']);
    // The release tag, made the way a maintainer makes it (dist/ was copied already built: no second build).
    execFileSync('bash', ['scripts/tag-release.sh'], { cwd: hookRepository, env: gitEnvironment({ SKIP_BUILD: '1' }) });
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    const rev = `v${version}`;

    userRepository = newRepository({
      '.pre-commit-config.yaml': [
        'repos:',
        `  - repo: ${hookRepository}`,
        `    rev: ${rev}`,
        '    hooks:',
        '      - id: spectral-auth-responses',
        '        language_version: system',
        '',
      ].join('\n'),
      'README.md': '# An API\n',
    });
    preCommitHome = workspace({});
    // pre-commit's npm installs take packages from npm's cache, which `npm ci` has filled.
    const env = gitEnvironment({
      PRE_COMMIT_HOME: preCommitHome,
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    });
    execFileSync('pre-commit', ['install'], { cwd: userRepository, env });

    cpSync(join(CLI_FIXTURES, 'bad.openapi.yaml'), join(userRepository, 'apis/calls.openapi.yaml'));
    git(userRepository, ['add', '--all']);
    rejected = commit(userRepository, 'Add the calls API', env);

    cpSync(join(CLI_FIXTURES, 'good.openapi.yaml'), join(userRepository, 'apis/calls.openapi.yaml'));
    git(userRepository, ['add', '--all']);
    accepted = commit(userRepository, 'Add the calls API, with its 401, 403 and 404', env);

    // Not an API description by name: the hook's `files` pattern leaves it alone, broken as it is.
    writeFileSync(join(userRepository, 'config.yaml'), 'not: [valid\n');
    git(userRepository, ['add', '--all']);
    skipped = commit(userRepository, 'Add a configuration file', env);
  });
  afterAll(() => [hookRepository, userRepository, preCommitHome].forEach(removeWorkspace));

  test('a commit of a description with errors is rejected, with the findings shown', () => {
    expect(rejected.code).not.toBe(0);
    expect(rejected.output).toMatch(/spectral-auth-responses\.+Failed/);
    expect(rejected.output).toMatch(
      /apis\/calls\.openapi\.yaml\n +13:17 +error +auth-401-documented +GET \/calls\/\{callId\} requires authentication/,
    );
  });

  test('a commit of a good description passes', () => {
    expect(accepted.output).toMatch(/spectral-auth-responses\.+Passed/);
    expect(accepted.code).toBe(0);
  });

  test('files that are not named like API descriptions are not linted', () => {
    expect(skipped.output).toMatch(/spectral-auth-responses\.+\(no files to check\)Skipped/);
    expect(skipped.code).toBe(0);
  });
});

describe('the plain git hook of docs/integrations.md', () => {
  let repository: string;
  let runs: Record<'nothingStaged' | 'bad' | 'good', { code: number; output: string }>;

  /** The script under the marker in docs/integrations.md, exactly as a reader copies it. */
  function documentedHook(): string {
    const docs = readFileSync(join(PROJECT_ROOT, 'docs/integrations.md'), 'utf8');
    const match = /<!-- test\/cli\/pre-commit\.test\.ts runs the script below\. -->\n```sh\n([\s\S]*?)```/.exec(docs);
    if (match === null) throw new Error('docs/integrations.md has no plain git hook under its marker');
    return match[1];
  }

  beforeAll(() => {
    repository = newRepository({ 'README.md': '# An API\n' });
    writeFileSync(join(repository, '.git/hooks/pre-commit'), documentedHook());
    chmodSync(join(repository, '.git/hooks/pre-commit'), 0o755);
    // As `npm install -D spectral-auth-responses` would link it.
    mkdirSync(join(repository, 'node_modules/.bin'), { recursive: true });
    symlinkSync(BIN, join(repository, 'node_modules/.bin/spectral-auth-responses'));
    writeFileSync(join(repository, '.gitignore'), 'node_modules/\n');

    git(repository, ['add', '--all']);
    const nothingStaged = commit(repository, 'No API description yet');
    cpSync(join(CLI_FIXTURES, 'bad.openapi.yaml'), join(repository, 'apis/my calls.openapi.yaml'));
    git(repository, ['add', '--all']);
    const bad = commit(repository, 'Add the calls API');
    cpSync(join(CLI_FIXTURES, 'good.openapi.yaml'), join(repository, 'apis/my calls.openapi.yaml'));
    git(repository, ['add', '--all']);
    const good = commit(repository, 'Add the calls API, with its 401, 403 and 404');
    runs = { nothingStaged, bad, good };
  });
  afterAll(() => removeWorkspace(repository));

  test('exits at once when no API description is staged', () => {
    expect(runs.nothingStaged).toEqual({ code: 0, output: expect.not.stringContaining('spectral-auth-responses') });
  });

  test('rejects a staged description with errors (even with a space in its name), showing the findings', () => {
    expect(runs.bad.code).not.toBe(0);
    expect(runs.bad.output).toMatch(/apis\/my calls\.openapi\.yaml\n +13:17 +error +auth-401-documented/);
  });

  test('lets a good one through', () => {
    expect(runs.good.code).toBe(0);
  });
});
