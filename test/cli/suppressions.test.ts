import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALLS, EDITED_ELSEWHERE, ONE_FIXED, ONE_MORE } from './calls-document';
import { CliRun, removeWorkspace, runCli, workspace } from './run-cli';

const FILE = 'spectral-auth-responses-suppressions.json';
const GET_CALL = '/paths/~1calls~1{callId}/get/responses';

const SUPPRESSED_CALLS = {
  'apis/calls.yaml': {
    'auth-401-documented': { [GET_CALL]: 1 },
    'auth-404-protected-item': { [GET_CALL]: 1 },
  },
};

interface Reported {
  code: string;
  path: string[];
  source: string;
}

const reported = (run: CliRun) => JSON.parse(run.stdout) as Reported[];
const suppressionsIn = (root: string, file = FILE) => JSON.parse(readFileSync(join(root, file), 'utf8')) as unknown;
const lint = (root: string, ...args: string[]) => runCli(['lint', '-f', 'json', ...args, 'apis/*.yaml'], root);

const roots: string[] = [];
function repository(files: Record<string, string>): string {
  const root = workspace(files);
  roots.push(root);
  return root;
}
afterAll(() => roots.forEach(removeWorkspace));

describe('--suppress-all', () => {
  let root: string;
  let suppressing: CliRun;
  let plain: CliRun;
  let stylish: CliRun;
  beforeAll(async () => {
    root = repository({ 'apis/calls.yaml': CALLS });
    suppressing = await runCli(['lint', '--suppress-all', 'apis/calls.yaml'], root);
    [plain, stylish] = await Promise.all([lint(root), runCli(['lint', 'apis/calls.yaml'], root)]);
  });

  test('writes every finding into the file in the working directory, keyed by document, rule and JSON path', () => {
    expect(suppressionsIn(root)).toEqual(SUPPRESSED_CALLS);
    const text = readFileSync(join(root, FILE), 'utf8');
    expect(text).toBe(`${JSON.stringify(SUPPRESSED_CALLS, null, 2)}\n`);
    expect(text).not.toMatch(/line|message|requires authentication/);
  });

  test('then reports what is left (nothing), exits 0 and says how many it suppressed', () => {
    expect(suppressing.code).toBe(0);
    expect(suppressing.stdout).toBe(
      "No results with a severity of 'error' found in 1 document.\n2 findings suppressed (" + FILE + ').\n',
    );
    expect(suppressing.stderr).toBe(`spectral-auth-responses: note: ${FILE} now suppresses 2 findings\n`);
  });

  test('the next run reads the file by itself: nothing reported, exit 0', () => {
    expect(plain.code).toBe(0);
    expect(reported(plain)).toEqual([]);
    // After a JSON report on standard output, the summary goes to standard error.
    expect(plain.stderr).toBe(`2 findings suppressed (${FILE}).\n`);
    expect(stylish).toMatchObject({ code: 0, stderr: '' });
    expect(stylish.stdout).toContain('2 findings suppressed');
  });
});

describe('a suppressed document that changes', () => {
  let runs: Record<string, CliRun>;
  let roots: Record<string, string>;
  beforeAll(async () => {
    const suppressed = { [FILE]: JSON.stringify(SUPPRESSED_CALLS) };
    roots = {
      editedElsewhere: repository({ ...suppressed, 'apis/calls.yaml': EDITED_ELSEWHERE }),
      oneMore: repository({ ...suppressed, 'apis/calls.yaml': ONE_MORE }),
      oneFixed: repository({ ...suppressed, 'apis/calls.yaml': ONE_FIXED }),
      passOn: repository({ ...suppressed, 'apis/calls.yaml': ONE_FIXED }),
      pruned: repository({ ...suppressed, 'apis/calls.yaml': ONE_FIXED }),
    };
    const args: Record<string, string[]> = {
      editedElsewhere: [],
      oneMore: [],
      oneFixed: [],
      passOn: ['--pass-on-unpruned-suppressions'],
      pruned: ['--prune-suppressions'],
    };
    const names = Object.keys(roots);
    const results = await Promise.all(names.map((name) => lint(roots[name], ...args[name])));
    runs = Object.fromEntries(names.map((name, i) => [name, results[i]]));
  });

  test('an edit elsewhere (every line moved) makes nothing new', () => {
    expect(runs.editedElsewhere).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  test('one problem more is exactly one new finding, and fails the run', () => {
    expect(runs.oneMore.code).toBe(1);
    expect(reported(runs.oneMore).map(({ code, path }) => [code, path.join(' ')])).toEqual([
      ['auth-401-documented', 'paths /users/{userId} delete responses'],
    ]);
    expect(runs.oneMore.stderr).toBe(`2 findings suppressed (${FILE}).\n`);
  });

  test('one problem fixed leaves an unused entry: listed on stderr, exit 2, the file untouched', () => {
    expect(runs.oneFixed.code).toBe(2);
    expect(reported(runs.oneFixed)).toEqual([]);
    expect(runs.oneFixed.stderr).toContain(
      `spectral-auth-responses: ${FILE}: unused suppression: apis/calls.yaml auth-404-protected-item at ${GET_CALL} ` +
        '(1 finding no longer found); --prune-suppressions removes it\n',
    );
    expect(runs.oneFixed.stderr).not.toContain('auth-401-documented');
    expect(suppressionsIn(roots.oneFixed)).toEqual(SUPPRESSED_CALLS);
  });

  test('--pass-on-unpruned-suppressions passes, with a note', () => {
    expect(runs.passOn.code).toBe(0);
    expect(runs.passOn.stderr).toContain(
      `note: ${FILE}: 1 suppression no longer matches a finding (--prune-suppressions removes them)`,
    );
  });

  test('--prune-suppressions removes the unused entry and keeps the others', () => {
    expect(runs.pruned).toMatchObject({ code: 0, stdout: '[]\n' });
    expect(suppressionsIn(roots.pruned)).toEqual({
      'apis/calls.yaml': { 'auth-401-documented': { [GET_CALL]: 1 } },
    });
  });
});

describe('--suppress-rule', () => {
  let root: string;
  let run: CliRun;
  let unknown: CliRun;
  beforeAll(async () => {
    const other = { 'apis/other.yaml': { 'auth-403-documented': { '/paths/~1x/get/responses': 2 } } };
    root = repository({ 'apis/calls.yaml': CALLS, [FILE]: JSON.stringify(other) });
    [run, unknown] = await Promise.all([
      lint(root, '--suppress-rule', 'auth-401-documented'),
      lint(root, '--suppress-rule', 'auth-401-documentd'),
    ]);
  });

  test('writes only the findings of the named rule, adding to the entries the file holds', () => {
    expect(suppressionsIn(root)).toEqual({
      'apis/calls.yaml': { 'auth-401-documented': { [GET_CALL]: 1 } },
      'apis/other.yaml': { 'auth-403-documented': { '/paths/~1x/get/responses': 2 } },
    });
  });

  test("reports the other rules' findings; an entry of a document not linted is not unused", () => {
    expect(reported(run).map((result) => result.code)).toEqual(['auth-404-protected-item']);
    expect(run.code).toBe(0);
  });

  test('a rule the ruleset does not have is a usage error, before anything is written', () => {
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe(
      'spectral-auth-responses: --suppress-rule: the ruleset has no rule named "auth-401-documentd"\n',
    );
  });
});

describe('--suppressions-location', () => {
  let root: string;
  let run: CliRun;
  let matchedByTheGlob: CliRun;
  beforeAll(async () => {
    root = repository({ 'apis/calls.yaml': CALLS });
    run = await lint(root, '--suppressions-location', 'config/lint/suppressed.json', '--suppress-all');
    const beside = repository({ 'apis/calls.yaml': CALLS });
    await lint(beside, '--suppressions-location', 'apis/suppressed.yaml', '--suppress-all');
    matchedByTheGlob = await lint(beside, '--suppressions-location', 'apis/suppressed.yaml');
  });

  test('a glob that matches the suppressions file does not take it for a description', () => {
    expect(matchedByTheGlob).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  test("names the file; documents are named relative to the file's folder", () => {
    expect(run.code).toBe(0);
    expect(existsSync(join(root, FILE))).toBe(false);
    expect(suppressionsIn(root, 'config/lint/suppressed.json')).toEqual({
      '../../apis/calls.yaml': SUPPRESSED_CALLS['apis/calls.yaml'],
    });
  });
});

describe('a finding in a file the document reads through a $ref', () => {
  test('is keyed by that file too, relative to the suppressions file; edits that move its lines change nothing', async () => {
    const operation = CALLS.slice(CALLS.indexOf('    get:'), CALLS.indexOf('  /users/{userId}:'));
    const root = repository({
      'apis/calls.yaml': CALLS.replace(operation, "    $ref: 'paths/call.yaml'\n"),
      'apis/paths/call.yaml': operation.replace(/^ {4}/gm, ''),
    });
    expect(await lint(root, '--suppress-all')).toMatchObject({ code: 0, stdout: '[]\n' });
    const inCall = 'apis/paths/call.yaml#/get/responses';
    expect(suppressionsIn(root)).toEqual({
      'apis/calls.yaml': { 'auth-401-documented': { [inCall]: 1 }, 'auth-404-protected-item': { [inCall]: 1 } },
    });
    const moved = `# The call\n# (moved down)\n${readFileSync(join(root, 'apis/paths/call.yaml'), 'utf8')}`;
    writeFileSync(join(root, 'apis/paths/call.yaml'), moved);
    expect(await lint(root)).toMatchObject({ code: 0, stdout: '[]\n' });
  });
});

describe('a team ruleset that extends spectral:oas too', () => {
  test("its rules' findings are suppressed like this package's", async () => {
    const root = repository({
      '.spectral.yaml': 'extends: ["spectral:oas", "spectral-auth-responses"]\n',
      'apis/calls.yaml': CALLS,
    });
    const before = await lint(root);
    const codes = reported(before).map((result) => result.code);
    expect(codes).toEqual(expect.arrayContaining(['auth-401-documented', 'info-contact']));
    const suppressing = await lint(root, '--suppress-all');
    expect(suppressing).toMatchObject({ code: 0, stdout: '[]\n' });
    expect(Object.keys((suppressionsIn(root) as Record<string, object>)['apis/calls.yaml'])).toEqual(
      [...new Set(codes)].sort(),
    );
    expect(await lint(root)).toMatchObject({ code: 0, stdout: '[]\n' });
  });
});

describe('a document that could not be linted completely', () => {
  test('its entries are neither recorded, unused nor pruned', async () => {
    const broken = `${CALLS.replace("'200': { description: The call }", "'200': { description: The call ")}`;
    const root = repository({ [FILE]: JSON.stringify(SUPPRESSED_CALLS), 'apis/calls.yaml': broken });
    const run = await lint(root, '--prune-suppressions', '--suppress-all');
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('unused');
    expect(suppressionsIn(root)).toEqual(SUPPRESSED_CALLS);
  });
});

describe('a damaged suppressions file', () => {
  let runs: Record<string, CliRun>;
  beforeAll(async () => {
    const files: Record<string, string> = {
      invalidJson: '{\n  "apis/calls.yaml": {\n}\n',
      notCounts: JSON.stringify({ 'apis/calls.yaml': { 'auth-401-documented': { [GET_CALL]: 'one' } } }),
      notAnObject: '[]',
    };
    const names = Object.keys(files);
    const results = await Promise.all(
      names.map((name) => lint(repository({ [FILE]: files[name], 'apis/calls.yaml': CALLS }))),
    );
    runs = Object.fromEntries(names.map((name, i) => [name, results[i]]));
  });

  test('invalid JSON: exit 2, one line naming the file, line and column', () => {
    expect(runs.invalidJson).toMatchObject({ code: 2, stdout: '' });
    expect(runs.invalidJson.stderr).toMatch(
      new RegExp(`^spectral-auth-responses: ${FILE}:4:1: invalid JSON: [^\\n]+\\n$`),
    );
  });

  test('a wrong shape: exit 2, one line naming the entry', () => {
    expect(runs.notCounts).toMatchObject({ code: 2, stdout: '' });
    expect(runs.notCounts.stderr).toBe(
      `spectral-auth-responses: ${FILE}: not a suppressions file: "apis/calls.yaml" › "auth-401-documented" › ` +
        `"${GET_CALL}" should be a count (a whole number from 1 up)\n`,
    );
    expect(runs.notAnObject.stderr).toBe(
      `spectral-auth-responses: ${FILE}: not a suppressions file: expected an object of documents\n`,
    );
  });
});

describe('counts', () => {
  test('each document has entries of its own', async () => {
    const root = repository({ 'apis/calls.yaml': CALLS, 'apis/copy.yaml': CALLS });
    await lint(root, '--suppress-all');
    const both = suppressionsIn(root) as Record<string, unknown>;
    expect(both).toEqual({ ...SUPPRESSED_CALLS, 'apis/copy.yaml': SUPPRESSED_CALLS['apis/calls.yaml'] });
    writeFileSync(join(root, FILE), JSON.stringify({ 'apis/calls.yaml': both['apis/calls.yaml'] }));
    const run = await lint(root);
    expect(run.code).toBe(1);
    expect(reported(run).map((result) => [result.source.endsWith('copy.yaml'), result.code])).toEqual([
      [true, 'auth-401-documented'],
      [true, 'auth-404-protected-item'],
    ]);
  });

  test('a count larger than the findings of its key is unused by the difference; pruning lowers it', async () => {
    const twice = {
      'apis/calls.yaml': { ...SUPPRESSED_CALLS['apis/calls.yaml'], 'auth-401-documented': { [GET_CALL]: 2 } },
    };
    const root = repository({ 'apis/calls.yaml': CALLS, [FILE]: JSON.stringify(twice) });
    const run = await lint(root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`auth-401-documented at ${GET_CALL} (1 finding no longer found)`);
    expect(await lint(root, '--prune-suppressions')).toMatchObject({ code: 0, stdout: '[]\n' });
    expect(suppressionsIn(root)).toEqual(SUPPRESSED_CALLS);
  });
});
