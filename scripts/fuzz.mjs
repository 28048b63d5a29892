// Long fuzz campaign: `npm run fuzz [-- --runs 10000] [--seed N] [--path P] [--only generated|mutated] [--case-timeout S]`.
// Runs both fuzzers of test/fuzz (generated OpenAPI-shaped documents, mutated fixtures), each `--runs` cases, with a
// random seed unless one is given. A failure prints the seed, the replay command and the shrunk counterexample,
// and writes the counterexample to a file that can become a regression fixture under fixtures/robustness/.
// The campaign runs in a worker thread so that a case that hangs is reported (and stopped) instead of waited on.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    path: { type: 'string' },
    only: { type: 'string' },
    'case-timeout': { type: 'string', default: '60' },
  },
});
const runs = Number(args.runs);
const seed = args.seed !== undefined ? Number(args.seed) : Math.floor(Math.random() * 2 ** 31);
const caseTimeoutMs = Number(args['case-timeout']) * 1000;
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || !(caseTimeoutMs > 0)) {
  console.error(
    'usage: npm run fuzz -- [--runs N] [--seed N] [--path P] [--only generated|mutated] [--case-timeout seconds]',
  );
  process.exit(2);
}
if (args.only !== undefined && !['generated', 'mutated'].includes(args.only)) {
  console.error('--only takes "generated" or "mutated"');
  process.exit(2);
}

// The bundle lives outside the source tree; each source file keeps its own __dirname so fixture paths still resolve.
const bundle = join(root, 'node_modules', '.cache', 'spectral-auth-responses', 'fuzz-campaign.cjs');
mkdirSync(dirname(bundle), { recursive: true });
/** @type {import('esbuild').Plugin} */
const keepSourceDirname = {
  name: 'keep-source-dirname',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, (file) => ({
      contents: `const __dirname = ${JSON.stringify(dirname(file.path))};\n${readFileSync(file.path, 'utf8')}`,
      loader: 'ts',
    }));
  },
};
await build({
  entryPoints: [join(root, 'test/fuzz/campaign.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  packages: 'external',
  sourcemap: 'inline',
  plugins: [keepSourceDirname],
  logLevel: 'warning',
});

const campaign = {
  runs,
  seed,
  ...(args.path !== undefined ? { path: args.path } : {}),
  ...(args.only ? { only: args.only } : {}),
};
console.log(`fuzz: ${runs} cases per fuzzer, seed ${seed}${args.path ? `, path ${args.path}` : ''}`);
const started = Date.now();
const worker = new Worker(bundle, { workerData: { campaign }, execArgv: ['--enable-source-maps'] });
/**
 * @typedef {import('../test/fuzz/campaign.js').CampaignMessage} CampaignMessage
 * @typedef {import('../test/fuzz/campaign.js').FuzzerReport} FuzzerReport
 * @typedef {import('../test/fuzz/property.js').FuzzCase} FuzzCase
 */
/** @type {Extract<CampaignMessage, { type: 'case' }> | undefined} */
let lastCase;
let lastCaseAt = Date.now();
let failed = false;

const watchdog = setInterval(() => {
  if (Date.now() - lastCaseAt < caseTimeoutMs) return;
  console.error(`\nHANG: one ${lastCase?.fuzzer ?? ''} case ran longer than ${caseTimeoutMs / 1000} s (seed ${seed}).`);
  if (lastCase) reportCounterexample(lastCase.input, `hang-${seed}`);
  failed = true;
  void worker.terminate();
}, 1000);

worker.on('message', (/** @type {CampaignMessage} */ message) => {
  switch (message.type) {
    case 'case':
      lastCase = message;
      lastCaseAt = Date.now();
      break;
    case 'progress':
      console.log(`  ${message.fuzzer}: ${message.cases} cases, ${((Date.now() - started) / 1000).toFixed(0)} s`);
      break;
    case 'report':
      printReport(message.report);
      break;
    case 'done':
      clearInterval(watchdog);
      break;
  }
});
worker.on('error', (error) => {
  failed = true;
  console.error(`\nThe campaign itself failed (seed ${seed}):`, error);
  if (lastCase) reportCounterexample(lastCase.input, `error-${seed}`);
});
worker.on('exit', () => {
  clearInterval(watchdog);
  console.log(
    `fuzz: ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${seed})`,
  );
  process.exit(failed ? 1 : 0);
});

/** @param {FuzzerReport} report */
function printReport(report) {
  const sizes = `${report.sizes.min}/${report.sizes.median}/${report.sizes.max} chars (min/median/max)`;
  console.log(
    `${report.fuzzer}: ${report.inputs}: ${report.cases} cases in ${report.seconds.toFixed(1)} s, documents ${sizes}`,
  );
  const findings = Object.entries(report.casesWithFindings).sort(([a], [b]) => a.localeCompare(b));
  console.log(`  cases with findings, per rule: ${findings.map(([code, n]) => `${code} ${n}`).join(', ')}`);
  for (const [reason, n] of Object.entries(report.upstreamRejections)) {
    console.log(`  rejected by Spectral itself, with no rules at all (not this ruleset): ${n} cases: ${reason}`);
  }
  if (report.failure === undefined) return;
  failed = true;
  const { failure } = report;
  console.error(`\nFAILED: ${report.fuzzer}, case ${report.cases}, shrunk ${failure.shrinks} times.`);
  console.error(`problems:\n  ${failure.error.split('\n').join('\n  ')}`);
  reportCounterexample(failure.counterexample, `${report.fuzzer}-${failure.seed}`);
  console.error(`replay: npm run fuzz -- --only ${report.fuzzer} --seed ${failure.seed} --path ${failure.path}`);
}

/**
 * @param {FuzzCase} input
 * @param {string} name
 */
function reportCounterexample(input, name) {
  const file = join(tmpdir(), `spectral-auth-responses-fuzz-${name}.${input.format}`);
  writeFileSync(file, input.text);
  const shown =
    input.text.length > 4000
      ? `${input.text.slice(0, 4000)}\n[... ${input.text.length - 4000} more characters]`
      : input.text;
  console.error(
    `counterexample: ${input.origin}\n  linted as ${input.at} (${input.format}); full text in ${file}\n-----\n${shown}\n-----`,
  );
}
