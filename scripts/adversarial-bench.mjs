// Linear time on hostile input: `node scripts/adversarial-bench.mjs [--repeat 3]`.
// Lints adversarial documents, each at two sizes (n and 2n), through the real Spectral engine with the ruleset
// built from src/ (bundled here, as the package ships it), and prints the time of each and the ratio of the two.
// Linear work doubles (ratio ~2); quadratic work quadruples it. Exits 1 when a ratio exceeds 3, or when a lint
// takes longer than the bound below, or reports that a rule threw. Figures go to docs/robustness.md.
import { Document, Spectral } from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const MAX_RATIO = 3;
/** Per lint of the larger size, generous for a loaded 2-core machine: a catastrophic backtrack takes minutes. */
const MAX_SECONDS = 20;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { repeat: { type: 'string', default: '3' } } });
const repeat = Number(args.repeat);

const bundle = join(root, 'node_modules', '.cache', 'spectral-auth-responses', 'bench-ruleset.cjs');
mkdirSync(dirname(bundle), { recursive: true });
await build({
  entryPoints: [join(root, 'src/index.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const ruleset = createRequire(import.meta.url)(bundle);

// ---- the inputs: each is a function of its size n ----

const AT = join(root, 'fixtures', 'robustness', 'bench.json');
const KB = 1024;

function document(paths, components = {}) {
  return {
    openapi: '3.1.0',
    info: { title: 'bench', version: '1' },
    security: [{ oauth: ['calls:read'] }],
    paths,
    components: {
      securitySchemes: { oauth: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://example.com/a', scopes: { 'calls:read': 'read' } } } } },
      ...components,
    },
  };
}

/** One operation whose 401, 403 and WWW-Authenticate descriptions are the given text (the phrase matchers read all three). */
function describedBy(text) {
  return document({
    '/calls/{callId}': {
      get: {
        responses: {
          200: { description: 'ok' },
          401: { description: text, headers: { 'WWW-Authenticate': { description: text, schema: { type: 'string' } } } },
          403: { description: text, headers: { 'WWW-Authenticate': { description: text, schema: { type: 'string' } } } },
          404: { description: 'not found' },
        },
      },
    },
  });
}

/** `bytes` of `word word word ...`, ending with `end`: every word starts a partial match that fails only at the end. */
function repeated(word, bytes, end) {
  return `${word} `.repeat(Math.ceil(bytes / (word.length + 1)))
    .slice(0, bytes - end.length) + end;
}

/** Schemas S0 → S1 → ... → Sn-1 through `allOf`, the property the 403 rule looks for only at the end. */
function allOfChain(n) {
  const schemas = {};
  for (let i = 0; i < n; i++) {
    schemas[`S${i}`] = i < n - 1
      ? { allOf: [{ $ref: `#/components/schemas/S${i + 1}` }, { type: 'object', properties: { [`p${i}`]: { type: 'string' } } }] }
      : { type: 'object', properties: { missing_scopes: { type: 'array', items: { type: 'string' } } } };
  }
  const body = { content: { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } } };
  return document(
    {
      '/calls': { get: { responses: { 200: { description: 'ok', ...body }, 401: { description: 'no token' }, 403: { description: 'no', ...body }, 404: { description: 'x' } } } },
    },
    { schemas },
  );
}

/** One body schema with n properties, each an object with two more: wide, not deep. */
function wideSchema(n) {
  const properties = {};
  for (let i = 0; i < n; i++) properties[`field${i}`] = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } } };
  const body = { content: { 'application/json': { schema: { type: 'object', properties } } } };
  return document({
    '/calls': { get: { responses: { 200: { description: 'ok', ...body }, 401: { description: 'no token' }, 403: { description: 'no', ...body }, 404: { description: 'x' } } } },
  });
}

/** n/4 paths with four operations each, all using the same shared 401/403/404 responses. */
function manyOperations(n) {
  const paths = {};
  const shared = {
    401: { $ref: '#/components/responses/Unauthorized' },
    403: { $ref: '#/components/responses/Forbidden' },
    404: { $ref: '#/components/responses/NotFound' },
  };
  for (let i = 0; i < n / 4; i++) {
    paths[`/things${i}/{id}`] = Object.fromEntries(
      ['get', 'put', 'delete', 'patch'].map((method) => [method, { responses: { 200: { description: 'ok' }, ...shared } }]),
    );
  }
  return document(paths, {
    responses: {
      Unauthorized: { description: 'Missing or invalid token' },
      Forbidden: { description: 'You lack permission' },
      NotFound: { description: 'Not found' },
    },
  });
}

/** A 403 body that is a oneOf of n branches, each an allOf of two parts: the rule must look in every branch. */
function wideOneOf(n) {
  const branches = [];
  for (let i = 0; i < n; i++) branches.push({ allOf: [{ type: 'object', properties: { [`x${i}`]: { type: 'string' } } }, { properties: { permission: { type: 'string' } } }] });
  const body = { content: { 'application/json': { schema: { oneOf: branches } } } };
  return document({ '/calls': { get: { responses: { 200: { description: 'ok' }, 401: { description: 'no token' }, 403: { description: 'no', ...body } } } } });
}

const INPUTS = [
  { name: '401/403 descriptions: "missing missing ... token"', size: (k) => `${200 * k} KB`, make: (k) => describedBy(repeated('missing', 200 * k * KB, 'token')) },
  { name: '401/403 descriptions: "not not ... allowed"', size: (k) => `${200 * k} KB`, make: (k) => describedBy(repeated('not', 200 * k * KB, 'allowed')) },
  { name: '401/403 descriptions: "insufficient ... scope"', size: (k) => `${200 * k} KB`, make: (k) => describedBy(repeated('insufficient', 200 * k * KB, 'scope')) },
  { name: '401/403 descriptions: one word, no spaces', size: (k) => `${200 * k} KB`, make: (k) => describedBy('a'.repeat(200 * k * KB)) },
  { name: '401/403 descriptions: separators only', size: (k) => `${200 * k} KB`, make: (k) => describedBy(' ,'.repeat(100 * k * KB)) },
  { name: 'allOf chain through $refs', size: (k) => `${1000 * k} schemas deep`, make: (k) => allOfChain(1000 * k) },
  { name: 'wide schema', size: (k) => `${10000 * k} properties`, make: (k) => wideSchema(10000 * k) },
  { name: 'oneOf branches', size: (k) => `${2000 * k} branches`, make: (k) => wideOneOf(2000 * k) },
  { name: 'operations sharing $ref responses', size: (k) => `${2000 * k} operations`, make: (k) => manyOperations(2000 * k) },
];

// ---- measuring ----

async function lintSeconds(text, rules) {
  const spectral = new Spectral();
  spectral.setRuleset(rules);
  const started = process.hrtime.bigint();
  const results = await spectral.run(new Document(text, Json, AT));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const crashed = results.filter((result) => result.message.includes('could not check this document'));
  return { seconds, crashed };
}

async function medianSeconds(text, rules) {
  const times = [];
  let crashed = [];
  for (let i = 0; i < repeat; i++) {
    const run = await lintSeconds(text, rules);
    times.push(run.seconds);
    crashed = run.crashed;
  }
  times.sort((a, b) => a - b);
  return { seconds: times[Math.floor(times.length / 2)], crashed };
}

const NO_RULES = { rules: {} };
let failed = false;
console.log(`median of ${repeat} runs; "engine" is Spectral alone (parse + resolve, no rules), "ruleset" is the whole lint`);
console.log('| input | size n | size 2n | document n / 2n | engine n / 2n | ruleset n / 2n | ratio |');
console.log('|---|---|---|---|---|---|---|');
for (const input of INPUTS) {
  const texts = [1, 2].map((k) => JSON.stringify(input.make(k)));
  const engine = [];
  const whole = [];
  for (const text of texts) {
    engine.push(await medianSeconds(text, NO_RULES));
    whole.push(await medianSeconds(text, ruleset));
  }
  const ratio = whole[1].seconds / whole[0].seconds;
  const problems = [];
  if (ratio > MAX_RATIO) problems.push(`ratio ${ratio.toFixed(2)} > ${MAX_RATIO}`);
  if (whole[1].seconds > MAX_SECONDS) problems.push(`${whole[1].seconds.toFixed(1)} s > ${MAX_SECONDS} s`);
  for (const result of [...whole[0].crashed, ...whole[1].crashed]) problems.push(result.message);
  if (problems.length > 0) failed = true;
  const s = (run) => `${run.seconds.toFixed(3)} s`;
  const mb = (text) => `${(text.length / 1024 / 1024).toFixed(2)} MB`;
  console.log(
    `| ${input.name} | ${input.size(1)} | ${input.size(2)} | ${mb(texts[0])} / ${mb(texts[1])} | ${s(engine[0])} / ${s(engine[1])} | ${s(whole[0])} / ${s(whole[1])} | ${ratio.toFixed(2)}${problems.length > 0 ? ` FAIL: ${problems.join('; ')}` : ''} |`,
  );
}
console.log(failed ? 'adversarial bench: FAILED' : `adversarial bench: passed (every ratio <= ${MAX_RATIO}, every lint <= ${MAX_SECONDS} s)`);
process.exit(failed ? 1 : 0);
