/**
 * The package as a maintainer releases it: a fresh clone of this repository's last commit, `npm ci`, then
 * `npm pack` and `npm publish --dry-run` with npm's lifecycle scripts, nothing built by hand. The tarball must carry
 * the built code (the `prepack` script builds it), every entry point its `exports` map names, and no type
 * declarations without the JavaScript they describe; installed into a fresh project, it lints.
 *
 * It tests the last commit (what a clone gets), not uncommitted changes. `npm ci` and the install read only npm's
 * cache (`--offline`), which the project's own `npm ci` has filled: no network.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_RULES_DOCUMENT, ALL_RULES_FINDINGS, comparable, lintWithSetRuleset } from '../helpers/integration';
import { npm, PROJECT_ROOT } from '../helpers/pack';

type ExportTarget = string | { types?: string; default: string };

let workspace: string;
let clone: string;
let packedFiles: string[];
let tarball: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'spectral-auth-responses-clone-'));
  clone = join(workspace, 'clone');
  execFileSync('git', ['clone', '--quiet', '--local', PROJECT_ROOT, clone]);
  npm(['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], clone);
  const [pack] = JSON.parse(npm(['pack', '--json', '--pack-destination', workspace], clone)) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = join(workspace, pack.filename);
  packedFiles = pack.files.map((file) => file.path);
}, 600_000);

afterAll(() => {
  if (workspace !== undefined) rmSync(workspace, { recursive: true, force: true });
});

type Manifest = { main: string; bin: Record<string, string>; exports: Record<string, ExportTarget> };
const manifest = (): Manifest => JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as Manifest;

const withoutDot = (path: string): string => path.replace(/^\.\//, '');

describe('npm pack on a fresh clone after npm ci', () => {
  test('the tarball carries the built main, bin and every file the exports map names', () => {
    const { main, bin, exports } = manifest();
    const named = Object.values(exports).flatMap((target) =>
      typeof target === 'string' ? [target] : [target.default, ...(target.types ? [target.types] : [])],
    );
    for (const file of [main, ...Object.values(bin), ...named].map(withoutDot)) expect(packedFiles).toContain(file);
    expect(packedFiles).toContain('dist/ruleset.mjs');
  });

  test('the exports map names the public entry points', () => {
    expect(Object.keys(manifest().exports).sort()).toEqual(
      [
        '.',
        './factory',
        './package.json',
        './rulesets/aip-211',
        './rulesets/errors-in-default',
        './rulesets/recommended',
        './rulesets/strict',
      ].sort(),
    );
  });

  test('every type declaration describes JavaScript the tarball ships', () => {
    const { exports } = manifest();
    const declaredFor = new Map(
      Object.values(exports)
        .filter((target): target is { types: string; default: string } => typeof target !== 'string' && !!target.types)
        .map((target) => [withoutDot(target.types), withoutDot(target.default)]),
    );
    const declarations = packedFiles.filter((file) => file.endsWith('.d.ts'));
    expect(declarations.length).toBeGreaterThan(0);
    for (const declaration of declarations) {
      expect({ declaration, describes: declaredFor.get(declaration) }).toEqual({
        declaration,
        describes: expect.any(String),
      });
      expect(packedFiles).toContain(declaredFor.get(declaration));
    }
  });

  test('no shipped code evaluates code from a string', () => {
    const unpacked = join(workspace, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
    const code = packedFiles.filter((file) => /\.(c|m)?js$/.test(file));
    expect(code.length).toBeGreaterThan(0);
    const evaluating = code.filter((file) => /\b(eval|Function)\s*\(/.test(readFileSync(join(unpacked, file), 'utf8')));
    expect(evaluating).toEqual([]);
  });

  test('installed into a fresh project, the package lints', () => {
    const consumer = join(workspace, 'consumer');
    mkdirSync(consumer);
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
    );
    npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], consumer);
    expect(lintWithSetRuleset(consumer, 'spectral-auth-responses', ALL_RULES_DOCUMENT)).toEqual(
      comparable(ALL_RULES_FINDINGS),
    );
  });
});

describe('npm publish on a fresh clone', () => {
  test('builds before it packs: dist/ is there even when nothing built it', () => {
    rmSync(join(clone, 'dist'), { recursive: true, force: true });
    const [published] = Object.values(
      JSON.parse(npm(['publish', '--dry-run', '--json'], clone)) as Record<string, { files: { path: string }[] }>,
    );
    expect(published.files.map((file) => file.path)).toEqual(
      expect.arrayContaining(['dist/index.js', 'dist/ruleset.mjs', 'dist/factory.js', 'dist/cli.js']),
    );
    expect(existsSync(join(clone, 'dist/ruleset.mjs'))).toBe(true);
  });
});
