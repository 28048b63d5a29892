/**
 * Meta-tests: the codebase's own conventions, so that a new rule cannot ship half-done and the package keeps
 * loading everywhere Spectral runs. (The idea is IBM openapi-ruleset's, from IBM/openapi-validator.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
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

/** The modules a file loads: every `require(...)`, `import ... from` and `export ... from`, with the literal it names. */
function loadedModulesIn(code: string): { literal?: string }[] {
  const requires = [...code.matchAll(/\brequire\s*\(\s*(?:(["'])([^"'\n]*)\1\s*\))?/g)].map((match) => ({
    literal: match[2],
  }));
  const imports = [...code.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*(["'])([^"'\n]+)\1/gm)].map((match) => ({
    literal: match[2],
  }));
  const dynamicImports = [...code.matchAll(/\bimport\s*\(/g)].map(() => ({ literal: undefined }));
  return [...requires, ...imports, ...dynamicImports];
}

/** The package's code: the one ES module every entry requires. */
const CORE = 'dist/ruleset.mjs';

describe(`the built code ${CORE}`, () => {
  beforeAll(assertBuilt);

  test("imports nothing but Spectral's seven built-in packages (the loaders map only those to the host)", () => {
    const loaded = loadedModulesIn(read(CORE));
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((module) => module.literal === undefined)).toEqual([]); // a dynamic load cannot be mapped
    const imported = [...new Set(loaded.map((module) => module.literal!))];
    expect(imported.filter((id) => !SPECTRAL_BUILTINS.includes(id))).toEqual([]);
  });

  test('imports no Node built-in (the VS Code loader has none)', () => {
    const imported = loadedModulesIn(read(CORE)).map((module) => module.literal ?? '');
    const isNodeBuiltin = (id: string): boolean => id.startsWith('node:') || builtinModules.includes(id.split('/')[0]);
    expect(imported.filter(isNodeBuiltin)).toEqual([]);
  });

  test('declares every Spectral package it imports as a peer dependency', () => {
    const { peerDependencies = {} } = JSON.parse(read('package.json')) as { peerDependencies?: Record<string, string> };
    const imported = [...new Set(loadedModulesIn(read(CORE)).map((module) => module.literal ?? ''))];
    expect(imported.filter((id) => !(id in peerDependencies))).toEqual([]);
  });
});

/** Every JavaScript file the `exports` map names, as a path from the project root. */
function exportedFiles(): string[] {
  const { exports } = JSON.parse(read('package.json')) as { exports: Record<string, string | { default: string }> };
  return Object.values(exports)
    .map((target) => (typeof target === 'string' ? target : target.default))
    .filter((file) => file.endsWith('.js'))
    .map((file) => file.replace(/^\.\//, ''));
}

describe('the package entries', () => {
  beforeAll(assertBuilt);

  test('the exports map names the main, the factory and the four presets', () => {
    expect(exportedFiles().sort()).toEqual(
      [
        'dist/index.js',
        'dist/factory.js',
        'rulesets/aip-211.js',
        'rulesets/errors-in-default.js',
        'rulesets/recommended.js',
        'rulesets/strict.js',
      ].sort(),
    );
  });

  test.each(exportedFiles())("%s requires the package's one ES module and nothing else", (entry) => {
    const loaded = loadedModulesIn(read(entry));
    expect(loaded.length).toBeGreaterThan(0);
    const targets = loaded.map((module) =>
      module.literal === undefined ? '(dynamic)' : join(dirname(entry), module.literal),
    );
    expect([...new Set(targets)]).toEqual([CORE]);
  });

  test('the main is the ruleset itself (module value with rules, no `default` wrapper), as Node requires it', () => {
    // In a process of its own: jest's module registry cannot require an ES module (docs/packaging.md).
    const { main } = JSON.parse(read('package.json')) as { main: string };
    const program =
      `const ruleset = require(${JSON.stringify(join(PROJECT_ROOT, main))});` +
      'console.log(JSON.stringify({ hasDefault: "default" in ruleset, rules: Object.keys(ruleset.rules || {}) }));';
    const run = spawnSync(process.execPath, ['-e', program], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const { hasDefault, rules } = JSON.parse(run.stdout) as { hasDefault: boolean; rules: string[] };
    expect(hasDefault).toBe(false);
    expect(rules.sort()).toEqual([...RULE_NAMES].sort());
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
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', main, types, CORE, ...exportedFiles()]));
  });

  test("contains every rule's docs page", () => {
    expect(files).toEqual(expect.arrayContaining(RULE_NAMES.map((name) => `docs/rules/${name}.md`)));
  });

  test('contains no tests and no fixtures', () => {
    expect(files.filter((file) => /^(test|fixtures)\//.test(file))).toEqual([]);
  });
});
