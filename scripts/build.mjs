// Builds the package: the ruleset's code as one self-contained ES module (dist/ruleset.mjs), the CommonJS entries
// that require it (dist/index.js, dist/factory.js; the presets in rulesets/ are written by hand), and the command.
// Only Spectral's built-in packages stay external: Spectral's loaders map them to the host's own copies (the CLI,
// and the VS Code extension, which cannot load anything else offline). The type declarations are written by hand
// in types/ (see docs/packaging.md).
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
// Spectral's built-in packages: the only imports its loaders map to the host's own copies (docs/packaging.md).
const SPECTRAL_BUILTINS = JSON.parse(readFileSync(new URL('./spectral-builtins.json', import.meta.url), 'utf8'));

/**
 * The entries import src/package-core.ts: in dist/ that is the module beside them, required at run time.
 * @type {import('esbuild').Plugin}
 */
const coreStaysOutside = {
  name: 'core-stays-outside',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/package-core$/ }, () => ({ path: './ruleset.mjs', external: true }));
  },
};

/**
 * Supply-chain scanners flag a package that evaluates code from strings, and a ruleset about API security is what
 * security-minded teams vet before they install it: the shipped code never calls `eval` or `Function`.
 * @param {string[]} files
 */
function assertNoCodeFromStrings(files) {
  for (const file of files) {
    const match = /\b(?:eval|Function)\s*\(/.exec(readFileSync(file, 'utf8'));
    if (match) throw new Error(`${file} evaluates code from a string (\`${match[0]}\`): the package must not`);
  }
}

rmSync('dist', { recursive: true, force: true });
/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'neutral',
  target: 'es2020',
  mainFields: ['main', 'module'],
  external: SPECTRAL_BUILTINS,
  legalComments: 'none',
  logLevel: 'warning',
};
// The package's code, once: an ES module, which Spectral's loaders parse once (a CommonJS file also goes through
// their commonjs transform, about twice the start-up cost; docs/performance.md).
await build({ ...common, entryPoints: ['src/package-core.ts'], outfile: 'dist/ruleset.mjs', format: 'esm' });
// The CommonJS entries (`.`, `./factory`): a few lines each that require that module (Node's require(esm)).
for (const entry of ['index', 'factory']) {
  await build({
    ...common,
    entryPoints: [`src/${entry}.ts`],
    outfile: `dist/${entry}.js`,
    format: 'cjs',
    plugins: [coreStaysOutside],
  });
}
// The `spectral-auth-responses` bin: our own code bundled, every package it uses required at run time from the
// installed dependencies (the command runs in Node, where Spectral's loaders and formatters resolve normally).
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  banner: { js: '#!/usr/bin/env node' },
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync('dist/cli.js', 0o755);
assertNoCodeFromStrings(['dist/ruleset.mjs', 'dist/index.js', 'dist/factory.js', 'dist/cli.js']);
