/**
 * Meta-tests: the codebase's own conventions, so that a new rule cannot ship half-done and the package keeps
 * loading everywhere Spectral runs. (The idea is IBM openapi-ruleset's, from IBM/openapi-validator.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { createRuleset, RULES } from '../src/ruleset';
import { assertBuilt, packedFiles, PROJECT_ROOT, SPECTRAL_BUILTINS } from './helpers/pack';

/** The rule names the issue makes a public contract: renaming one breaks every user's `.spectral.yaml`. */
const PUBLIC_RULE_NAMES = [
  'auth-401-documented',
  'auth-401-www-authenticate',
  'auth-www-authenticate-scheme',
  'auth-403-documented',
  'auth-403-describes-scopes',
  'auth-404-protected-item',
  'auth-no-404-collection',
  'auth-401-without-security',
  'auth-401-misused-for-permissions',
  'auth-403-misused-for-authentication',
  'auth-exception-invalid',
];

const RULE_NAMES = RULES.map((rule) => rule.name);

interface RuleDefinition {
  documentationUrl?: string;
  given: string | string[];
}
const { rules: definitions } = createRuleset() as { rules: Record<string, RuleDefinition> };

const exists = (path: string): boolean => existsSync(join(PROJECT_ROOT, path));
const read = (path: string): string => readFileSync(join(PROJECT_ROOT, path), 'utf8');

/** The README's table rows (lines that start with `|`) that link the rule's docs page. */
function readmeRowsLinking(ruleName: string): string[] {
  const link = new RegExp(`\\]\\((\\./)?docs/rules/${ruleName}\\.md(#[^)]*)?\\)`);
  return read('README.md')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('|') && link.test(line));
}

test('the rule table has exactly the eleven public rule names', () => {
  expect([...RULE_NAMES].sort()).toEqual([...PUBLIC_RULE_NAMES].sort());
});

// Both ways: a file without a rule, and a rule without its file src/rules/<name>.ts, fail here.
test('the files in src/rules/ are the rules of the table, one each', () => {
  const files = readdirSync(join(PROJECT_ROOT, 'src/rules')).filter((file) => file.endsWith('.ts'));
  expect(files.map((file) => file.replace(/\.ts$/, '')).sort()).toEqual([...RULE_NAMES].sort());
});

// Checked once for the whole ruleset: every rule's `given` is built in one place (createRuleset).
test('no rule selects with a recursive `..` in given', () => {
  const givens = Object.values(definitions).flatMap((definition) => [definition.given].flat());
  expect(givens.length).toBeGreaterThanOrEqual(RULE_NAMES.length);
  expect(givens.filter((given) => given.includes('..'))).toEqual([]);
});

describe.each(RULE_NAMES)('rule %s', (name) => {
  test(`has its docs page docs/rules/${name}.md`, () => {
    expect(exists(`docs/rules/${name}.md`)).toBe(true);
  });

  test(`has its test file test/rules/${name}.test.ts`, () => {
    expect(exists(`test/rules/${name}.test.ts`)).toBe(true);
  });

  test(`has one README table row, linking docs/rules/${name}.md under the rule's name`, () => {
    const rows = readmeRowsLinking(name);
    expect(rows).toHaveLength(1);
    // Finding the row already checks the link's target; what a reader sees of it is the link text.
    expect(rows[0]).toMatch(new RegExp(`\\[${name}\\]\\((\\./)?docs/rules/${name}\\.md`));
  });

  test(`has a documentationUrl ending in docs/rules/${name}.md`, () => {
    expect(definitions[name].documentationUrl).toMatch(new RegExp(`^https://.+/docs/rules/${name}\\.md$`));
  });
});

/** The modules a CommonJS bundle loads: every `require(...)` call, with the literal it names (none if dynamic). */
function requireCallsIn(code: string): { literal?: string }[] {
  return [...code.matchAll(/\brequire\s*\(\s*(?:(["'])([^"'\n]*)\1\s*\))?/g)].map((match) => ({ literal: match[2] }));
}

describe.each(['dist/index.js', 'dist/factory.js'])('the built bundle %s', (bundle) => {
  beforeAll(assertBuilt);

  test("requires nothing but Spectral's seven built-in packages (the loaders map only those to the host)", () => {
    const calls = requireCallsIn(read(bundle));
    expect(calls.filter((call) => call.literal === undefined)).toEqual([]); // a dynamic require cannot be mapped
    const required = [...new Set(calls.map((call) => call.literal!))];
    expect(required.filter((id) => !SPECTRAL_BUILTINS.includes(id))).toEqual([]);
  });

  test('requires no Node built-in (the VS Code loader has none)', () => {
    const required = requireCallsIn(read(bundle)).map((call) => call.literal ?? '');
    const isNodeBuiltin = (id: string): boolean => id.startsWith('node:') || builtinModules.includes(id.split('/')[0]);
    expect(required.filter(isNodeBuiltin)).toEqual([]);
  });

  test('declares every Spectral package it requires as a peer dependency', () => {
    const { peerDependencies = {} } = JSON.parse(read('package.json')) as { peerDependencies?: Record<string, string> };
    const required = [...new Set(requireCallsIn(read(bundle)).map((call) => call.literal ?? ''))];
    expect(required.filter((id) => !(id in peerDependencies))).toEqual([]);
  });
});

describe('the package main', () => {
  beforeAll(assertBuilt);

  test('is the ruleset itself (module value with rules, no `default` wrapper), built from this source', () => {
    const { main } = JSON.parse(read('package.json')) as { main: string };
    const ruleset = require(join(PROJECT_ROOT, main)) as { rules?: Record<string, unknown>; default?: unknown };
    expect(ruleset.default).toBeUndefined();
    expect(Object.keys(ruleset.rules ?? {}).sort()).toEqual([...RULE_NAMES].sort());
  });
});

describe('the packed tarball (npm pack --dry-run)', () => {
  let files: string[];
  beforeAll(() => {
    assertBuilt();
    files = packedFiles();
  });

  test('contains the package main, its types, and the README', () => {
    const { main, types } = JSON.parse(read('package.json')) as { main: string; types: string };
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', main, types, 'dist/factory.js']));
  });

  test("contains every rule's docs page", () => {
    expect(files).toEqual(expect.arrayContaining(RULE_NAMES.map((name) => `docs/rules/${name}.md`)));
  });

  test('contains no tests and no fixtures', () => {
    expect(files.filter((file) => /^(test|fixtures)\//.test(file))).toEqual([]);
  });
});
