// Builds the package: one self-contained CommonJS file per entry, plus type declarations.
// Only Spectral's built-in packages stay external: Spectral's loaders map them to the host's own copies
// (the CLI, and the VS Code extension, which cannot load anything else offline). See docs/packaging.md.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';
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
