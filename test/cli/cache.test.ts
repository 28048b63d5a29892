import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { FORMAT_NAMES } from '../../src/cli/names';
import { CliRun, plainEnvironment, removeWorkspace, runCli, workspace } from './run-cli';

/**
 * `--cache`. A team ruleset's custom function reports, at each document's `info`, the value of RUN_MARK in the run
 * that linted it: a document served from the cache still shows the mark of an earlier run, one linted again shows
 * the current run's. Nothing about the cache is timed.
 */
const CACHE = '.spectral-auth-responses-cache';
/** Each block runs the bin several times, some one after another. */
const LONG = 240_000;
const TEAM_RULESET = [
  'extends: [spectral-auth-responses]',
  'functions: [mark]',
  'rules:',
  '  run-mark:',
  '    given: $.info',
  '    severity: warn',
  '    then:',
  '      function: mark',
  '',
].join('\n');
const MARK_FUNCTION =
  'module.exports = function mark() { return [{ message: `linted in run ${process.env.RUN_MARK}` }]; };\n';
const SPLIT_DOCUMENT = [
  'openapi: 3.0.3',
  'info: { title: Split, version: 1.0.0 }',
  'paths:',
  '  /status:',
  '    get:',
  '      responses:',
  "        '200': { $ref: 'shared/ok.yaml' }",
  '',
].join('\n');

const teamWorkspace = () =>
  workspace({
    '.spectral.yaml': TEAM_RULESET,
    'functions/mark.js': MARK_FUNCTION,
    'bad.openapi.yaml': { fixture: 'bad.openapi.yaml' },
    'good.openapi.yaml': { fixture: 'good.openapi.yaml' },
    'split.openapi.yaml': SPLIT_DOCUMENT,
    'shared/ok.yaml': 'description: OK\n',
  });

const DOCUMENTS = ['bad.openapi.yaml', 'good.openapi.yaml', 'split.openapi.yaml'];

function lintRun(root: string, mark: string, ...args: string[]): Promise<CliRun> {
  return runCli(['lint', '-f', 'json', ...args, ...DOCUMENTS], root, plainEnvironment({ RUN_MARK: mark }));
}

/** The run-mark message of each document, by its path in the workspace. */
function marks(run: CliRun, root: string): Record<string, string> {
  const results = JSON.parse(run.stdout) as { code: string; message: string; source: string }[];
  return Object.fromEntries(
    results
      .filter((result) => result.code === 'run-mark')
      .map((result) => [relative(root, result.source), result.message]),
  );
}

const allMarked = (message: string) => Object.fromEntries(DOCUMENTS.map((document) => [document, message]));

function edit(root: string, file: string, change: (text: string) => string): void {
  writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
}

function cacheEntries(root: string, cacheFile = CACHE): Record<string, unknown> {
  return (JSON.parse(readFileSync(join(root, cacheFile), 'utf8')) as { documents: Record<string, unknown> }).documents;
}

describe('a document is linted again only when it, a file its $refs read, or the ruleset changed', () => {
  let root: string;
  let moved: string;
  const runs: Record<string, CliRun> = {};
  const marksOf: Record<string, Record<string, string>> = {};
  let entriesAfterFirst: string[];
  let movedMarks: Record<string, string>;
  beforeAll(async () => {
    root = teamWorkspace();
    // One change after another, each run after the change before it.
    const steps: [string, () => void][] = [
      ['first', () => {}],
      ['unchanged', () => {}],
      ['documentEdited', () => edit(root, 'bad.openapi.yaml', (text) => `${text}# a comment\n`)],
      ['referencedFileEdited', () => edit(root, 'shared/ok.yaml', () => 'description: Fine\n')],
      [
        'severityChanged',
        () => edit(root, '.spectral.yaml', (text) => text.replace('severity: warn', 'severity: info')),
      ],
      ['functionChanged', () => edit(root, 'functions/mark.js', (text) => text.replace('linted in', 'checked in'))],
    ];
    for (const [name, change] of steps) {
      change();
      // --cache-location alone turns the cache on.
      runs[name] = await lintRun(root, name, ...(name === 'unchanged' ? ['--cache-location', CACHE] : ['--cache']));
      marksOf[name] = marks(runs[name], root);
      if (name === 'first') entriesAfterFirst = Object.keys(cacheEntries(root)).sort();
    }
    // The checkout, cache included, in another folder (a CI runner's): the entries still serve.
    moved = realpathSync(mkdtempSync(join(tmpdir(), 'sar-cli-moved-')));
    cpSync(root, moved, { recursive: true });
    movedMarks = marks(await lintRun(moved, 'moved', '--cache'), moved);
  }, LONG);
  afterAll(() => {
    removeWorkspace(root);
    removeWorkspace(moved);
  });

  test('the first run lints every document and remembers each, by its path relative to the cache', () => {
    expect(runs.first).toMatchObject({ code: 1, stderr: '' });
    expect(marksOf.first).toEqual(allMarked('linted in run first'));
    expect(entriesAfterFirst).toEqual(DOCUMENTS);
  });

  test('a second run with nothing changed serves every document from the cache (--cache-location implies --cache)', () => {
    expect(runs.unchanged).toMatchObject({ code: 1, stderr: '' });
    expect(marksOf.unchanged).toEqual(allMarked('linted in run first'));
    expect(JSON.parse(runs.unchanged.stdout)).toEqual(JSON.parse(runs.first.stdout));
  });

  test('an edited document is linted again, and only it', () => {
    expect(marksOf.documentEdited).toEqual({
      ...allMarked('linted in run first'),
      'bad.openapi.yaml': 'linted in run documentEdited',
    });
  });

  test('an edit to a file that a $ref reads lints again the documents that read it', () => {
    expect(marksOf.referencedFileEdited).toEqual({
      ...allMarked('linted in run first'),
      'bad.openapi.yaml': 'linted in run documentEdited',
      'split.openapi.yaml': 'linted in run referencedFileEdited',
    });
  });

  test("a changed severity in the team ruleset lints every document again, with the rule's new severity", () => {
    expect(marksOf.severityChanged).toEqual(allMarked('linted in run severityChanged'));
    const severities = (JSON.parse(runs.severityChanged.stdout) as { code: string; severity: number }[])
      .filter((result) => result.code === 'run-mark')
      .map((result) => result.severity);
    expect(severities).toEqual([2, 2, 2]);
  });

  test("a change to a custom function's code lints every document again", () => {
    expect(marksOf.functionChanged).toEqual(allMarked('checked in run functionChanged'));
  });

  test('a checkout moved to another folder with its cache is still served from it', () => {
    expect(movedMarks).toEqual(allMarked('checked in run functionChanged'));
  });
});

describe('what is not remembered', () => {
  let root: string;
  const runs: Record<string, CliRun> = {};
  beforeAll(async () => {
    root = teamWorkspace();
    writeFileSync(
      join(root, 'broken.openapi.yaml'),
      'openapi: 3.0.3\ninfo: { title: Broken, version: 1.0.0 }\npaths: {\n',
    );
    const lint = (mark: string, ...args: string[]) =>
      runCli(
        ['lint', '-f', 'json', ...args, 'good.openapi.yaml', 'broken.openapi.yaml'],
        root,
        plainEnvironment({ RUN_MARK: mark }),
      );
    runs.problemFirst = await lint('1', '--cache');
    runs.problemSecond = await lint('2', '--cache');
    runs.remote = await lint('3', '--cache', '--cache-location', 'remote-cache.json', '--allow-remote-refs');
    // A document that is gone: its entry is dropped at the next run.
    edit(root, 'good.openapi.yaml', (text) => text);
    runs.beforeRemoval = await runCli(
      ['lint', '-q', '--cache', ...DOCUMENTS],
      root,
      plainEnvironment({ RUN_MARK: '4' }),
    );
    cpSync(join(root, 'bad.openapi.yaml'), join(root, 'other.openapi.yaml'));
    rmSync(join(root, 'bad.openapi.yaml'));
    runs.afterRemoval = await runCli(
      ['lint', '-q', '--cache', 'other.openapi.yaml'],
      root,
      plainEnvironment({ RUN_MARK: '5' }),
    );
  });
  afterAll(() => removeWorkspace(root));

  test('a document with an input problem is linted every time (it may depend on what is not hashed)', () => {
    expect(runs.problemFirst.code).toBe(2);
    expect(runs.problemSecond.code).toBe(2);
    expect(marks(runs.problemSecond, root)).toEqual({
      'good.openapi.yaml': 'linted in run 1',
      'broken.openapi.yaml': 'linted in run 2',
    });
    expect(runs.problemSecond.stderr).toBe(runs.problemFirst.stderr);
  });

  test('with --allow-remote-refs the cache is not used, and says so', () => {
    expect(marks(runs.remote, root)).toEqual({
      'good.openapi.yaml': 'linted in run 3',
      'broken.openapi.yaml': 'linted in run 3',
    });
    expect(runs.remote.stderr).toContain(
      'spectral-auth-responses: note: remote-cache.json: not used with --allow-remote-refs (what a remote file says cannot be known without fetching it)\n',
    );
    expect(existsSync(join(root, 'remote-cache.json'))).toBe(false);
  });

  test('the entries of documents not linted in a run are kept, unless the document is gone', () => {
    expect(runs.afterRemoval.code).toBe(1);
    expect(Object.keys(cacheEntries(root)).sort()).toEqual([
      'good.openapi.yaml',
      'other.openapi.yaml',
      'split.openapi.yaml',
    ]);
  });
});

/** A report with the workspace's folder left out, to compare reports of different workspaces. */
function withoutRoot(report: string, root: string): string {
  return report.split(root).join('<root>');
}

describe('a cache that cannot be used is ignored with a note, and the results are those of a run without it', () => {
  let reference: string;
  let referenceCode: number;
  const runs: Record<string, CliRun> = {};
  const roots: Record<string, string> = {};
  const cacheAfter: Record<string, string> = {};
  beforeAll(async () => {
    const withCacheFile = (content: string | undefined, directory = false) => {
      const root = teamWorkspace();
      if (directory) mkdirSync(join(root, CACHE));
      if (content !== undefined) writeFileSync(join(root, CACHE), content);
      return root;
    };
    const base = teamWorkspace();
    const referenceRun = await lintRun(base, 'run');
    reference = withoutRoot(referenceRun.stdout, base);
    referenceCode = referenceRun.code;
    await lintRun(base, 'run', '--cache');
    const valid = readFileSync(join(base, CACHE), 'utf8');
    removeWorkspace(base);
    roots.foreign = withCacheFile('not a cache at all\n');
    roots.truncated = withCacheFile(valid.slice(0, valid.length / 2));
    roots.olderVersion = withCacheFile('{"format":"spectral-auth-responses-cache","version":0,"documents":{}}');
    roots.damagedEntry = withCacheFile(
      valid.replace(/"results":\[/, '"results":[{"code":"fake","message":"not a result"},'),
    );
    roots.directory = withCacheFile(undefined, true);
    roots.underAFile = withCacheFile(undefined);
    writeFileSync(join(roots.underAFile, 'a-file'), 'text\n');
    const names = Object.keys(roots);
    const results = await Promise.all(
      names.map((name) =>
        lintRun(roots[name], 'run', '--cache', ...(name === 'underAFile' ? ['--cache-location', 'a-file/cache'] : [])),
      ),
    );
    names.forEach((name, index) => {
      runs[name] = results[index];
      const cacheFile = join(roots[name], CACHE);
      cacheAfter[name] = existsSync(cacheFile) && name !== 'directory' ? readFileSync(cacheFile, 'utf8') : '';
    });
  }, LONG);
  afterAll(() => Object.values(roots).forEach(removeWorkspace));

  test.each([
    [
      'foreign',
      `note: ${CACHE}: it is not a cache of spectral-auth-responses: left as it is (delete it, or choose another --cache-location)`,
    ],
    ['truncated', `note: ${CACHE}: it is damaged (not valid JSON): ignored, and written anew`],
    ['olderVersion', `note: ${CACHE}: it was written in another format (version 0): ignored, and written anew`],
    [
      'damagedEntry',
      `note: ${CACHE}: it is damaged (an entry is not what this version writes): ignored, and written anew`,
    ],
    [
      'directory',
      `note: ${CACHE}: cannot read it (EISDIR: illegal operation on a directory, read); linting without the cache`,
    ],
    ['underAFile', 'note: a-file/cache: cannot read it (ENOTDIR: not a directory'],
  ])('%s: one note on stderr, the same report and exit code', (name, note) => {
    expect(runs[name].stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(runs[name].stderr).toContain(`spectral-auth-responses: ${note}`);
    expect(withoutRoot(runs[name].stdout, roots[name])).toBe(reference);
    expect(runs[name].code).toBe(referenceCode);
  });

  test('a foreign file is left as it is; a damaged cache of ours, or one of another version, is written anew', () => {
    expect(cacheAfter.foreign).toBe('not a cache at all\n');
    for (const name of ['truncated', 'olderVersion', 'damagedEntry']) {
      expect(Object.keys(cacheEntries(roots[name])).sort()).toEqual(DOCUMENTS);
    }
  });
});

describe('reports are the same with and without the cache, in every format', () => {
  let root: string;
  let cold: CliRun;
  let entries: string[];
  const without: Record<string, CliRun> = {};
  const warm: Record<string, CliRun> = {};
  beforeAll(async () => {
    // The command's own ruleset; documents with errors, with warnings only, clean, split by $refs, and not parsable.
    root = workspace({
      'bad.openapi.yaml': { fixture: 'bad.openapi.yaml' },
      'good.openapi.yaml': { fixture: 'good.openapi.yaml' },
      'warnings-only.swagger.yaml': { fixture: 'warnings-only.swagger.yaml' },
      'syntax-error.openapi.yaml': { fixture: 'syntax-error.openapi.yaml' },
      'split.openapi.yaml': SPLIT_DOCUMENT,
      'shared/ok.yaml': 'description: OK\n',
    });
    const documents = [
      'bad.openapi.yaml',
      'good.openapi.yaml',
      'warnings-only.swagger.yaml',
      'syntax-error.openapi.yaml',
      'split.openapi.yaml',
    ];
    // The cache does not depend on the format: one cold run fills it, then each format is asked with and without it.
    cold = await runCli(['lint', '-f', 'json', '--cache', ...documents], root);
    without.json = await runCli(['lint', '-f', 'json', ...documents], root);
    entries = Object.keys(cacheEntries(root)).sort();
    await Promise.all(
      FORMAT_NAMES.map(async (format) => {
        const lint = (...args: string[]) => runCli(['lint', '-f', format, ...args, ...documents], root);
        [without[format], warm[format]] = await Promise.all([
          format === 'json' ? without.json : lint(),
          lint('--cache'),
        ]);
      }),
    );
  }, LONG);
  afterAll(() => removeWorkspace(root));

  test('the cold run reports what a run without the cache does, and remembers each document linted completely', () => {
    expect(cold).toEqual(without.json);
    expect(entries).toEqual([
      'bad.openapi.yaml',
      'good.openapi.yaml',
      'split.openapi.yaml',
      'warnings-only.swagger.yaml',
    ]);
  });

  test.each([...FORMAT_NAMES])('%s, served from the cache', (format) => {
    // The html report says when it was made.
    const undated = (run: CliRun) => ({
      ...run,
      stdout: run.stdout.replace(/Generated on [^<]*/, 'Generated on <date>'),
    });
    expect(undated(warm[format])).toEqual(undated(without[format]));
  });
});
