import { Document, Spectral } from '@stoplight/spectral-core';
import { Yaml } from '@stoplight/spectral-parsers';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { createSafeResolver } from '../../src/cli/safe-resolver';
import { CliRun, removeWorkspace, runCli, workspace } from '../cli/run-cli';
import { FIXTURES } from '../helpers/lint';

/**
 * `$ref` graphs on which Spectral's own reference resolver does not finish (fixtures/robustness/upstream/), through
 * the real `spectral-auth-responses lint` (dist/cli.js, a child process). The command's resolver
 * (src/cli/safe-resolver.ts) lints them like any description, or refuses them with a message naming the file (exit 2),
 * well within the test timeout; the good file given with them is linted either way.
 */

/** Longer than any of these runs takes with the command's resolver (a few seconds), shorter than jest's timeout. */
const HANG_MS = 45_000;

/** `lint <args>`, killed if it has not ended after HANG_MS: a hang fails its test instead of jest. */
function runCliOrKill(args: string[], cwd: string): Promise<CliRun> {
  return runCli(['lint', ...args], cwd, undefined, { killAfterMs: HANG_MS });
}

/** The files of an upstream reproduction folder, `openapi.yaml.txt` under the name it is linted as. */
function reproduction(folder: string): Record<string, string> {
  const directory = join(FIXTURES, 'robustness', 'upstream', folder);
  const files = readdirSync(directory).map((name): [string, string] => [
    name.replace(/\.txt$/, ''),
    readFileSync(join(directory, name), 'utf8'),
  ]);
  return Object.fromEntries(files);
}

interface Result {
  code: string;
  source: string;
  message: string;
}

const resultsOf = (run: CliRun) => JSON.parse(run.stdout) as Result[];
const resultsFor = (run: CliRun, root: string, file: string) =>
  resultsOf(run).filter((result) => result.source === join(root, file));
const codesFor = (run: CliRun, root: string, file: string) => resultsFor(run, root, file).map((result) => result.code);
const messagesFor = (run: CliRun, root: string, file: string) =>
  resultsFor(run, root, file).map((result) => result.message);

/** fixtures/cli/bad.openapi.yaml: one auth-401-documented error, two warnings. */
const GOOD = { 'good.openapi.yaml': { fixture: 'bad.openapi.yaml' } };
const GOOD_CODES = ['auth-401-documented', 'auth-403-documented', 'auth-404-protected-item'];

describe('a $ref cycle that leaves the document for another file and comes back into it', () => {
  let root: string;
  beforeAll(() => {
    const files = reproduction('cross-file-cycle');
    // The reproduction's operation, secured (its `$ref`s unchanged): then the rules have something to report on it.
    const secured = parseDocument(files['openapi.yaml']);
    secured.set('security', [{ bearer: [] }]);
    secured.setIn(['components', 'securitySchemes'], { bearer: { type: 'http', scheme: 'bearer' } });
    root = workspace({ ...files, 'openapi.yaml': secured.toString(), ...GOOD });
  });
  afterAll(() => removeWorkspace(root));

  test('is cut where it comes back, as Spectral cuts every circular $ref: the document is linted, no input problem', async () => {
    const run = await runCliOrKill(['-f', 'json', 'openapi.yaml', 'good.openapi.yaml'], root);
    expect(run.killed).toBe(false);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(codesFor(run, root, 'openapi.yaml')).toContain('auth-401-documented');
    expect(codesFor(run, root, 'good.openapi.yaml')).toEqual(expect.arrayContaining(GOOD_CODES));
  });
});

describe('a valid two-file description: twenty operations share a 403 whose body is a recursive Problem', () => {
  let root: string;
  beforeAll(() => {
    root = workspace({ ...reproduction('shared-recursive-problem'), ...GOOD });
  });
  afterAll(() => removeWorkspace(root));

  test('is linted like any other: one document-level finding that counts the twenty operations', async () => {
    const run = await runCliOrKill(['-f', 'json', 'openapi.yaml', 'good.openapi.yaml'], root);
    expect(run.killed).toBe(false);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(codesFor(run, root, 'openapi.yaml')).toEqual(['auth-401-documented']);
    expect(messagesFor(run, root, 'openapi.yaml')[0]).toContain('yet 20 operations require authentication');
    expect(codesFor(run, root, 'good.openapi.yaml')).toEqual(expect.arrayContaining(GOOD_CODES));
  });
});

describe('a $ref into eleven schemas that all refer to each other (tens of millions of paths)', () => {
  let root: string;
  beforeAll(() => {
    root = workspace({ ...reproduction('dense-references'), ...GOOD });
  });
  afterAll(() => removeWorkspace(root));

  test('is refused with a message that names the file and says what to do (exit 2); the good file is still linted', async () => {
    const run = await runCliOrKill(['-f', 'json', 'openapi.yaml', 'good.openapi.yaml'], root);
    expect(run.killed).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^spectral-auth-responses: openapi\.yaml: could not be linted: its \$refs were not all followed: /,
    );
    expect(run.stderr).toMatch(
      /more than 2,000,000 objects to walk .*; bundle openapi\.yaml and the files it refers to into one file/,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(codesFor(run, root, 'openapi.yaml')).toEqual([]);
    expect(codesFor(run, root, 'good.openapi.yaml')).toEqual(expect.arrayContaining(GOOD_CODES));
  });
});

describe('many $refs into a large part of another file', () => {
  // 40 `$ref`s into a schema of 200 properties: 40 walks of 200 objects and more (Spectral's resolver walks what a
  // `$ref` into another file points to once per `$ref`). The real bound needs thousands of times more to be reached:
  // a smaller one shows, in milliseconds, that these walks count too, not only the `$ref`s met.
  const properties = Array.from({ length: 200 }, (_, index) => `        p${index}: { type: string }`);
  const refs = Array.from(
    { length: 40 },
    (_, index) => `          q${index}: { $ref: './large.yaml#/components/schemas/Large' }`,
  );
  let root: string;
  beforeAll(() => {
    root = workspace({
      'large.yaml': [
        'components:',
        '  schemas:',
        '    Large:',
        '      type: object',
        '      properties:',
        ...properties,
        '',
      ].join('\n'),
      'openapi.yaml': [
        'openapi: 3.0.3',
        "info: { title: Many references into one large schema, version: '1' }",
        'paths: {}',
        'components:',
        '  schemas:',
        '    Many:',
        '      properties:',
        ...refs,
        '',
      ].join('\n'),
    });
  });
  afterAll(() => removeWorkspace(root));

  const lintWithin = async (maxObjectsWalked: number) => {
    const file = join(root, 'openapi.yaml');
    const { resolver } = createSafeResolver(file, { allowRemoteRefs: false, allowedDirectories: [] }, maxObjectsWalked);
    const spectral = new Spectral({ resolver });
    spectral.setRuleset({ rules: {} });
    return spectral.run(new Document(readFileSync(file, 'utf8'), Yaml, file));
  };

  test('are walked within a bound that they fit in', async () => {
    await expect(lintWithin(40 * 202)).resolves.toEqual([]);
  });

  test('stop the run, with the message, past a bound that they do not fit in', async () => {
    const message =
      /^its \$refs were not all followed: through other files they lead to more than 4,040 objects to walk .*; bundle/;
    await expect(lintWithin(20 * 202)).rejects.toThrow(message);
  });
});
