// The project's own per-document facts (operations, effective security), bundled from src on demand, so that
// the corpus page counts operations and secured operations exactly as the rules see them.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, ROOT } from './lib-corpus.mjs';

/** @returns {Promise<typeof import('../src/openapi/operations.js').documentFactsOf>} */
export async function loadDocumentFacts() {
  const outfile = join(CORPUS_DIR, 'facts.cjs');
  mkdirSync(CORPUS_DIR, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'src/openapi/operations.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
  });
  const facts = /** @type {typeof import('../src/openapi/operations.js')} */ (createRequire(import.meta.url)(outfile));
  return facts.documentFactsOf;
}
