import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { documentFrom, findingsOf, lint } from '../helpers/lint';
import { asJson, copyOfDocumentLevelFixture, fix, Json, removeDirectory } from './helpers';

/**
 * A document-level finding of auth-401-documented or auth-401-www-authenticate stands for one finding per
 * operation (or per distinct 401): `fix` repairs each of them, through `covers`, and a re-lint is clean.
 * Each case works on a temporary copy of its fixture, never on the fixture itself.
 */
interface Case {
  fixture: string;
  rule: string;
  /** How many operations or responses the document-level message counts. */
  count: number;
  /** What the repairs report, one entry per place changed. */
  done: string[];
}

const CASES: Case[] = [
  {
    fixture: '401-documented-nowhere.oas3.yaml',
    rule: 'auth-401-documented',
    count: 3,
    done: ['added 401: $ref #/components/responses/Unauthorized'],
  },
  {
    fixture: '401-documented-nowhere.oas2.json',
    rule: 'auth-401-documented',
    count: 2,
    done: ['added 401: $ref #/responses/Unauthorized'],
  },
  {
    fixture: '401-www-authenticate-nowhere.oas3.yaml',
    rule: 'auth-401-www-authenticate',
    count: 3,
    done: [
      'added a WWW-Authenticate header (Bearer realm="api")',
      'added a WWW-Authenticate header (Basic realm="api")',
      'added a WWW-Authenticate header (Bearer realm="api", Basic realm="api")',
    ],
  },
  {
    fixture: '401-www-authenticate-nowhere.oas2.yaml',
    rule: 'auth-401-www-authenticate',
    count: 2,
    done: ['added a WWW-Authenticate header (Bearer realm="api")'],
  },
];

/** The headers of every operation's 401 (a local `$ref` followed), from the file as written; undefined where none. */
function headersOf401s(file: string): (Json | undefined)[] {
  const data = asJson(parseYaml(readFileSync(file, 'utf8')));
  const at = (pointer: string) =>
    pointer
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => asJson(node)[key], data);
  const follow = (value: unknown): unknown => {
    const ref = asJson(value).$ref;
    return typeof ref === 'string' ? follow(at(ref)) : value;
  };
  return Object.values(asJson(data.paths)).flatMap((pathItem) =>
    Object.entries(asJson(pathItem))
      .filter(([key]) => key !== 'parameters')
      .map(([, operation]) => {
        const response = follow(asJson(asJson(operation).responses)['401']);
        return response === undefined ? undefined : asJson(asJson(response).headers);
      }),
  );
}

const RULES_401 = ['auth-401-documented', 'auth-401-www-authenticate'];

describe.each(CASES.map((c) => [c.fixture, c] as const))('fix %s', (name, expected) => {
  let file: string;
  afterAll(() => removeDirectory(join(file, '..')));

  test(`${expected.rule} reports the document once, and fix repairs what it counts; a re-lint has no 401 finding`, async () => {
    file = copyOfDocumentLevelFixture(name);
    const before = await findingsOf(expected.rule, { file });
    expect(before).toEqual([
      expect.objectContaining({ path: '', message: expect.stringContaining(` ${expected.count} `) }),
    ]);

    const report = await fix(file);
    expect(report.error).toBeUndefined();
    expect(report.written).toBe(true);
    const fixed = report.fixed.filter(({ result }) => result.code === expected.rule);
    expect(fixed).toHaveLength(1);
    expect(fixed[0].result.path).toEqual([]);
    expect(fixed[0].done.every(({ file: changed }) => basename(changed) === name)).toBe(true);
    expect([...new Set(fixed[0].done.map(({ what }) => what))].sort()).toEqual([...expected.done].sort());

    // Each operation (or distinct 401) the finding counted was repaired, not only the first.
    for (const headers of headersOf401s(file)) expect(Object.keys(headers ?? {})).toContain('WWW-Authenticate');

    const after = await lint(documentFrom({ file }));
    expect(after.filter((result) => RULES_401.includes(String(result.code))).map((result) => result.message)).toEqual(
      [],
    );
  });
});
