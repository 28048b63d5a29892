// `npm run bench:many`: many documents in one run, the way a repository of API descriptions is linted in CI.
// On the development corpus (.cache/corpus/directory, about 530 public descriptions; `npm run corpus:fetch`), one run
// each, one after another:
// - `spectral lint` with this ruleset (a .spectral.yaml that extends the built package, as users do);
// - `spectral-auth-responses lint --concurrency off`, then `--concurrency auto`;
// - `--cache` with an empty cache file (cold), then again (warm).
// Each under /usr/bin/time: wall time, CPU (user + system, every thread) and peak resident memory of the process.
// The reports are compared: every setting of this command must give the same JSON report, byte for byte.
// Writes the "Many documents" section of docs/performance.md (between its markers; `npm run bench` keeps it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { CORPUS_DIR, installedVersionOf, ROOT } from './lib-corpus.mjs';
import { SPECTRAL } from './lib-timed-lint.mjs';
import { MANY_DOCUMENTS, withSection } from './performance-sections.mjs';

const PAGE = join(ROOT, 'docs', 'performance.md');
const WORK = join(ROOT, '.cache', 'many-documents');
const DIRECTORY = join(CORPUS_DIR, 'directory');
const GLOB = `${relative(ROOT, DIRECTORY)}/**/*.{json,yaml}`;
const COMMAND = join(ROOT, 'dist', 'cli.js');
const TARGETS = { autoOverOff: 0.6, warmOverCold: 0.05, offOverSpectral: 1 };

/**
 * One timed run: wall and CPU seconds, peak memory in kB, and its JSON report.
 * @typedef {{ label: string, wall: number, cpu: number, maxRssKb: number, report: string }} Run
 */

if (!existsSync(COMMAND)) fail('dist/ is not built: run `npm run build` first (`npm run bench:many` does).');
if (!existsSync(DIRECTORY)) fail(`${relative(ROOT, DIRECTORY)} is missing: run \`npm run corpus:fetch\` first.`);
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
const ruleset = join(WORK, '.spectral.yaml');
writeFileSync(ruleset, `extends: [${JSON.stringify(join(ROOT, 'dist', 'index.js'))}]\n`);
const cacheFile = join(WORK, 'cache');
const documents = countDocuments(DIRECTORY);

const ours = (/** @type {string[]} */ extra) => [COMMAND, 'lint', GLOB, '-f', 'json', '--quiet', ...extra];
const runs = [
  timed('`spectral lint`', [SPECTRAL, 'lint', GLOB, '--ruleset', ruleset, '-f', 'json', '--quiet']),
  timed('this command, `--concurrency off`', ours(['--concurrency', 'off'])),
  timed('this command, `--concurrency auto`', ours(['--concurrency', 'auto'])),
  timed('this command, `--cache`, cold', ours(['--cache', '--cache-location', cacheFile])),
  timed('this command, `--cache`, warm', ours(['--cache', '--cache-location', cacheFile])),
];
const [spectral, off, auto, cold, warm] = runs;
const differing = [auto, cold, warm].filter((run) => run.report !== off.report).map((run) => run.label);
for (const run of runs) {
  console.log(`${run.label.padEnd(40)} ${run.wall.toFixed(1)} s, CPU ${run.cpu.toFixed(1)} s, ${mb(run.maxRssKb)}`);
}
if (differing.length > 0) console.log(`REPORTS DIFFER from --concurrency off: ${differing.join(', ')}`);
writeFileSync(PAGE, withSection(readFileSync(PAGE, 'utf8'), MANY_DOCUMENTS, renderSection()));
console.log(`wrote the many-documents section of ${relative(ROOT, PAGE)}`);

/**
 * @param {string} label
 * @param {string[]} args the Node arguments
 * @returns {Run}
 */
function timed(label, args) {
  const output = join(WORK, 'report.json');
  const usage = join(WORK, 'usage.txt');
  rmSync(output, { force: true });
  const child = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S %M', '-o', usage, process.execPath, ...args, '-o', output],
    {
      cwd: ROOT,
      encoding: 'utf8',
      // Never a progress line, whatever the terminal: the runs are compared on their reports alone.
      env: { ...process.env, CI: 'true' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  // 1 (findings) and 2 (documents that are not valid OpenAPI, or a refused remote $ref) are expected on this corpus.
  if (![0, 1, 2].includes(child.status ?? -1) || !existsSync(output)) {
    fail(`${label} failed (exit ${child.status}): ${String(child.stderr).slice(0, 2000)}`);
  }
  // GNU time's line is the last: a process killed by a signal has a line about it first.
  const last = readFileSync(usage, 'utf8').trim().split('\n').at(-1) ?? '';
  const [wall, user, system, maxRssKb] = last.split(' ').map(Number);
  return { label, wall, cpu: user + system, maxRssKb, report: readFileSync(output, 'utf8') };
}

/** @param {string} folder */
function countDocuments(folder) {
  return readdirSync(folder, { recursive: true }).filter((name) => /\.(json|yaml)$/.test(String(name))).length;
}

function renderSection() {
  const ratio = (/** @type {number} */ value, /** @type {number} */ target) =>
    value <= target ? `**×${value.toFixed(2)}** (target ≤ ×${target})` : `**×${value.toFixed(2)}** (over ×${target})`;
  const cpuList = cpus();
  const lines = [
    MANY_DOCUMENTS.begin,
    '## Many documents',
    '',
    `${documents} public API descriptions (the development corpus of docs/real-world.md, \`${GLOB}\`) linted in one run, the way a repository of descriptions is linted in CI. One run of each, one after another (scripts/many-documents-bench.mjs), ${new Date().toISOString().slice(0, 10)}: wall time, CPU (user + system, all threads) and peak resident memory of the process, from \`/usr/bin/time\`. Each writes a JSON report to a file.`,
    '',
    `- Machine: ${cpuList.length} CPUs (${cpuList[0]?.model ?? 'unknown'}; Node's availableParallelism ${availableParallelism()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, shared with other work: one run each, so read the ratios, not the seconds`,
    `- Versions: Node ${process.version}, @stoplight/spectral-cli ${installedVersionOf('@stoplight/spectral-cli')}`,
    `- Reports: ${differing.length === 0 ? 'every setting of the command gave the same JSON report, byte for byte' : `**differ** from \`--concurrency off\`: ${differing.join(', ')}`}`,
    '',
    '| run | time | CPU | peak memory |',
    '|---|---:|---:|---:|',
    ...runs.map((run) => `| ${run.label} | ${run.wall.toFixed(1)} s | ${run.cpu.toFixed(1)} s | ${mb(run.maxRssKb)} |`),
    '',
    `- \`--concurrency off\` / \`spectral lint\`: ${ratio(off.wall / spectral.wall, TARGETS.offOverSpectral)}`,
    `- \`--concurrency auto\` / \`off\`: ${ratio(auto.wall / off.wall, TARGETS.autoOverOff)}`,
    `- warm \`--cache\` / cold: ${ratio(warm.wall / cold.wall, TARGETS.warmOverCold)}`,
    MANY_DOCUMENTS.end,
  ];
  return lines.join('\n');
}

/** @param {number} kb */
function mb(kb) {
  return `${(kb / 1024).toFixed(0)} MB`;
}

/** @param {string} message */
function fail(message) {
  console.error(message);
  process.exit(1);
}
