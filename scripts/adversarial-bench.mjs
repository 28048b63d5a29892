// Linear time on hostile input: `npm run bench:adversarial [-- --repeat 5]`.
// Lints adversarial documents, each at two sizes (n and 2n), through the real Spectral engine with the package's
// built ruleset (dist/index.js, as it ships; the npm script builds it first), and prints the times and the ratio of
// the time spent in the rule functions at 2n to that at n. Linear work doubles (ratio ~2); quadratic work quadruples
// it. Exits 1 when a ratio exceeds 3, when a lint takes longer than the bound below, or when a rule threw.
// Figures: docs/robustness.md.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MAX_RATIO = 3;
/** Per lint of the larger size, generous for a loaded 2-core machine: a catastrophic backtrack takes minutes. */
const MAX_SECONDS = 20;

const require = createRequire(import.meta.url);
const { Document, Spectral } = require('@stoplight/spectral-core');
const { Json } = require('@stoplight/spectral-parsers');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { repeat: { type: 'string', default: '5' } } });
const repeat = Number(args.repeat);

const built = join(root, 'dist', 'index.js');
if (!existsSync(built)) {
  console.error('dist/index.js is missing: run `npm run build` first (`npm run bench:adversarial` does).');
  process.exit(1);
}
/**
 * @typedef {import('@stoplight/spectral-core').RulesetDefinition} RulesetDefinition
 * @typedef {import('@stoplight/spectral-core').RuleDefinition} RuleDefinition
 * @typedef {Exclude<RuleDefinition['then'], readonly unknown[]>} RuleThen each of the package's rules has one
 * @typedef {{ seconds: number, rules: number, crashed: import('@stoplight/spectral-core').ISpectralDiagnostic[] }} Run
 */
/** @type {{ rules: Record<string, RuleDefinition & { then: RuleThen }> }} */
const ruleset = require(built);

// ---- the inputs: each is a function of its size n ----

const AT = join(root, 'fixtures', 'robustness', 'bench.json');
const KB = 1024;

/**
 * @param {Record<string, object>} paths
 * @param {Record<string, object>} components
 */
function document(paths, components = {}) {
  return {
    openapi: '3.1.0',
    info: { title: 'bench', version: '1' },
    security: [{ oauth: ['calls:read'] }],
    paths,
    components: {
      securitySchemes: {
        oauth: {
          type: 'oauth2',
          flows: { implicit: { authorizationUrl: 'https://example.com/a', scopes: { 'calls:read': 'read' } } },
        },
      },
      ...components,
    },
  };
}

/**
 * One operation whose 401, 403 and WWW-Authenticate descriptions are the given text (the phrase matchers read all
 * three).
 * @param {string} text
 */
function describedBy(text) {
  return document({
    '/calls/{callId}': {
      get: {
        responses: {
          200: { description: 'ok' },
          401: {
            description: text,
            headers: { 'WWW-Authenticate': { description: text, schema: { type: 'string' } } },
          },
          403: {
            description: text,
            headers: { 'WWW-Authenticate': { description: text, schema: { type: 'string' } } },
          },
          404: { description: 'not found' },
        },
      },
    },
  });
}

/**
 * `bytes` of `word word word ...`, ending with `end`: every word starts a partial match that fails only at the end.
 * @param {string} word
 * @param {number} bytes
 * @param {string} end
 */
function repeated(word, bytes, end) {
  return `${word} `.repeat(Math.ceil(bytes / (word.length + 1))).slice(0, bytes - end.length) + end;
}

/**
 * Schemas S0 → S1 → ... → Sn-1 through `allOf`, the property the 403 rule looks for only at the end.
 * @param {number} n
 */
function allOfChain(n) {
  /** @type {Record<string, object>} */
  const schemas = {};
  for (let i = 0; i < n; i++) {
    schemas[`S${i}`] =
      i < n - 1
        ? {
            allOf: [
              { $ref: `#/components/schemas/S${i + 1}` },
              { type: 'object', properties: { [`p${i}`]: { type: 'string' } } },
            ],
          }
        : { type: 'object', properties: { missing_scopes: { type: 'array', items: { type: 'string' } } } };
  }
  const body = { content: { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } } };
  return document(
    {
      '/calls': {
        get: {
          responses: {
            200: { description: 'ok', ...body },
            401: { description: 'no token' },
            403: { description: 'no', ...body },
            404: { description: 'x' },
          },
        },
      },
    },
    { schemas },
  );
}

/**
 * A 403 body nested n levels deep, alternating allOf, oneOf and properties.
 * @param {number} n
 */
function nested(n) {
  /** @type {object} */
  let schema = { type: 'object', properties: { missing_scopes: { type: 'array', items: { type: 'string' } } } };
  for (let i = 0; i < n; i++) {
    schema = [{ allOf: [schema] }, { oneOf: [schema] }, { type: 'object', properties: { inner: schema } }][i % 3];
  }
  const body = { content: { 'application/json': { schema } } };
  return document({
    '/calls': {
      get: {
        responses: {
          200: { description: 'ok', ...body },
          401: { description: 'no token' },
          403: { description: 'no', ...body },
        },
      },
    },
  });
}

/**
 * One body schema with n properties, each an object with two more: wide, not deep.
 * @param {number} n
 */
function wideSchema(n) {
  /** @type {Record<string, object>} */
  const properties = {};
  for (let i = 0; i < n; i++)
    properties[`field${i}`] = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } } };
  const body = { content: { 'application/json': { schema: { type: 'object', properties } } } };
  return document({
    '/calls': {
      get: {
        responses: {
          200: { description: 'ok', ...body },
          401: { description: 'no token' },
          403: { description: 'no', ...body },
          404: { description: 'x' },
        },
      },
    },
  });
}

/**
 * n/4 paths with four operations each, all using the same shared 401/403/404 responses.
 * @param {number} n
 */
function manyOperations(n) {
  /** @type {Record<string, object>} */
  const paths = {};
  const shared = {
    401: { $ref: '#/components/responses/Unauthorized' },
    403: { $ref: '#/components/responses/Forbidden' },
    404: { $ref: '#/components/responses/NotFound' },
  };
  for (let i = 0; i < n / 4; i++) {
    paths[`/things${i}/{id}`] = Object.fromEntries(
      ['get', 'put', 'delete', 'patch'].map((method) => [
        method,
        { responses: { 200: { description: 'ok' }, ...shared } },
      ]),
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

/**
 * A 403 body that is a oneOf of n branches, each an allOf of two parts: the rule must look in every branch.
 * @param {number} n
 */
function wideOneOf(n) {
  const branches = [];
  for (let i = 0; i < n; i++)
    branches.push({
      allOf: [
        { type: 'object', properties: { [`x${i}`]: { type: 'string' } } },
        { properties: { permission: { type: 'string' } } },
      ],
    });
  const body = { content: { 'application/json': { schema: { oneOf: branches } } } };
  return document({
    '/calls': {
      get: {
        responses: {
          200: { description: 'ok' },
          401: { description: 'no token' },
          403: { description: 'no', ...body },
        },
      },
    },
  });
}

/** @type {{ name: string, size: (k: number) => string, make: (k: number) => object }[]} */
const INPUTS = [
  {
    name: '401/403 descriptions: "missing missing ... token"',
    size: (k) => `${200 * k} KB`,
    make: (k) => describedBy(repeated('missing', 200 * k * KB, 'token')),
  },
  {
    name: '401/403 descriptions: "not not ... allowed"',
    size: (k) => `${200 * k} KB`,
    make: (k) => describedBy(repeated('not', 200 * k * KB, 'allowed')),
  },
  {
    name: '401/403 descriptions: "insufficient ... scope"',
    size: (k) => `${200 * k} KB`,
    make: (k) => describedBy(repeated('insufficient', 200 * k * KB, 'scope')),
  },
  {
    name: '401/403 descriptions: one word, no spaces',
    size: (k) => `${200 * k} KB`,
    make: (k) => describedBy('a'.repeat(200 * k * KB)),
  },
  {
    name: '401/403 descriptions: separators only',
    size: (k) => `${200 * k} KB`,
    make: (k) => describedBy(' ,'.repeat(100 * k * KB)),
  },
  // Spectral itself overflows its stack on a $ref chain about 500 deep and on inline nesting about 800 deep
  // (docs/robustness.md), before any rule runs: these sizes stay below that.
  { name: 'allOf chain through $refs', size: (k) => `${200 * k} schemas deep`, make: (k) => allOfChain(200 * k) },
  { name: 'inline allOf/oneOf/properties nesting', size: (k) => `${250 * k} levels`, make: (k) => nested(250 * k) },
  { name: 'wide schema', size: (k) => `${10000 * k} properties`, make: (k) => wideSchema(10000 * k) },
  { name: 'oneOf branches', size: (k) => `${4000 * k} branches`, make: (k) => wideOneOf(4000 * k) },
  {
    name: 'operations sharing $ref responses',
    size: (k) => `${2000 * k} operations`,
    make: (k) => manyOperations(2000 * k),
  },
];

// ---- measuring ----

/**
 * The ruleset with every rule function timed: the time spent in this package's code (the shared facts included,
 * computed by the first rule that runs), apart from Spectral's parsing, resolving and result mapping.
 */
let ruleSeconds = 0;
/**
 * @template {(...args: never[]) => unknown} F
 * @param {F} fn
 * @returns {F}
 */
function timed(fn) {
  const wrapper = (/** @type {Parameters<F>} */ ...args) => {
    const started = process.hrtime.bigint();
    try {
      return fn(...args);
    } finally {
      ruleSeconds += Number(process.hrtime.bigint() - started) / 1e9;
    }
  };
  Object.defineProperty(wrapper, 'name', { value: fn.name });
  return /** @type {F} */ (wrapper);
}
/** @type {RulesetDefinition} */
const timedRuleset = {
  ...ruleset,
  rules: Object.fromEntries(
    Object.entries(ruleset.rules).map(([name, rule]) => [
      name,
      { ...rule, then: { ...rule.then, function: timed(rule.then.function) } },
    ]),
  ),
};

// Collect garbage before each timed run, so that one run does not pay for the previous one's.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');

/**
 * @param {string} text
 * @param {RulesetDefinition} rules
 * @returns {Promise<Run>}
 */
async function lintSeconds(text, rules) {
  collectGarbage();
  const spectral = new Spectral();
  spectral.setRuleset(rules);
  ruleSeconds = 0;
  const started = process.hrtime.bigint();
  const results = await spectral.run(new Document(text, Json, AT));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const crashed = results.filter((result) => result.message.includes('could not check this document'));
  return { seconds, rules: ruleSeconds, crashed };
}

/**
 * The fastest of `repeat` runs: on a shared machine, other work only ever adds time.
 * @param {string} text
 * @param {RulesetDefinition} rules
 */
async function fastest(text, rules) {
  /** @type {Run} */
  let best = { seconds: Infinity, rules: Infinity, crashed: [] };
  for (let i = 0; i < repeat; i++) {
    const run = await lintSeconds(text, rules);
    best = {
      seconds: Math.min(best.seconds, run.seconds),
      rules: Math.min(best.rules, run.rules),
      crashed: [...best.crashed, ...run.crashed],
    };
  }
  return best;
}

/** Below this, a ratio measures timer noise, not growth. */
const NEGLIGIBLE_SECONDS = 0.01;
const NO_RULES = { rules: {} };
let failed = false;
console.log(
  `fastest of ${repeat} runs. engine: Spectral alone (parse, resolve; no rules). lint: the whole run with the ruleset.`,
);
console.log("rules: the time inside this package's rule functions, whose growth is checked (ratio 2n / n).\n");
console.log('| input | size n / 2n | document n / 2n | engine n / 2n | lint n / 2n | rules n / 2n | rules ratio |');
console.log('|---|---|---|---|---|---|---|');
for (const input of INPUTS) {
  const texts = [1, 2].map((k) => JSON.stringify(input.make(k)));
  /** @type {Run[]} */
  const engine = [];
  /** @type {Run[]} */
  const whole = [];
  for (const text of texts) {
    engine.push(await fastest(text, NO_RULES));
    whole.push(await fastest(text, timedRuleset));
  }
  /** @type {string[]} */
  const problems = [];
  let ratio = 'negligible';
  if (whole[1].rules >= NEGLIGIBLE_SECONDS) {
    const value = whole[1].rules / Math.max(whole[0].rules, 1e-6);
    ratio = value.toFixed(2);
    if (value > MAX_RATIO) problems.push(`ratio ${ratio} > ${MAX_RATIO}`);
  }
  if (whole[1].seconds > MAX_SECONDS) problems.push(`${whole[1].seconds.toFixed(1)} s > ${MAX_SECONDS} s`);
  for (const result of [...whole[0].crashed, ...whole[1].crashed]) problems.push(result.message);
  if (problems.length > 0) failed = true;
  const pair = (/** @type {number} */ a, /** @type {number} */ b) => `${a.toFixed(3)} / ${b.toFixed(3)} s`;
  const mb = (/** @type {string} */ text) => (text.length / 1024 / 1024).toFixed(2);
  console.log(
    `| ${input.name} | ${input.size(1)} / ${input.size(2)} | ${mb(texts[0])} / ${mb(texts[1])} MB | ${pair(engine[0].seconds, engine[1].seconds)} | ${pair(whole[0].seconds, whole[1].seconds)} | ${pair(whole[0].rules, whole[1].rules)} | ${ratio}${problems.length > 0 ? ` FAIL: ${problems.join('; ')}` : ''} |`,
  );
}
console.log(
  failed
    ? '\nadversarial bench: FAILED'
    : `\nadversarial bench: passed (rules ratio <= ${MAX_RATIO} wherever rules take ${NEGLIGIBLE_SECONDS * 1000} ms or more; every lint <= ${MAX_SECONDS} s; no rule threw)`,
);
process.exit(failed ? 1 : 0);
