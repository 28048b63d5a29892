import { availableParallelism } from 'node:os';
import { FORMAT_NAMES } from '../../src/cli/names';
import { CliRun, removeWorkspace, runCli, workspace } from './run-cli';

/**
 * `--concurrency`: the documents are linted in worker threads, and the report is the one `off` gives, byte for byte.
 * The workspace mixes what can go differently in a thread: a large document first (so that documents finish out of
 * order), findings inside `$ref`'d files, a `$ref` allowed by --allow-outside-refs and one refused, documents that
 * do not parse or are not OpenAPI, and a team ruleset with a custom function.
 */
const TEAM_RULESET = [
  'extends: [spectral-auth-responses]',
  'functions: [titleWords, whereLinted]',
  'rules:',
  '  title-words:',
  '    description: A title says what the API is for, in a few words.',
  '    given: $.info.title',
  '    severity: warn',
  '    then: { function: titleWords }',
  '',
].join('\n');
const TITLE_WORDS = [
  'module.exports = (title) => {',
  '  if (title === process.env.CRASH_ON_TITLE) process.exit(7);',
  '  return String(title).split(" ").length < 3 ? [{ message: `"${title}" is too short a title` }] : [];',
  '};',
  '',
].join('\n');
// Tells where it ran: that the runs compared really used threads, and that `auto` did not for a handful of files.
const WHERE_LINTED = [
  "const { isMainThread } = require('node:worker_threads');",
  "module.exports = () => [{ message: isMainThread ? 'linted in the main thread' : 'linted in a worker thread' }];",
  '',
].join('\n');
const WHERE_RULE = '  where-linted:\n    given: $.info\n    severity: info\n    then: { function: whereLinted }\n';

const operation = (path: string) =>
  [
    `  ${path}:`,
    '    get:',
    `      summary: ${path}`,
    '      responses:',
    "        '200': { description: OK }",
    '',
  ].join('\n');
const largeDocument = [
  'openapi: 3.0.3',
  'info: { title: A large API with many calls, version: 1.0.0 }',
  'security: [{ key: [] }]',
  'paths:',
  ...Array.from({ length: 100 }, (_, i) => operation(`/items${i}/{itemId}`)),
  'components: { securitySchemes: { key: { type: apiKey, in: header, name: X-Key } } }',
  '',
].join('\n');
const withPathsIn = (file: string) =>
  [
    'openapi: 3.0.3',
    'info: { title: Calls in another file, version: 1.0.0 }',
    'security: [{ key: [] }]',
    'paths:',
    `  /calls/{callId}: { $ref: '${file}' }`,
    'components: { securitySchemes: { key: { type: apiKey, in: header, name: X-Key } } }',
    '',
  ].join('\n');
const PATH_ITEM = "get:\n  responses:\n    '200': { description: The call }\n";

const DOCUMENTS = {
  'apis/a-large.openapi.yaml': largeDocument,
  'apis/bad.openapi.yaml': { fixture: 'bad.openapi.yaml' },
  'apis/good.openapi.yaml': { fixture: 'good.openapi.yaml' },
  'apis/warnings-only.swagger.yaml': { fixture: 'warnings-only.swagger.yaml' },
  'apis/syntax-error.openapi.yaml': { fixture: 'syntax-error.openapi.yaml' },
  'apis/syntax-error.openapi.json': { fixture: 'syntax-error.openapi.json' },
  'apis/not-openapi.yaml': { fixture: 'not-openapi.yaml' },
  'apis/openapi-3.2.yaml': { fixture: 'openapi-3.2.yaml' },
  'apis/referencing.openapi.yaml': withPathsIn('paths/call.yaml'),
  'apis/outside.openapi.yaml': withPathsIn('../shared/call.yaml'),
  'apis/refused.openapi.yaml': withPathsIn('../private/call.yaml'),
  'apis/paths/call.yaml': PATH_ITEM,
  'shared/call.yaml': PATH_ITEM,
  'private/call.yaml': PATH_ITEM,
};

/** Runs the cases a few at a time: each starts Node and, threaded, two more threads on a machine that may have two cores. */
async function runAll(cases: Record<string, () => Promise<CliRun>>, atOnce = 4): Promise<Record<string, CliRun>> {
  const entries = Object.entries(cases);
  const runs: Record<string, CliRun> = {};
  for (let start = 0; start < entries.length; start += atOnce) {
    const batch = entries.slice(start, start + atOnce);
    const results = await Promise.all(batch.map(([, run]) => run()));
    batch.forEach(([name], i) => (runs[name] = results[i]));
  }
  return runs;
}

const roots: string[] = [];
afterAll(() => roots.forEach(removeWorkspace));

describe('the report is the same with and without threads', () => {
  let runs: Record<string, CliRun>;
  beforeAll(async () => {
    const root = workspace({
      ...DOCUMENTS,
      '.spectral.yaml': TEAM_RULESET,
      'functions/titleWords.js': TITLE_WORDS,
      'functions/whereLinted.js': WHERE_LINTED,
    });
    roots.push(root);
    const lint = (concurrency: string, format: string) => () =>
      runCli(['lint', '--concurrency', concurrency, '-f', format, '--allow-outside-refs', 'shared', 'apis/*'], root);
    const cases: Record<string, () => Promise<CliRun>> = {};
    for (const format of FORMAT_NAMES) {
      cases[`off ${format}`] = lint('off', format);
      cases[`2 ${format}`] = lint('2', format);
    }
    runs = await runAll(cases);
    // With the cache too: filled by threads, then served to a run without them and to one with them.
    const cached = (concurrency: string) =>
      runCli(
        ['lint', '--cache', '--concurrency', concurrency, '-f', 'json', '--allow-outside-refs', 'shared', 'apis/*'],
        root,
      );
    runs['cache cold 2'] = await cached('2');
    runs['cache warm off'] = await cached('off');
    runs['cache warm 2'] = await cached('2');
  }, 600_000);

  test('with --cache, cold or warm, threads or not: the report of a run without either', () => {
    for (const name of ['cache cold 2', 'cache warm off', 'cache warm 2']) expect(runs[name]).toEqual(runs['off json']);
  });

  // The HTML report says when it was generated: the one line that differs between any two runs.
  const withoutTime = (run: CliRun) => ({ ...run, stdout: run.stdout.replace(/Generated on [^<]*/, 'Generated on') });

  test.each(FORMAT_NAMES)('%s: stdout, stderr and exit code are those of --concurrency off', (format) => {
    expect(withoutTime(runs[`2 ${format}`])).toEqual(withoutTime(runs[`off ${format}`]));
  });

  test('the runs compared have findings in $ref files and input problems, in document order', () => {
    const json = runs['off json'];
    expect(json.code).toBe(2);
    const sources = (JSON.parse(json.stdout) as { source: string }[]).map((result) => result.source);
    expect(sources.some((source) => source.endsWith('apis/paths/call.yaml'))).toBe(true);
    expect(sources.some((source) => source.endsWith('shared/call.yaml'))).toBe(true);
    expect(sources.indexOf(sources.find((source) => source.endsWith('a-large.openapi.yaml')) ?? '')).toBe(0);
    expect(json.stderr.split('\n').filter((line) => line !== '')).toEqual([
      expect.stringMatching(/^spectral-auth-responses: apis\/not-openapi\.yaml: not an OpenAPI/),
      expect.stringMatching(/^spectral-auth-responses: apis\/openapi-3\.2\.yaml: not an OpenAPI/),
      expect.stringMatching(
        /^spectral-auth-responses: apis\/refused\.openapi\.yaml:5:28: \$ref .*private\/call\.yaml was not read/,
      ),
      expect.stringMatching(/^spectral-auth-responses: apis\/syntax-error\.openapi\.json:3:30: invalid JSON/),
      expect.stringMatching(/^spectral-auth-responses: apis\/syntax-error\.openapi\.yaml:9:1: invalid YAML/),
    ]);
    expect(json.stdout).toContain('"code": "title-words"');
  });
});

describe('where documents are linted', () => {
  let runs: Record<string, CliRun>;
  const many = Object.fromEntries(
    Array.from({ length: 20 }, (_, i) => [
      `many/api-${String(i).padStart(2, '0')}.yaml`,
      { fixture: 'good.openapi.yaml' },
    ]),
  );
  // 16 files that auto would thread, one of which is the suppressions file: 15 documents, which it does not.
  const fifteenAndTheSuppressionsFile = {
    ...Object.fromEntries(
      Array.from({ length: 15 }, (_, i) => [
        `fifteen/api-${String(i).padStart(2, '0')}.yaml`,
        { fixture: 'good.openapi.yaml' },
      ]),
    ),
    'fifteen/suppressions.json': '{}\n',
  };
  beforeAll(async () => {
    const root = workspace({
      ...DOCUMENTS,
      ...many,
      ...fifteenAndTheSuppressionsFile,
      '.spectral.yaml': `extends: [spectral-auth-responses]\nfunctions: [whereLinted]\nrules:\n${WHERE_RULE}`,
      'functions/whereLinted.js': WHERE_LINTED,
    });
    roots.push(root);
    const lint =
      (...args: string[]) =>
      () =>
        runCli(['lint', '-f', 'json', '-F', 'hint', ...args], root, undefined, { killAfterMs: 120_000 });
    runs = await runAll({
      two: lint('--concurrency', '2', 'apis/good.openapi.yaml', 'apis/bad.openapi.yaml'),
      off: lint('--concurrency', 'off', 'apis/good.openapi.yaml', 'apis/bad.openapi.yaml'),
      autoFew: lint('--concurrency', 'auto', 'apis/good.openapi.yaml', 'apis/bad.openapi.yaml', 'apis/*.json'),
      autoMany: lint('--concurrency', 'auto', 'many/*.yaml'),
      moreThreadsThanDocuments: lint('--concurrency', '8', 'apis/good.openapi.yaml'),
      autoFifteen: lint('--concurrency', 'auto', '--suppressions-location', 'fifteen/suppressions.json', 'fifteen/*'),
      // The threads start before the set-up, and the run stops after it, before linting anything.
      stoppedBeforeLinting: lint('--concurrency', '2', '--suppress-rule', 'no-such-rule', 'many/*.yaml'),
    });
  }, 600_000);

  const placesOf = (run: CliRun) =>
    new Set(
      (JSON.parse(run.stdout) as { code: string; message: string }[])
        .filter((result) => result.code === 'where-linted')
        .map((result) => result.message),
    );

  test('--concurrency N lints in worker threads, off in the command’s own thread', () => {
    expect(placesOf(runs.two)).toEqual(new Set(['linted in a worker thread']));
    expect(placesOf(runs.off)).toEqual(new Set(['linted in the main thread']));
    expect(placesOf(runs.moreThreadsThanDocuments)).toEqual(new Set(['linted in a worker thread']));
  });

  test('auto starts no thread for a handful of documents, and threads for many on a machine with cores to spare', () => {
    expect(placesOf(runs.autoFew)).toEqual(new Set(['linted in the main thread']));
    const place = availableParallelism() >= 2 ? 'linted in a worker thread' : 'linted in the main thread';
    expect(placesOf(runs.autoMany)).toEqual(new Set([place]));
    expect(JSON.parse(runs.autoMany.stdout)).toHaveLength(20);
  });

  describe('threads started before the set-up', () => {
    test('end with a run that stops before its lint stage', () => {
      expect(runs.stoppedBeforeLinting.killed).toBe(false);
      expect(runs.stoppedBeforeLinting.code).toBe(2);
      expect(runs.stoppedBeforeLinting.stdout).toBe('');
      expect(runs.stoppedBeforeLinting.stderr).toBe(
        'spectral-auth-responses: --suppress-rule: the ruleset has no rule named "no-such-rule"\n',
      );
    });

    test('end, and the documents are linted in the command’s thread, when fewer are left than auto threads for', () => {
      expect(runs.autoFifteen.killed).toBe(false);
      expect(placesOf(runs.autoFifteen)).toEqual(new Set(['linted in the main thread']));
      expect(JSON.parse(runs.autoFifteen.stdout)).toHaveLength(15);
    });
  });
});

describe('a worker thread that stops', () => {
  let crashed: CliRun;
  let withoutIt: CliRun;
  beforeAll(async () => {
    const root = workspace({
      ...DOCUMENTS,
      'apis/crash.openapi.yaml': withPathsIn('paths/call.yaml').replace('Calls in another file', 'crash'),
      '.spectral.yaml': TEAM_RULESET,
      'functions/titleWords.js': TITLE_WORDS,
      'functions/whereLinted.js': WHERE_LINTED,
    });
    roots.push(root);
    const documents = ['apis/bad.openapi.yaml', 'apis/crash.openapi.yaml', 'apis/good.openapi.yaml'];
    const env = { ...process.env, CRASH_ON_TITLE: 'crash' };
    [crashed, withoutIt] = await Promise.all([
      runCli(['lint', '-f', 'json', '--concurrency', '2', ...documents], root, env, { killAfterMs: 120_000 }),
      runCli(['lint', '-f', 'json', '--concurrency', '2', documents[0], documents[2]], root, env),
    ]);
  }, 300_000);

  test('makes its document an input problem (exit 2); the others are linted, and the run ends', () => {
    expect(crashed.killed).toBe(false);
    expect(crashed.code).toBe(2);
    expect(crashed.stderr).toBe(
      'spectral-auth-responses: apis/crash.openapi.yaml: could not be linted: its worker thread stopped (exit code 7)\n',
    );
    expect(crashed.stdout).toBe(withoutIt.stdout);
    expect(JSON.parse(crashed.stdout)).not.toHaveLength(0);
  });
});
