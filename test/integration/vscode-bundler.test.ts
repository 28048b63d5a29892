/**
 * The Spectral VS Code extension loading a `.spectral.yaml` that extends this package, reproduced offline.
 *
 * What the extension (v1.1.4: spectral-core 1.19.4, ruleset-bundler 1.6.1) does, in stoplightio/vscode-spectral
 * server/src/linter.ts (`Linter.loadRuleset`, called from server/src/server.ts with `{ fs, fetch }`):
 *  1. `migrateRuleset(".spectral.yaml", { format: 'esm', fs, fetch })` turns the YAML into an ES module. An `extends`
 *     entry that names a package is resolved with Node's `require.resolve` from the ruleset's folder, so the module
 *     imports our `main` (dist/index.js) by absolute path; `spectral:oas` becomes an import of
 *     @stoplight/spectral-rulesets.
 *  2. rollup 2.79 bundles it: the `stdin` plugin serves the migrated module as `<folder>/.spectral.js`, then the
 *     bundler's `runtime` preset (builtins: the seven @stoplight/spectral-* packages become reads of the extension's
 *     own copies from a globalThis registry; skypack: any other bare import becomes a https://cdn.skypack.dev URL;
 *     url: fetches URLs; virtualFs: reads relative and absolute paths exactly as written, through `fs`), then
 *     @rollup/plugin-commonjs; no tree-shaking; output format `iife`.
 *  3. It evaluates `Function("return " + code)()` and wraps the value in `new Ruleset(value, { severity: 'recommended', source })`.
 *  4. It lints with `spectral.run(new Document(text, Parsers.Yaml, path), { ignoreUnknownFormat: true })`.
 *
 * The same here: steps 1 to 4 with the same plugins and options; ruleset-bundler 1.6.1 with the rollup and
 * ruleset-migrator it depends on; the package exactly as `npm pack` ships it, unpacked into a workspace's
 * node_modules (without its dependencies: the extension cannot use them anyway).
 * Not the same:
 *  - spectral-core is this project's 1.24.1, not the extension's 1.19.4 (the test stays offline, and only 1.24.1 is installed);
 *  - `fetch` rejects every request: a bundle that needs the CDN fails here at once, where the extension would fail
 *    only when offline (and otherwise run a dependency version that skypack picked, not ours);
 *  - the code runs in a fresh `vm` context holding only the builtins registry, not in the language server's global
 *    scope: `require`, `module`, `process`, `Buffer` are all undefined here. The extension has no `require` or `module`
 *    there either; its Node process does have `process` and `Buffer` as globals, so this is stricter (as a browser host is);
 *  - no language server and no editor buffers: documents are read from disk, with Spectral's default `$ref` resolver.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import * as vm from 'node:vm';
import type { Plugin, RollupWarning } from 'rollup';
import type * as SpectralCore from '@stoplight/spectral-core';
import {
  ALL_RULES_DOCUMENT,
  ALL_RULES_FINDINGS,
  comparable,
  ERROR,
  integrationFixture,
  PRESETS,
  presetFindings,
  WARN,
  writeSpectralYaml,
} from '../helpers/integration';
import { packProject } from '../helpers/pack';

// The extension's loader, from ruleset-bundler 1.6.1 and the rollup and ruleset-migrator it depends on.
// Loaded with jest's `require` (not `import`): the bundler's subpath exports have no type declarations for `node` resolution.
const bundlerFolder = dirname(require.resolve('@stoplight/spectral-ruleset-bundler'));
const fromBundler = (id: string): string => require.resolve(id, { paths: [bundlerFolder] });
type IO = { fs: typeof fs; fetch: (url: string) => Promise<never> };
const { runtime } = require(fromBundler('@stoplight/spectral-ruleset-bundler/presets/runtime')) as {
  runtime: (io: IO) => Plugin[];
};
const { commonjs } = require(fromBundler('@stoplight/spectral-ruleset-bundler/plugins/commonjs')) as {
  commonjs: () => Plugin;
};
const { stdin } = require(fromBundler('@stoplight/spectral-ruleset-bundler/plugins/stdin')) as {
  stdin: (input: string, name: string) => Plugin;
};
const { migrateRuleset } = require(fromBundler('@stoplight/spectral-ruleset-migrator')) as {
  migrateRuleset: (file: string, options: { format: 'esm' } & IO) => Promise<string>;
};
const { rollup } = require(fromBundler('rollup')) as typeof import('rollup');
// The host's Spectral: the copy the builtins plugin hands to the bundle.
const { Document, Ruleset, Spectral } = require(fromBundler('@stoplight/spectral-core')) as typeof SpectralCore;
const { Yaml } = require(fromBundler('@stoplight/spectral-parsers')) as typeof import('@stoplight/spectral-parsers');

/** Where the builtins plugin registers the host's Spectral packages for the bundle to read. */
const BUILTINS_REGISTRY = Symbol.for('@stoplight-spectral/builtins');

/** The extension's `io`, offline: any fetch (skypack, a URL ruleset) fails and says what was asked for. */
const OFFLINE_IO: IO = {
  fs,
  fetch: (url: string) => Promise.reject(new Error(`this test is offline; the bundle asked for ${url}`)),
};

interface LoadedRuleset {
  ruleset: SpectralCore.Ruleset;
  /** Files the bundle read from disk (what the extension watches for changes). */
  files: string[];
  /** Every module in the bundle, files and virtual ones. */
  modules: string[];
  warnings: string[];
}

/** `Linter.loadRuleset` of the extension, step by step; evaluation in a context without Node's globals. */
async function loadRulesetLikeTheExtension(spectralYaml: string): Promise<LoadedRuleset> {
  const rulesetFile = join(dirname(spectralYaml), '.spectral.js');
  const plugins: Plugin[] = [
    stdin(await migrateRuleset(spectralYaml, { format: 'esm', ...OFFLINE_IO }), rulesetFile),
    ...runtime(OFFLINE_IO),
    commonjs(),
  ];
  const warnings: string[] = [];
  const bundle = await rollup({
    input: rulesetFile,
    plugins,
    treeshake: false,
    perf: false,
    onwarn(warning: RollupWarning) {
      // The extension ignores this one too; any other (an unresolved import, say) is kept to be asserted on.
      if (warning.code !== 'MISSING_NAME_OPTION_FOR_IIFE_EXPORT') warnings.push(warning.message);
    },
  });
  const [chunk] = (await bundle.generate({ format: 'iife', exports: 'auto' })).output;
  const modules = Object.keys(chunk.modules);
  const context = vm.createContext();
  (context as Record<symbol, unknown>)[BUILTINS_REGISTRY] = (globalThis as Record<symbol, unknown>)[BUILTINS_REGISTRY];
  let definition: unknown;
  try {
    definition = vm.runInContext(`(function () { return ${chunk.code} })()`, context);
  } catch (error) {
    throw new Error(
      `the bundled ruleset failed to evaluate (${String(error)}); rollup warned: ${warnings.join(' | ')}`,
    );
  }
  return {
    ruleset: new Ruleset(definition, { severity: 'recommended', source: rulesetFile }),
    files: modules.filter((module) => isAbsolute(module) && module !== rulesetFile),
    modules,
    warnings,
  };
}

async function lintLikeTheExtension(ruleset: SpectralCore.Ruleset, file: string) {
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const results = await spectral.run(new Document(readFileSync(file, 'utf8'), Yaml, file), {
    ignoreUnknownFormat: true,
  });
  return results.map((result) => ({
    code: String(result.code),
    path: result.path.join('.'),
    severity: result.severity,
    documentationUrl: result.documentationUrl,
    message: result.message,
  }));
}

let workspace: string;
let installedMain: string;
/** The package's one ES module, which every entry requires. */
let installedCore: string;

beforeAll(() => {
  // A workspace as a user has it after `npm install -D spectral-auth-responses`: the tarball's content in node_modules.
  workspace = mkdtempSync(join(tmpdir(), 'spectral-auth-responses-vscode-'));
  const tarball = packProject(workspace);
  const installed = join(workspace, 'node_modules/spectral-auth-responses');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { main: string };
  installedMain = join(installed, manifest.main);
  installedCore = join(installed, 'dist/ruleset.mjs');
}, 120_000);

afterAll(() => {
  if (workspace !== undefined) rmSync(workspace, { recursive: true, force: true });
});

describe('the packed package through the VS Code extension loader (ruleset-bundler runtime preset)', () => {
  test('extends: [spectral-auth-responses] bundles our main and the module it requires, and all eleven rules report', async () => {
    const loaded = await loadRulesetLikeTheExtension(
      writeSpectralYaml(join(workspace, 'alone'), ['spectral-auth-responses']),
    );
    expect(loaded.warnings).toEqual([]);
    expect(loaded.files.sort()).toEqual([installedMain, installedCore].sort());
    expect(loaded.modules.filter((module) => /^https?:/.test(module))).toEqual([]);

    const findings = await lintLikeTheExtension(loaded.ruleset, ALL_RULES_DOCUMENT);
    expect(comparable(findings)).toEqual(comparable(ALL_RULES_FINDINGS));
    for (const finding of findings) {
      expect(finding.documentationUrl).toMatch(new RegExp(`^https://.*/docs/rules/${finding.code}\\.md$`));
      expect(finding.message).not.toContain('could not check this document');
    }
  });

  test('Swagger 2.0 and OpenAPI 3.1 documents are recognised', async () => {
    const loaded = await loadRulesetLikeTheExtension(
      writeSpectralYaml(join(workspace, 'formats'), ['spectral-auth-responses']),
    );
    expect(comparable(await lintLikeTheExtension(loaded.ruleset, integrationFixture('one-error.oas2.yaml')))).toEqual([
      { code: 'auth-401-documented', path: 'paths./calls/{callId}.get.responses', severity: ERROR },
    ]);
    expect(
      comparable(await lintLikeTheExtension(loaded.ruleset, integrationFixture('one-warning.oas31.yaml'))),
    ).toEqual([{ code: 'auth-no-404-collection', path: 'paths./calls.get.responses.404', severity: WARN }]);
  });

  test('extends: [spectral:oas, spectral-auth-responses] adds the OpenAPI rules and keeps ours', async () => {
    const loaded = await loadRulesetLikeTheExtension(
      writeSpectralYaml(join(workspace, 'with-oas'), ['spectral:oas', 'spectral-auth-responses']),
    );
    expect(loaded.warnings).toEqual([]);
    expect(loaded.files.sort()).toEqual([installedMain, installedCore].sort());

    const findings = await lintLikeTheExtension(loaded.ruleset, ALL_RULES_DOCUMENT);
    expect(comparable(findings.filter((finding) => finding.code.startsWith('auth-')))).toEqual(
      comparable(ALL_RULES_FINDINGS),
    );
    expect(findings.map((finding) => finding.code)).toEqual(
      expect.arrayContaining(['info-contact', 'operation-operationId']),
    );
  });
});

describe.each(PRESETS)('the preset %s through the VS Code extension loader', (preset) => {
  test(`extends: [spectral-auth-responses/rulesets/${preset}] loads offline and reports what the preset says`, async () => {
    const loaded = await loadRulesetLikeTheExtension(
      writeSpectralYaml(join(workspace, `preset-${preset}`), [`spectral-auth-responses/rulesets/${preset}`]),
    );
    expect(loaded.warnings).toEqual([]);
    expect(loaded.modules.filter((module) => /^https?:/.test(module))).toEqual([]);
    expect(comparable(await lintLikeTheExtension(loaded.ruleset, ALL_RULES_DOCUMENT))).toEqual(
      comparable(presetFindings(preset)),
    );
  });
});
