import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CliRun, plainEnvironment, removeWorkspace, runCli, workspace } from './run-cli';

// Each case is a real git repository made here (no network): committed, then changed in its working tree.

/** Git with no global or system configuration of whoever runs the tests; the author is set in each repository. */
const GIT_ALONE = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ALONE }, encoding: 'utf8' });
}

/** A repository whose first commit holds the files. */
function repository(files: Record<string, string>): string {
  const root = workspace(files);
  git(root, 'init', '--quiet');
  git(root, 'config', 'user.name', 'Test');
  git(root, 'config', 'user.email', 'test@example.com');
  commitAll(root, 'first');
  return root;
}

function commitAll(root: string, message: string): void {
  git(root, 'add', '--all');
  git(root, 'commit', '--quiet', '--no-gpg-sign', '--allow-empty', '-m', message);
}

function write(root: string, file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

const SECURITY = `components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.example.com/token
          scopes: { 'calls:read': Read calls }
`;
const answers = (forbidden = 'The token lacks a scope this operation needs') => `        '403':
          description: ${forbidden}
          content:
            application/json:
              schema:
                type: object
                properties:
                  missing_scopes: { type: array, items: { type: string } }
        '404': { description: No such call, or one the caller may not see }
`;
const CHALLENGE = `          headers:
            WWW-Authenticate:
              schema: { type: string, example: 'Bearer realm="calls"' }
`;

/** A secured description of one item: its GET answers 200, then `unauthorized` (a 401), 403 and 404. */
function description(title: string, unauthorized: string, moreOperations = ''): string {
  return `openapi: 3.0.3
info: { title: ${title}, version: 1.0.0 }
security:
  - oauth: [calls:read]
paths:
  /calls/{callId}:
    get:
      parameters:
        - { name: callId, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: The call }
${unauthorized}${answers()}${moreOperations}${SECURITY}`;
}

/**
 * A description with one finding (auth-401-www-authenticate, an error: the GET's 401 has no challenge), and, with
 * `secondProblem`, one more of another operation (auth-403-misused-for-authentication, a warning: the DELETE's 403
 * speaks of a missing token).
 */
function calls({ title = 'Calls', secondProblem = false } = {}): string {
  const unauthorized = `        '401':
          description: Missing, malformed or expired access token
`;
  const deleteOperation = `    delete:
      parameters:
        - { name: callId, in: path, required: true, schema: { type: string } }
      responses:
        '204': { description: Deleted }
${unauthorized}${CHALLENGE}${answers(secondProblem ? 'The access token is missing or expired' : undefined)}`;
  return description(title, unauthorized, deleteOperation);
}

/** A clean description whose 401 is a shared response in another file. */
const REFERRING = description('Referring', `        '401': { $ref: '../shared/responses.yaml#/Unauthorized' }\n`);
const SHARED = (challenge: boolean) => `Unauthorized:
  description: Missing, malformed or expired access token
${challenge ? CHALLENGE.replace(/^ {8}/gm, '') : ''}`;
/** The same, through a file of its own whose `$ref` leads to the shared file. */
const REFERRING_TWICE = REFERRING.replace('../shared/responses.yaml', 'indirect.yaml').replace('Referring', 'Twice');
const INDIRECT = `Unauthorized: { $ref: '../shared/responses.yaml#/Unauthorized' }\n`;

interface Finding {
  code: string;
  path: string[];
  source: string;
}
const findingsOf = (run: CliRun): Finding[] => JSON.parse(run.stdout) as Finding[];
const placesOf = (run: CliRun): string[] =>
  findingsOf(run).map((finding) => `${finding.code} ${finding.path.join(' ')}`);
/** A lint that fails on warnings too, as the problem these tests add is one. */
const since = (revision: string, ...args: string[]) => [
  'lint',
  '-f',
  'json',
  '-F',
  'warn',
  '--since',
  revision,
  ...args,
];

const roots: string[] = [];
afterAll(() => roots.forEach(removeWorkspace));
function kept(root: string): string {
  roots.push(root);
  return root;
}

describe('--since selects what changed and reports only what is new', () => {
  const runs: Record<string, CliRun> = {};
  const statusBefore: Record<string, string> = {};
  const statusAfter: Record<string, string> = {};
  let scratch: string;

  beforeAll(async () => {
    scratch = kept(workspace({}));
    const cases: Record<string, () => { root: string; args: string[] }> = {
      nothingChanged: () => {
        const root = repository({ 'apis/calls.yaml': calls(), 'apis/not-openapi.yaml': 'hello: world\n' });
        return { root, args: since('HEAD', 'apis/*.yaml') };
      },
      unrelatedEdit: () => {
        const root = repository({ 'apis/calls.yaml': calls(), 'apis/untouched.yaml': calls() });
        // Lines move (a comment on top) and another part changes: the finding stays the same finding.
        write(root, 'apis/calls.yaml', `# Calls\n# (the API of calls)\n${calls({ title: 'The calls' })}`);
        return { root, args: since('HEAD', 'apis/*.yaml') };
      },
      unrelatedEditWithout: () => {
        const root = repository({ 'apis/calls.yaml': calls() });
        write(root, 'apis/calls.yaml', `# Calls\n${calls({ title: 'The calls' })}`);
        return { root, args: ['lint', '-f', 'json', 'apis/*.yaml'] };
      },
      oneProblemCommitted: () => {
        const root = repository({ 'apis/calls.yaml': calls(), 'apis/not-openapi.yaml': 'hello: world\n' });
        write(root, 'apis/calls.yaml', calls({ secondProblem: true }));
        commitAll(root, 'second');
        return { root, args: since('HEAD~1', 'apis/*.yaml') };
      },
      oneProblemStaged: () => {
        const root = repository({ 'apis/calls.yaml': calls() });
        write(root, 'apis/calls.yaml', calls({ secondProblem: true }));
        git(root, 'add', 'apis/calls.yaml');
        return { root, args: since('HEAD', 'apis/*.yaml') };
      },
      renamedUntracked: () => {
        const root = repository({ 'apis/calls.yaml': calls() });
        mkdirSync(join(root, 'moved'));
        renameSync(join(root, 'apis/calls.yaml'), join(root, 'moved/calls-v1.yaml'));
        return { root, args: since('HEAD', '**/*.yaml') };
      },
      renamedCommittedWithOneProblem: () => {
        const root = repository({ 'apis/calls.yaml': calls() });
        git(root, 'mv', 'apis/calls.yaml', 'apis/calls-v1.yaml');
        write(root, 'apis/calls-v1.yaml', calls({ secondProblem: true }));
        commitAll(root, 'renamed');
        return { root, args: since('HEAD~1', 'apis/*.yaml') };
      },
      referencedFileChanged: () => {
        const root = repository({
          'apis/referring.yaml': REFERRING,
          'apis/twice.yaml': REFERRING_TWICE,
          'apis/indirect.yaml': INDIRECT,
          'apis/not-openapi.yaml': 'hello: world\n',
          'shared/responses.yaml': SHARED(true),
        });
        write(root, 'shared/responses.yaml', SHARED(false));
        // The shared folder is outside the documents' own: a lint may read it only when allowed.
        return {
          root,
          args: since(
            'HEAD',
            '--allow-outside-refs',
            'shared',
            'apis/referring.yaml',
            'apis/twice.yaml',
            'apis/not-openapi.yaml',
          ),
        };
      },
      referencedFileRenamed: () => {
        const root = repository({ 'apis/referring.yaml': REFERRING, 'shared/responses.yaml': SHARED(false) });
        git(root, 'mv', 'shared/responses.yaml', 'shared/errors.yaml');
        write(root, 'apis/referring.yaml', REFERRING.replace('responses.yaml', 'errors.yaml'));
        return { root, args: since('HEAD', '--allow-outside-refs', 'shared', 'apis/referring.yaml') };
      },
      referencedFileNotAllowed: () => {
        const root = repository({ 'apis/referring.yaml': REFERRING, 'shared/responses.yaml': SHARED(true) });
        write(root, 'shared/responses.yaml', SHARED(false));
        return { root, args: since('HEAD', 'apis/referring.yaml') };
      },
      newUntracked: () => {
        const root = repository({ 'apis/calls.yaml': calls() });
        write(root, 'apis/new.yaml', calls({ secondProblem: true }));
        return { root, args: since('HEAD', 'apis/*.yaml') };
      },
      newUntrackedWithout: () => {
        const root = repository({});
        write(root, 'apis/new.yaml', calls({ secondProblem: true }));
        return { root, args: ['lint', '-f', 'json', 'apis/*.yaml'] };
      },
      withSuppressions: () => {
        const root = repository({ 'apis/calls.yaml': calls(), 'apis/other.yaml': calls() });
        // Both documents' old finding suppressed; only calls.yaml changes, so other.yaml is not linted.
        const oldFinding = { 'auth-401-www-authenticate': { '/paths/~1calls~1{callId}/get/responses/401': 1 } };
        const suppressions = { 'apis/calls.yaml': oldFinding, 'apis/other.yaml': oldFinding };
        write(root, 'spectral-auth-responses-suppressions.json', `${JSON.stringify(suppressions, null, 2)}\n`);
        commitAll(root, 'suppressions');
        write(root, 'apis/calls.yaml', calls({ secondProblem: true }));
        return { root, args: since('HEAD', 'apis/*.yaml') };
      },
      fromSubfolder: () => {
        const root = repository({ 'apis/calls.yaml': calls() });
        write(root, 'apis/calls.yaml', calls({ secondProblem: true }));
        return { root: join(root, 'apis'), args: since('HEAD', '*.yaml') };
      },
    };
    const prepared = Object.entries(cases).map(([name, prepare]) => {
      const { root, args } = prepare();
      kept(root);
      statusBefore[name] = git(root, 'status', '--porcelain', '--untracked-files=all');
      return { name, root, args };
    });
    // Temporary folders go to one place of the test's own, to see that none is left behind.
    const env = plainEnvironment({ TMPDIR: scratch });
    const results = await Promise.all(prepared.map(({ root, args }) => runCli(args, root, env)));
    prepared.forEach(({ name, root }, index) => {
      runs[name] = results[index];
      statusAfter[name] = git(root, 'status', '--porcelain', '--untracked-files=all');
    });
  });

  test('nothing changed: nothing is linted (not even what would fail to lint)', () => {
    expect(runs.nothingChanged).toMatchObject({ code: 0, stdout: '[]\n', stderr: '' });
  });

  test('an edit elsewhere in a document, lines moved: nothing new (the same document without --since: its finding)', () => {
    expect(runs.unrelatedEdit).toMatchObject({ code: 0, stdout: '[]\n', stderr: '' });
    expect(placesOf(runs.unrelatedEditWithout)).toEqual([
      'auth-401-www-authenticate paths /calls/{callId} get responses 401',
    ]);
  });

  test('one problem added (committed, or staged): exactly that one, and no other document linted', () => {
    const added = ['auth-403-misused-for-authentication paths /calls/{callId} delete responses 403'];
    expect(runs.oneProblemCommitted).toMatchObject({ code: 1, stderr: '' });
    expect(placesOf(runs.oneProblemCommitted)).toEqual(added);
    expect(placesOf(runs.oneProblemStaged)).toEqual(added);
  });

  test('a renamed document keeps its findings as old ones, even when moved without git (untracked)', () => {
    expect(runs.renamedUntracked).toMatchObject({ code: 0, stdout: '[]\n', stderr: '' });
    expect(runs.renamedCommittedWithOneProblem.code).toBe(1);
    expect(placesOf(runs.renamedCommittedWithOneProblem)).toEqual([
      'auth-403-misused-for-authentication paths /calls/{callId} delete responses 403',
    ]);
    expect(findingsOf(runs.renamedCommittedWithOneProblem)[0].source).toMatch(/apis\/calls-v1\.yaml$/);
  });

  test('a changed file that $refs reach (directly or through another file) makes its referrers linted', () => {
    expect(runs.referencedFileChanged).toMatchObject({ code: 1, stderr: '' });
    const findings = findingsOf(runs.referencedFileChanged);
    // Both documents report the finding in the shared file; the one that does not refer to it is not linted.
    expect(findings.map((finding) => `${finding.code} ${finding.source.replace(/.*\/(?=shared\/)/, '')}`)).toEqual([
      'auth-401-www-authenticate shared/responses.yaml',
      'auth-401-www-authenticate shared/responses.yaml',
    ]);
  });

  test("a finding in a renamed $ref'd file is the same finding under its new name", () => {
    expect(runs.referencedFileRenamed).toMatchObject({ code: 0, stdout: '[]\n', stderr: '' });
  });

  test('a file the lint may not read does not count as reached', () => {
    expect(runs.referencedFileNotAllowed).toMatchObject({ code: 0, stdout: '[]\n', stderr: '' });
  });

  test('a new, untracked document reports every finding, as a plain lint does', () => {
    expect(runs.newUntracked.code).toBe(1);
    expect(placesOf(runs.newUntracked)).toEqual(placesOf(runs.newUntrackedWithout));
    expect(placesOf(runs.newUntracked)).toHaveLength(2);
  });

  test('with suppressions: only the new finding; the entries of a document not linted are not unused', () => {
    expect(runs.withSuppressions).toMatchObject({
      code: 1,
      stderr: '1 finding suppressed (spectral-auth-responses-suppressions.json).\n',
    });
    expect(placesOf(runs.withSuppressions)).toEqual([
      'auth-403-misused-for-authentication paths /calls/{callId} delete responses 403',
    ]);
  });

  test('from a folder inside the repository', () => {
    expect(placesOf(runs.fromSubfolder)).toEqual([
      'auth-403-misused-for-authentication paths /calls/{callId} delete responses 403',
    ]);
  });

  test("the repository's index and working tree are left as they were, and no temporary folder is left", () => {
    expect(statusAfter).toEqual(statusBefore);
    expect(readdirSync(scratch)).toEqual([]);
  });
});

describe('--since cannot run: exit 2 and one line that says why', () => {
  let root: string;
  let outside: string;
  let runs: Record<string, CliRun>;
  beforeAll(async () => {
    root = kept(repository({ 'calls.yaml': calls() }));
    outside = kept(workspace({ 'calls.yaml': calls() }));
    // Git does not look above the test's folder for a repository, wherever the system keeps temporary folders.
    const noRepositoryAbove = plainEnvironment({ GIT_CEILING_DIRECTORIES: dirname(outside) });
    const [unknownRevision, notARepository, noGit] = await Promise.all([
      runCli(since('main~5', 'calls.yaml'), root),
      runCli(since('HEAD', 'calls.yaml'), outside, noRepositoryAbove),
      runCli(since('HEAD', 'calls.yaml'), root, plainEnvironment({ PATH: join(outside, 'no-such-folder') })),
    ]);
    runs = { unknownRevision, notARepository, noGit };
  });

  test('an unknown revision', () => {
    expect(runs.unknownRevision).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'spectral-auth-responses: --since main~5: unknown revision\n',
    });
  });

  test('outside a git repository', () => {
    expect(runs.notARepository).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `spectral-auth-responses: --since HEAD: not in a git repository (${outside})\n`,
    });
  });

  test('without git', () => {
    expect(runs.noGit).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'spectral-auth-responses: --since HEAD: git is not installed (or not on PATH)\n',
    });
  });
});
