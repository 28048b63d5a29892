import { RulesetDefinition, Spectral } from '@stoplight/spectral-core';
// Spectral's own OpenAPI ruleset (installed with @stoplight/spectral-cli): its schema rules validate documents.
import { oas } from '@stoplight/spectral-rulesets';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { documentFrom, findingsOf, fixture, lint } from '../helpers/lint';
import { asJson, copyOfDocumentLevelFixture, fix, Json, removeDirectory } from './helpers';

/**
 * A document-level finding of auth-403-documented or auth-404-protected-item stands for one finding per operation:
 * `fix` repairs each of them, through `covers`, and a re-lint has no finding of the rule. Findings that are not
 * counted in it (a not-found answer under another code, a shared 403 body schema) are left, with the reason.
 * Each case works on a temporary copy of its fixture, never on the fixture itself.
 */
interface Case {
  fixture: string;
  rule: string;
  code: string;
  /** The operations the document-level finding counts, as `METHOD /path`: each gets the code. */
  counted: string[];
  /** Operations the rule leaves alone (an `x-auth-exceptions` entry): never changed. */
  untouched: string[];
  /** What the repairs report. */
  done: string;
}

const CASES: Case[] = [
  {
    fixture: '403-documented-nowhere.oas3.yaml',
    rule: 'auth-403-documented',
    code: '403',
    counted: ['GET /calls', 'POST /calls', 'DELETE /calls/{callId}'],
    untouched: ['POST /exports'],
    done: 'added 403: $ref #/components/responses/Forbidden',
  },
  {
    fixture: '403-documented-nowhere.oas2.json',
    rule: 'auth-403-documented',
    code: '403',
    counted: ['GET /calls', 'POST /calls'],
    untouched: [],
    done: 'added 403: $ref #/responses/Forbidden',
  },
  {
    fixture: '404-documented-nowhere.oas3.yaml',
    rule: 'auth-404-protected-item',
    code: '404',
    counted: ['GET /calls/{callId}', 'DELETE /calls/{callId}', 'GET /users/{userId}/calls'],
    untouched: ['GET /links/{token}', 'GET /calls'],
    done: 'added 404: $ref #/components/responses/NotFound',
  },
  {
    fixture: '404-documented-nowhere.oas2.yaml',
    rule: 'auth-404-protected-item',
    code: '404',
    counted: ['GET /calls/{callId}', 'PUT /calls/{callId}'],
    untouched: [],
    done: 'added 404: $ref #/responses/NotFound',
  },
];

/** The responses of an operation (`GET /calls`), from the file as written (YAML parses JSON too). */
function responsesOf(file: string, operation: string): Json {
  const [method, path] = operation.split(' ');
  const data = asJson(parseYaml(readFileSync(file, 'utf8')));
  return asJson(asJson(asJson(asJson(data.paths)[path])[method.toLowerCase()]).responses);
}

describe.each(CASES.map((c) => [c.fixture, c] as const))('fix %s', (name, expected) => {
  let file: string;
  afterAll(() => removeDirectory(join(file, '..')));

  test(`${expected.rule} reports the document once, and fix repairs each operation it counts; a re-lint has none`, async () => {
    file = copyOfDocumentLevelFixture(name);
    const before = await findingsOf(expected.rule, { file });
    expect(before).toEqual([
      expect.objectContaining({ path: '', message: expect.stringContaining(`${expected.counted.length} `) }),
    ]);
    for (const operation of expected.counted.slice(0, 3)) expect(before[0].message).toContain(operation);

    const report = await fix(file);
    expect(report.error).toBeUndefined();
    expect(report.written).toBe(true);
    const fixed = report.fixed.filter(({ result }) => result.code === expected.rule);
    expect(fixed).toHaveLength(1);
    expect(fixed[0].result.path).toEqual([]);
    expect(fixed[0].done.every(({ file: changed }) => basename(changed) === name)).toBe(true);
    expect([...new Set(fixed[0].done.map(({ what }) => what))]).toEqual([expected.done]);

    // Every operation the finding counted was repaired, not only the first; excepted ones were left as written.
    for (const operation of expected.counted)
      expect(Object.keys(responsesOf(file, operation))).toContain(expected.code);
    for (const operation of expected.untouched)
      expect(Object.keys(responsesOf(file, operation))).not.toContain(expected.code);

    const after = await lint(documentFrom({ file }));
    expect(after.filter((result) => result.code === expected.rule).map((result) => result.message)).toEqual([]);
  });
});

describe('findings that the document-level finding does not count', () => {
  const directories: string[] = [];
  const copy = (name: string): string => {
    const file = copyOfDocumentLevelFixture(name);
    directories.push(join(file, '..'));
    return file;
  };
  afterAll(() => directories.forEach(removeDirectory));

  test('a not-found answer under another code is counted but left for a person; the plain gaps are repaired', async () => {
    const file = copy('404-nowhere-beside-misnumbered.oas3.yaml');
    const before = await findingsOf('auth-404-protected-item', { file });
    expect(before.map((finding) => finding.path)).toEqual(['']);
    expect(before[0].message).toContain('3 protected operations');
    expect(before[0].message).toContain('reference it from the 2 others');
    expect(before[0].message).toContain(
      '1 of them answer not-found under another code (GET /notes/{noteId}: its 480 response, ResourceNotFoundException): give that response the code 404',
    );

    const report = await fix(file);
    expect(report.error).toBeUndefined();
    expect(
      report.fixed.filter(({ result }) => result.code === 'auth-404-protected-item').map(({ result }) => result.path),
    ).toEqual([[]]);

    expect(Object.keys(responsesOf(file, 'GET /calls/{callId}'))).toContain('404');
    expect(Object.keys(responsesOf(file, 'GET /files/{fileId}'))).toContain('404');
    expect(Object.keys(responsesOf(file, 'GET /notes/{noteId}'))).not.toContain('404');
    const after = await findingsOf('auth-404-protected-item', { file });
    expect(after.map((finding) => finding.path)).toEqual(['paths./notes/{noteId}.get.responses']);
    expect(after[0].message).toContain(
      'its 480 response (ResourceNotFoundException) looks like a not-found answer: give it the code 404',
    );
  });

  test('when every operation it counts answers not-found under another code, fix changes nothing and says why', async () => {
    const file = copy('404-nowhere-all-misnumbered.oas3.yaml');
    const text = readFileSync(file, 'utf8');
    const before = await findingsOf('auth-404-protected-item', { file });
    expect(before.map((finding) => finding.path)).toEqual(['']);
    expect(before[0].message).toContain('2 protected operations on item paths document no 404');
    expect(before[0].message).toContain(
      'they answer not-found under another code (GET /calls/{callId}: its 481 response, CallNotFound): give those responses the code 404',
    );

    const report = await fix(file, { rules: ['auth-404-protected-item'] });
    expect(report.error).toBeUndefined();
    expect(report.fixed).toEqual([]);
    const left = report.left.filter(({ result }) => result.code === 'auth-404-protected-item');
    expect(left.map(({ reason }) => reason)).toEqual([
      'the operations it counts need a change that fix does not make (see the message)',
    ]);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  test('a 403 whose body is a shared schema is reported at the schema and left, saying the schema is shared', async () => {
    const file = copy('403-shared-body-schema.oas3.yaml');
    const text = readFileSync(file, 'utf8');
    const before = await findingsOf('auth-403-describes-scopes', { file });
    expect(before).toEqual([
      expect.objectContaining({
        path: 'components.schemas.Error',
        message: expect.stringContaining('the 403 body of 2 operations'),
      }),
    ]);

    const report = await fix(file, { rules: ['auth-403-describes-scopes'] });
    expect(report.error).toBeUndefined();
    expect(report.fixed).toEqual([]);
    const left = report.left.filter(({ result }) => result.code === 'auth-403-describes-scopes');
    expect(left).toHaveLength(1);
    expect(left[0].reason).toContain("the 403's body schema is shared (#/components/schemas/Error)");
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

/** Spectral with only the schema rules of its OpenAPI ruleset on: these fixtures are valid OpenAPI. */
function schemaValidator(): Spectral {
  const spectral = new Spectral();
  spectral.setRuleset({
    extends: [[oas as RulesetDefinition, 'off']],
    rules: { 'oas2-schema': 'error', 'oas3-schema': 'error' },
  });
  return spectral;
}

test.each([
  ...CASES.map((c) => c.fixture),
  '404-nowhere-beside-misnumbered.oas3.yaml',
  '404-nowhere-all-misnumbered.oas3.yaml',
  '403-shared-body-schema.oas3.yaml',
])('fixture %s is valid OpenAPI', async (name) => {
  const results = await schemaValidator().run(documentFrom({ file: fixture(`fix-document-level/${name}`) }));
  expect(results.map((result) => `${result.code} ${result.path.join('.')}: ${result.message}`)).toEqual([]);
});
