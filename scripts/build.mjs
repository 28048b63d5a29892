// Builds the package: one self-contained CommonJS file per entry, plus type declarations.
// Only Spectral's built-in packages stay external: Spectral's loaders map them to the host's own copies
// (the CLI, and the VS Code extension, which cannot load anything else offline). See docs/packaging.md.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const SPECTRAL_BUILTINS = [
  '@stoplight/spectral-core',
  '@stoplight/spectral-formats',
  '@stoplight/spectral-functions',
  '@stoplight/spectral-parsers',
  '@stoplight/spectral-ref-resolver',
  '@stoplight/spectral-rulesets',
  '@stoplight/spectral-runtime',
];

rmSync('dist', { recursive: true, force: true });
for (const entry of ['index', 'factory']) {
  await build({
    entryPoints: [`src/${entry}.ts`],
    outfile: `dist/${entry}.js`,
    bundle: true,
    platform: 'neutral',
    format: 'cjs',
    target: 'es2020',
    mainFields: ['main', 'module'],
    external: SPECTRAL_BUILTINS,
    legalComments: 'none',
    logLevel: 'warning',
  });
}
carryCodeAsString('dist/index.js');

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
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
} catch {
  process.exit(1); // tsc has printed the type errors
}

/**
 * Spectral's loaders (the CLI, the VS Code extension) run the ruleset through rollup and its commonjs plugin at
 * every start, which parse and transform its code twice: for a bundle of ~30 KB that was most of the ruleset's
 * start-up cost (docs/performance.md). Carrying the code as one string, evaluated with `Function` as those loaders
 * evaluate their own output anyway, leaves rollup one literal to copy. The built-in packages stay plain `require`
 * calls outside the string, so that the loaders still hand the code the host's own copies.
 */
function carryCodeAsString(file) {
  const code = readFileSync(file, 'utf8');
  const required = [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]))];
  const foreign = required.filter((id) => !SPECTRAL_BUILTINS.includes(id));
  if (foreign.length > 0) throw new Error(`${file} requires ${foreign.join(', ')}: only Spectral's built-in packages may stay external`);
  // The `// src/x.ts` markers stay visible outside the string: they tell which sources the bundle was built from.
  const sources = code.match(/^\/\/ src\/\S+\.ts$/gm) ?? [];
  writeFileSync(
    file,
    [
      '"use strict";',
      ...sources,
      `var builtins = { ${required.map((id) => `${JSON.stringify(id)}: require(${JSON.stringify(id)})`).join(', ')} };`,
      'var loaded = { exports: {} };',
      `Function("module", "exports", "require", ${singleQuoted(`${code}\n//# sourceURL=spectral-auth-responses/${file}`)})(loaded, loaded.exports, function (id) {`,
      '  if (Object.prototype.hasOwnProperty.call(builtins, id)) return builtins[id];',
      '  throw new Error("spectral-auth-responses: cannot load " + id);',
      '});',
      'module.exports = loaded.exports;',
      '',
    ].join('\n'),
  );
}

/** A single-quoted literal, so that the code's own `require("...")` calls read as written. */
function singleQuoted(text) {
  const escapes = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\u2028': '\\u2028', '\u2029': '\\u2029' };
  return `'${text.replace(/[\\'\n\r\u2028\u2029]/g, (character) => escapes[character])}'`;
}
