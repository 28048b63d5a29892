import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { FixReport, REPAIRABLE_RULES, REPAIRS, unifiedDiff } from '../../src/fix';
import { fixture } from '../helpers/lint';
import {
  copyOfFixtures,
  fix,
  hunksBetween,
  isContainedIn,
  lintLines,
  linesOf,
  patched,
  removeDirectory,
  strayFiles,
} from './helpers';

/**
 * Each fixture through `fixDocument` and the real engine: what is repaired, what is left, and the guarantees
 * (lint agrees, a second run changes nothing, bytes outside the edits are untouched, layout is kept).
 */
interface Case {
  fixture: string;
  /** `rule path` of every finding repaired. */
  fixed: string[];
  /** Rules whose findings are left for a person. */
  left: string[];
  notes: string[];
}

const CASES: Case[] = [
  {
    fixture: 'calls.oas30.yaml',
    fixed: [
      'auth-401-documented paths./calls/{callId}.delete.responses',
      'auth-401-documented paths./calls/{callId}.get.responses',
      'auth-401-documented paths./calls/{callId}/transcript.get.responses',
      'auth-401-www-authenticate paths./calls.get.responses.401',
      'auth-403-describes-scopes paths./calls/{callId}.get.responses.403',
      'auth-403-documented paths./calls.get.responses',
      'auth-403-documented paths./calls/{callId}.delete.responses',
      'auth-404-protected-item paths./calls/{callId}.delete.responses',
      'auth-404-protected-item paths./calls/{callId}.get.responses',
    ],
    left: ['auth-403-describes-scopes', 'auth-no-404-collection'],
    notes: [
      'created #/components/responses/Unauthorized',
      'created #/components/responses/Forbidden',
      'created #/components/responses/NotFound',
    ],
  },
  {
    fixture: 'calls.oas30.json',
    fixed: [
      'auth-401-documented paths./calls.get.responses',
      'auth-401-documented paths./calls/{callId}.delete.responses',
      'auth-401-documented paths./calls/{callId}.put.responses',
      'auth-401-www-authenticate paths./calls/{callId}.get.responses.401',
      'auth-404-protected-item paths./calls/{callId}.delete.responses',
      'auth-404-protected-item paths./calls/{callId}.get.responses',
    ],
    left: ['auth-no-404-collection'],
    notes: ['created #/components/responses/Unauthorized', 'created #/components/responses/NotFound'],
  },
  {
    fixture: 'calls.oas31.yaml',
    fixed: [
      'auth-401-documented paths./calls/{callId}.put.responses',
      'auth-401-www-authenticate components.responses.Unauthorized',
      // No operation documents a 404: one document-level finding, repaired on each operation it counts.
      'auth-404-protected-item ',
    ],
    // Spectral's parser reports the fixture's number keys (`200:`); the fixer adds none (it writes `'401':`).
    left: ['parser', 'parser', 'parser', 'parser'],
    notes: [
      'reused #/components/responses/Unauthorized (it says the same)',
      '#/components/responses/NotFound exists and says something else: created #/components/responses/NotFound2',
    ],
  },
  {
    fixture: 'calls.oas31.json',
    fixed: [
      'auth-401-documented paths./calls/{callId}.get.responses',
      'auth-403-describes-scopes paths./calls/{callId}.get.responses.403',
      'auth-404-protected-item paths./calls/{callId}.get.responses',
    ],
    left: [],
    notes: ['created #/components/responses/Unauthorized', 'created #/components/responses/NotFound'],
  },
  {
    fixture: 'calls.oas2.yaml',
    fixed: [
      'auth-401-documented paths./reports.get.responses',
      'auth-401-www-authenticate paths./calls/{callId}.get.responses.401',
      'auth-403-describes-scopes paths./calls/{callId}.get.responses.403',
      'auth-403-describes-scopes paths./reports.get.responses.403',
      'auth-404-protected-item paths./calls/{callId}.get.responses',
    ],
    left: ['parser', 'parser', 'parser', 'parser', 'parser'],
    notes: ['created #/responses/Unauthorized', 'created #/responses/NotFound'],
  },
  {
    fixture: 'calls.oas2.json',
    fixed: [
      'auth-401-documented paths./calls/{callId}.get.responses',
      'auth-404-protected-item paths./calls/{callId}.get.responses',
    ],
    left: [],
    notes: ['reused #/responses/Unauthorized (it says the same)', 'created #/responses/NotFound'],
  },
];

test('the command lists exactly the rules that have a repair', () => {
  expect([...REPAIRABLE_RULES].sort()).toEqual(REPAIRS.map((repair) => repair.rule).sort());
});

let directory: string;
beforeAll(() => {
  directory = copyOfFixtures();
});
afterAll(() => removeDirectory(directory));

describe.each(CASES.map((c) => [c.fixture, c] as const))('fix %s', (name, expected) => {
  let file: string;
  let before: string;
  let lintBefore: string[];
  let report: FixReport;
  let after: string;

  beforeAll(async () => {
    file = join(directory, name);
    before = readFileSync(file, 'utf8');
    lintBefore = await lintLines(file);
    report = await fix(file);
    after = readFileSync(file, 'utf8');
  });

  test('repairs the findings that have one right repair, and says what is left', () => {
    expect(report.error).toBeUndefined();
    expect(report.written).toBe(true);
    expect(report.fixed.map(({ result }) => `${result.code} ${result.path.join('.')}`).sort()).toEqual(expected.fixed);
    expect(report.left.map(({ result }) => String(result.code)).sort()).toEqual(expected.left);
    expect(report.notes).toEqual(expected.notes);
    expect(lintBefore).toEqual(linesOf([...report.fixed, ...report.left].map(({ result }) => result)));
  });

  test('after fix, the real engine reports exactly what was left: none of the repaired findings, nothing new', async () => {
    expect(await lintLines(file)).toEqual(linesOf(report.left.map(({ result }) => result)));
  });

  test('a second run changes nothing', async () => {
    const second = await fix(file);
    expect(second.changes).toEqual([]);
    expect(second.fixed).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  test('every changed line lies at an intended edit, and only adds text (bytes around it are identical)', () => {
    const [change] = report.changes;
    expect(change.path).toBe(file);
    const lineOf = (offset: number) => before.slice(0, offset).split('\n').length - 1;
    const hunks = hunksBetween(before, after);
    expect(hunks.length).toBeGreaterThan(0);
    for (const hunk of hunks) {
      const slack = hunk.added.length; // diff may slide an insertion along identical lines
      const atAnEdit = change.edits.some(
        (edit) => hunk.from - slack <= lineOf(edit.end) + 1 && hunk.from + hunk.count + slack >= lineOf(edit.start),
      );
      expect(atAnEdit).toBe(true);
      // What the hunk removed is still there, in order, in what it added: text was only inserted.
      expect(isSubsequence(hunk.removed.join('\n'), hunk.added.join('\n'))).toBe(true);
    }
  });

  test('the data only gains entries', () => {
    const data = (text: string): unknown => (name.endsWith('.json') ? JSON.parse(text) : parseYaml(text));
    expect(isContainedIn(data(before), data(after))).toBe(true);
  });

  test('comments, anchors, aliases, line ends and the final newline stay as they were', () => {
    const kept = (text: string) => text.split('\n').filter((line) => /^\s*#|&\w+|\*\w+/.test(line));
    expect(kept(after)).toEqual(kept(before));
    expect(after.endsWith('\n')).toBe(before.endsWith('\n'));
    if (before.includes('\r\n'))
      expect(
        after
          .split('\n')
          .slice(0, -1)
          .every((line) => line.endsWith('\r')),
      ).toBe(true);
  });
});

function isSubsequence(part: string, whole: string): boolean {
  let at = 0;
  for (const character of whole) if (at < part.length && part[at] === character) at++;
  return at === part.length;
}

describe('fix keeps the layout of inserted text like its neighbours', () => {
  test('JSON: the file indentation (spaces or tabs) on every added line', async () => {
    const dir = copyOfFixtures();
    try {
      for (const [name, unit] of [
        ['calls.oas30.json', '  '],
        ['calls.oas31.json', '\t'],
        ['calls.oas2.json', '    '],
      ] as const) {
        const file = join(dir, name);
        const before = readFileSync(file, 'utf8');
        await fix(file);
        const added = hunksBetween(before, readFileSync(file, 'utf8')).flatMap((hunk) => hunk.added);
        expect(added.length).toBeGreaterThan(0);
        for (const line of added) expect(new RegExp(`^(${unit})*\\S`).test(line)).toBe(true);
      }
      // Between two members whose comma ends the line, a member is whole new lines: its neighbours stay as they are.
      const before = readFileSync(fixture('fix/calls.oas30.json'), 'utf8');
      expect(hunksBetween(before, readFileSync(join(dir, 'calls.oas30.json'), 'utf8'))).toContainEqual({
        from: 29,
        count: 0,
        removed: [],
        added: ['          "401": {', '            "$ref": "#/components/responses/Unauthorized"', '          },'],
      });
    } finally {
      removeDirectory(dir);
    }
  });

  test('YAML: the quote the file prefers, flow style beside flow entries, block sequences indented like the file', async () => {
    const dir = copyOfFixtures();
    try {
      const oas30 = join(dir, 'calls.oas30.yaml');
      await fix(oas30);
      const text = readFileSync(oas30, 'utf8');
      expect(text).toContain(`        '401':\n          $ref: '#/components/responses/Unauthorized'\n`);
      // Before the first entry, above the comment that belongs to it.
      expect(text).toContain(
        `      responses:\n        '401': { $ref: '#/components/responses/Unauthorized' }\n        # Said before the first entry: it stays with it.\n        '404':`,
      );
      expect(text).toContain(
        `      responses: { '204': { description: Deleted }, '401': { $ref: '#/components/responses/Unauthorized' }, '403': { $ref: '#/components/responses/Forbidden' }, '404': { $ref: '#/components/responses/NotFound' } }\n`,
      );
      const oas31 = join(dir, 'calls.oas31.yaml');
      await fix(oas31);
      // Four-space indentation, as the file's own.
      expect(readFileSync(oas31, 'utf8')).toContain(
        `            description: No valid credentials\n            headers:\n                WWW-Authenticate:\n                    description: `,
      );
      const oas2 = join(dir, 'calls.oas2.yaml');
      await fix(oas2);
      expect(readFileSync(oas2, 'utf8')).toContain(
        `        enum:\n          - Bearer realm="api"\n          - Basic realm="api"\n`,
      );
    } finally {
      removeDirectory(dir);
    }
  });
});

describe('fix --dry-run', () => {
  test.each(CASES.map((c) => c.fixture))(
    '%s: writes nothing, and its diff turns the old text into the new one (patch)',
    async (name) => {
      const dir = copyOfFixtures();
      try {
        const file = join(dir, name);
        const before = readFileSync(file, 'utf8');
        const report = await fix(file, { dryRun: true });
        expect(report.written).toBe(false);
        expect(readFileSync(file, 'utf8')).toBe(before);
        const [change] = report.changes;
        const diff = unifiedDiff(change.before, change.edits, { from: `a/${name}`, to: `b/${name}` });
        expect(diff.startsWith(`--- a/${name}\n+++ b/${name}\n@@ `)).toBe(true);
        expect(patched(before, diff)).toBe(change.after);
      } finally {
        removeDirectory(dir);
      }
    },
  );
});

describe('fix options', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyOfFixtures();
  });
  afterEach(() => removeDirectory(dir));

  test('rules: only the findings of the named rules are repaired; the others are left, saying why', async () => {
    const file = join(dir, 'calls.oas30.yaml');
    const report = await fix(file, { rules: ['auth-401-documented'] });
    expect(new Set(report.fixed.map(({ result }) => result.code))).toEqual(new Set(['auth-401-documented']));
    const notSelected = report.left.filter(({ reason }) => reason === 'not among the rules selected with --rules');
    expect(new Set(notSelected.map(({ result }) => result.code))).toEqual(
      new Set([
        'auth-401-www-authenticate',
        'auth-403-describes-scopes',
        'auth-403-documented',
        'auth-404-protected-item',
        'auth-no-404-collection',
      ]),
    );
    expect(report.notes).toEqual(['created #/components/responses/Unauthorized']);
    expect(await lintLines(file)).toEqual(linesOf(report.left.map(({ result }) => result)));
  });

  test('removeCollection404: without it the 404 of a listing is left, saying how; with it, its lines are removed', async () => {
    const file = join(dir, 'calls.oas30.yaml');
    const without = await fix(file, { dryRun: true });
    expect(without.left.find(({ result }) => result.code === 'auth-no-404-collection')?.reason).toContain(
      '--remove-collection-404',
    );

    const before = readFileSync(file, 'utf8');
    const report = await fix(file, { rules: ['auth-no-404-collection'], removeCollection404: true });
    expect(report.fixed.map(({ result }) => result.code)).toEqual(['auth-no-404-collection']);
    expect(hunksBetween(before, readFileSync(file, 'utf8'))).toEqual([
      {
        from: 24,
        count: 1,
        removed: ["        '404': { description: No calls }   # a collection never 404s"],
        added: [],
      },
    ]);
    expect((await lintLines(file)).filter((line) => line.startsWith('auth-no-404-collection'))).toEqual([]);
  });

  test('removeCollection404 in JSON removes the member and the comma before it', async () => {
    const file = join(dir, 'calls.oas30.json');
    const before = readFileSync(file, 'utf8');
    await fix(file, { rules: ['auth-no-404-collection'], removeCollection404: true });
    const after = readFileSync(file, 'utf8');
    type Paths = { paths: Record<string, { get: { responses: Record<string, unknown> } }> };
    const responses = (text: string) => (JSON.parse(text) as Paths).paths['/calls'].get.responses;
    expect(responses(after)).toEqual({ '200': responses(before)['200'] });
    for (const hunk of hunksBetween(before, after))
      expect(isSubsequence(hunk.added.join('\n'), hunk.removed.join('\n'))).toBe(true);
    expect(await lintLines(file)).not.toContainEqual(expect.stringMatching(/^auth-no-404-collection/));
  });
});

describe('fix across files', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyOfFixtures();
  });
  afterEach(() => removeDirectory(dir));

  test("edits a $ref'd file where the fix belongs: the shared 401 in its file, the operation in its path item file", async () => {
    const file = join(dir, 'split/openapi.yaml');
    const report = await fix(file);
    expect(report.left).toEqual([]);
    expect(report.changes.map((change) => change.path.slice(dir.length + 1)).sort()).toEqual([
      'split/openapi.yaml',
      'split/paths/call.yaml',
      'split/responses.yaml',
    ]);
    expect(readFileSync(join(dir, 'split/paths/call.yaml'), 'utf8')).toContain(
      // The file quotes nothing, so neither does the fix: a plain scalar may hold `#` when no space precedes it.
      `    '401': { $ref: ../openapi.yaml#/components/responses/Unauthorized }\n`,
    );
    expect(readFileSync(join(dir, 'split/responses.yaml'), 'utf8')).toContain('  headers:\n    WWW-Authenticate:\n');
    expect(await lintLines(file)).toEqual([]);
    expect((await fix(file)).changes).toEqual([]);
  });

  test('never edits a file outside the allowed directories, and says so', async () => {
    const file = join(dir, 'outside/api/openapi.yaml');
    const shared = join(dir, 'outside/shared/responses.yaml');
    const before = readFileSync(shared, 'utf8');
    const report = await fix(file);
    expect(report.fixed).toEqual([]);
    expect(report.left.map(({ reason }) => reason)).toEqual([
      expect.stringContaining('is outside the allowed directory'),
    ]);
    expect(readFileSync(shared, 'utf8')).toBe(before);

    const allowed = await fix(file, { allowedDirectories: [join(dir, 'outside/shared')] });
    expect(allowed.fixed.map(({ result }) => result.code)).toEqual(['auth-401-www-authenticate']);
    expect(readFileSync(shared, 'utf8')).toContain('WWW-Authenticate');
  });

  test('leaves a map that YAML aliases repeat (editing it would change every place that repeats it)', async () => {
    const file = join(dir, 'anchored-responses.oas30.yaml');
    const before = readFileSync(file, 'utf8');
    const report = await fix(file);
    expect(report.fixed).toEqual([]);
    expect(report.left.map(({ reason }) => reason)).toEqual([
      expect.stringContaining('is a YAML anchor (&listing) that aliases repeat elsewhere'),
      expect.stringContaining('is a YAML alias (*listing)'),
    ]);
    expect(report.changes).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('fix never writes what does not parse', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyOfFixtures();
  });
  afterEach(() => removeDirectory(dir));

  test('a document that does not parse is reported with its place, and left as it is', async () => {
    const file = join(dir, 'broken.oas30.yaml');
    const before = readFileSync(file, 'utf8');
    const report = await fix(file);
    expect(report.error).toEqual({
      file: expect.stringMatching(/broken\.oas30\.yaml$/),
      line: expect.any(Number),
      column: expect.any(Number),
      reason: expect.stringMatching(/\S/),
    });
    expect(report.written).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(strayFiles(dir)).toEqual([]);
  });

  test('a JSON file with a syntax error is never written, even when YAML could read it', async () => {
    const file = join(dir, 'calls.oas30.json');
    const text = readFileSync(file, 'utf8').replace('"openapi": "3.0.3",', '"openapi": "3.0.3",,');
    writeFileSync(file, text);
    const report = await fix(file);
    expect(report.error).toEqual({
      file: expect.stringMatching(/calls\.oas30\.json$/),
      reason: expect.stringContaining('not valid JSON'),
    });
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  test('a written file keeps its permissions, and no temporary file is left behind', async () => {
    const file = join(dir, 'calls.oas30.yaml');
    chmodSync(file, 0o640);
    await fix(file);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(strayFiles(dir)).toEqual([]);
  });
});
