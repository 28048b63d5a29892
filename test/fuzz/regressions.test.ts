import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/lint';
import { FuzzCase, lintProblemsOf } from './property';

/**
 * Every failure the fuzzers found, shrunk to a small document (fixtures/robustness/README.md tells the story).
 * `reports` lists rule codes that must still report on it: the fix made the rule total, not silent.
 */
const REGRESSIONS: { file: string; found: string; reports: string[] }[] = [
  {
    file: 'null-401-response.json',
    found: 'auth-401-misused-for-permissions read the description of a 401 written without a value (`401:` is null)',
    // The operation is not secured: its 401 is auth-401-without-security's finding (no challenge is asked for).
    reports: ['auth-401-without-security'],
  },
  {
    file: 'null-403-response.json',
    found: 'auth-403-misused-for-authentication read the description of a 403 written without a value',
    reports: [],
  },
];

/**
 * Documents on which Spectral itself fails before any rule runs (with an empty ruleset too): not this ruleset's
 * bugs, and not fixable in it, but the fuzz property must tell them apart from ours. Stored as `.txt` so that the
 * tests that lint every fixture do not trip over them. When Spectral fixes one, its test here fails: then move
 * it to REGRESSIONS, and update docs/robustness.md.
 */
const UPSTREAM: { file: string; format: 'json' | 'yaml'; rejection: string }[] = [
  {
    file: 'upstream/has-own-property-key.json.txt',
    format: 'json',
    rejection: 'target.hasOwnProperty is not a function',
  },
  { file: 'upstream/proto-key-with-scalar-value.yaml.txt', format: 'yaml', rejection: "'ownKeys' on proxy" },
];

function caseOf(file: string, format: 'json' | 'yaml'): FuzzCase {
  const path = join(FIXTURES, 'robustness', file);
  return { origin: file, format, at: path.replace(/\.txt$/, ''), text: readFileSync(path, 'utf8') };
}

test.each(REGRESSIONS)('$file: no rule throws (found: $found)', async ({ file, reports }) => {
  const outcome = await lintProblemsOf(caseOf(file, 'json'));
  expect(outcome.problems).toEqual([]);
  expect(outcome.upstreamRejection).toBeUndefined();
  expect([...outcome.codes]).toEqual(expect.arrayContaining(reports));
});

test.each(UPSTREAM)(
  '$file: Spectral itself rejects it, with or without this ruleset',
  async ({ file, format, rejection }) => {
    const outcome = await lintProblemsOf(caseOf(file, format));
    expect(outcome.problems).toEqual([]);
    expect(outcome.upstreamRejection).toContain(rejection);
  },
);

/**
 * A 403 body nested `depth` levels deep, alternating allOf, oneOf and properties, the scope property at the bottom.
 * Written as text: JSON.stringify itself runs out of stack on such a value.
 */
function deeplyNested(depth: number): FuzzCase {
  let schema = '{"type":"object","properties":{"missing_scopes":{"type":"array"}}}';
  for (let level = 0; level < depth; level++) {
    schema = [`{"allOf":[${schema}]}`, `{"oneOf":[${schema}]}`, `{"type":"object","properties":{"inner":${schema}}}`][
      level % 3
    ];
  }
  const text = `{"openapi":"3.1.0","info":{"title":"deep","version":"1"},"security":[{"oauth":["calls:read"]}],
    "paths":{"/calls":{"get":{"responses":{"200":{"description":"ok"},"401":{"description":"no token"},
    "403":{"description":"no","content":{"application/json":{"schema":${schema}}}}}}}},
    "components":{"securitySchemes":{"oauth":{"type":"oauth2","flows":{}}}}}`;
  return { origin: `nesting ${depth} deep`, format: 'json', at: join(FIXTURES, 'robustness', 'deep.json'), text };
}

test('the rules handle nesting as deep as Spectral itself can (500 levels), and Spectral fails alone beyond', async () => {
  const deepest = await lintProblemsOf(deeplyNested(500));
  expect(deepest.problems).toEqual([]);
  expect(deepest.upstreamRejection).toBeUndefined();
  expect([...deepest.codes]).toContain('auth-401-www-authenticate');
  const tooDeep = await lintProblemsOf(deeplyNested(5000));
  expect(tooDeep.problems).toEqual([]);
  expect(tooDeep.upstreamRejection).toContain('Maximum call stack size exceeded');
});

test('every document in fixtures/robustness is in one of the tables', () => {
  const listed = [...REGRESSIONS.map((r) => r.file), ...UPSTREAM.map((u) => u.file)];
  const present = readdirSync(join(FIXTURES, 'robustness'))
    .filter((name) => /\.(json|ya?ml)$/.test(name))
    .concat(
      readdirSync(join(FIXTURES, 'robustness', 'upstream'))
        .filter((n) => n.endsWith('.txt'))
        .map((n) => `upstream/${n}`),
    );
  expect(present.sort()).toEqual(listed.sort());
});

test('the files that fuzzed documents reference never lead back into the referencing document', () => {
  // Spectral's resolver does not finish on a cycle that leaves a document and returns to it
  // (fixtures/robustness/upstream/cross-file-cycle): a fuzz case must not be able to build one.
  const shared = join(FIXTURES, 'robustness', 'shared');
  for (const name of readdirSync(shared).filter((n) => n.endsWith('.yaml'))) {
    const refs = [...readFileSync(join(shared, name), 'utf8').matchAll(/\$ref["']?\s*:\s*["']?([^"'\s,}]*)/g)].map(
      (m) => m[1],
    );
    expect(refs.filter((ref) => !ref.startsWith('#') && !ref.startsWith('./'))).toEqual([]);
  }
});
