// `npm run bench:many`: many documents in one run, the way a repository of API descriptions is linted in CI.
// On the development corpus (.cache/corpus/directory, about 530 public descriptions; `npm run corpus:fetch`), one run
// each, one after another:
// - `spectral lint` with this ruleset (a .spectral.yaml that extends the built package, as users do);
// - `spectral-auth-responses lint --concurrency off`, then `--concurrency auto`;
// - `--cache` with an empty cache file (cold), then again (warm);
// - a reference for `auto` that uses no thread at all: two `--concurrency off` processes side by side, each given
//   half of the documents (halves of equal bytes). What they take is what this machine gives two independent
//   processes at the time of the run: a run with two threads cannot expect to do better.
// Each under /usr/bin/time: wall time, CPU (user + system, every thread) and peak resident memory of the process.
// The reports are compared: every setting of this command must give the same JSON report, byte for byte.
// Writes the "Many documents" section of docs/performance.md (between its markers; `npm run bench` keeps it).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
const documentFiles = documentsIn(DIRECTORY);
const documents = documentFiles.length;

const ours = (/** @type {string[]} */ extra) => [COMMAND, 'lint', GLOB, '-f', 'json', '--quiet', ...extra];
const halves = halvesOfEqualBytes(documentFiles);
const oneHalf = (/** @type {string[]} */ half) => [
  COMMAND,
  'lint',
  ...half,
  '-f',
  'json',
  '--quiet',
  '--concurrency',
  'off',
];
const runs = [
  await timed('`spectral lint`', [SPECTRAL, 'lint', GLOB, '--ruleset', ruleset, '-f', 'json', '--quiet']),
  await timed('this command, `--concurrency off`', ours(['--concurrency', 'off'])),
  await timed('this command, `--concurrency auto`', ours(['--concurrency', 'auto'])),
  await timedSideBySide('two `off` processes side by side, half of the documents each', halves.map(oneHalf)),
  await timed('this command, `--cache`, cold', ours(['--cache', '--cache-location', cacheFile])),
  await timed('this command, `--cache`, warm', ours(['--cache', '--cache-location', cacheFile])),
];
const [spectral, off, auto, sideBySide, cold, warm] = runs;
const differing = [auto, cold, warm].filter((run) => run.report !== off.report).map((run) => run.label);
// The halves' reports hold the same findings as off's, in another order.
const findingsOf = (/** @type {Run} */ run) =>
  JSON.parse(run.report).map((/** @type {unknown} */ r) => JSON.stringify(r));
const sideBySideSame = [...findingsOf(sideBySide)].sort().join('\n') === [...findingsOf(off)].sort().join('\n');
for (const run of runs) {
  console.log(`${run.label.padEnd(40)} ${run.wall.toFixed(1)} s, CPU ${run.cpu.toFixed(1)} s, ${mb(run.maxRssKb)}`);
}
if (differing.length > 0) console.log(`REPORTS DIFFER from --concurrency off: ${differing.join(', ')}`);
if (!sideBySideSame) console.log('THE HALVES DO NOT HOLD the findings of --concurrency off');
writeFileSync(PAGE, withSection(readFileSync(PAGE, 'utf8'), MANY_DOCUMENTS, renderSection()));
console.log(`wrote the many-documents section of ${relative(ROOT, PAGE)}`);

/**
 * One run under /usr/bin/time, its JSON report written to `<name>.json` in WORK.
 * @param {string} label
 * @param {string[]} args the Node arguments
 * @param {string} name
 * @returns {Promise<Run>}
 */
function timed(label, args, name = 'report') {
  const output = join(WORK, `${name}.json`);
  const usage = join(WORK, `${name}.usage.txt`);
  rmSync(output, { force: true });
  return new Promise((resolvePromise) => {
    const child = spawn('/usr/bin/time', ['-f', '%e %U %S %M', '-o', usage, process.execPath, ...args, '-o', output], {
      cwd: ROOT,
      // Never a progress line, whatever the terminal: the runs are compared on their reports alone.
      env: { ...process.env, CI: 'true' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 2000) stderr += String(chunk);
    });
    child.on('close', (code) => {
      // 1 (findings) and 2 (documents that are not valid OpenAPI, or a refused remote $ref) are expected here.
      if (![0, 1, 2].includes(code ?? -1) || !existsSync(output)) {
        fail(`${label} failed (exit ${code}): ${stderr.slice(0, 2000)}`);
      }
      // GNU time's line is the last: a process killed by a signal has a line about it first.
      const last = readFileSync(usage, 'utf8').trim().split('\n').at(-1) ?? '';
      const [wall, user, system, maxRssKb] = last.split(' ').map(Number);
      resolvePromise({ label, wall, cpu: user + system, maxRssKb, report: readFileSync(output, 'utf8') });
    });
  });
}

/**
 * The processes run at once (each as `timed` runs it): wall time from the start of the first to the end of the
 * last, CPU summed, peak memory summed (the most they can hold at once), and their JSON reports joined.
 * @param {string} label
 * @param {string[][]} argsOfEach the Node arguments of each process
 * @returns {Promise<Run>}
 */
async function timedSideBySide(label, argsOfEach) {
  const started = performance.now();
  const each = await Promise.all(argsOfEach.map((args, index) => timed(label, args, `part-${index}`)));
  const wall = (performance.now() - started) / 1000;
  const sum = (/** @type {(run: Run) => number} */ of) => each.reduce((total, run) => total + of(run), 0);
  const report = JSON.stringify(each.flatMap((run) => JSON.parse(run.report)));
  return { label, wall, cpu: sum((run) => run.cpu), maxRssKb: sum((run) => run.maxRssKb), report };
}

/**
 * The documents in two halves of about equal bytes (each document, largest first, to the lighter half), in the
 * order found: what linting each half costs grows with its bytes.
 * @param {string[]} files
 * @returns {string[][]}
 */
function halvesOfEqualBytes(files) {
  const sized = files.map((file) => ({ file, bytes: statSync(join(ROOT, file)).size }));
  const halves = [
    { files: /** @type {string[]} */ ([]), bytes: 0 },
    { files: /** @type {string[]} */ ([]), bytes: 0 },
  ];
  for (const { file, bytes } of [...sized].sort((a, b) => b.bytes - a.bytes)) {
    const lighter = halves[0].bytes <= halves[1].bytes ? halves[0] : halves[1];
    lighter.files.push(file);
    lighter.bytes += bytes;
  }
  const order = new Map(files.map((file, index) => [file, index]));
  return halves.map((half) => half.files.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
}

/**
 * The documents of the corpus, as paths relative to the project: what GLOB matches.
 * @param {string} folder
 */
function documentsIn(folder) {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((name) => /\.(json|yaml)$/.test(name))
    .sort()
    .map((name) => relative(ROOT, join(folder, name)));
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
    '',
    `The reference for \`auto\`: two \`--concurrency off\` processes side by side, each given half of the documents (halves of equal bytes, ${sideBySideSame ? 'together the same findings as `off`' : '**not** the findings of `off`'}), took **×${(sideBySide.wall / off.wall).toFixed(2)}** of \`off\`, with no thread and nothing shared. That is what this machine gave two independent processes during the run, and a run with two worker threads cannot expect to do better: \`auto\` took ×${(auto.wall / sideBySide.wall).toFixed(2)} of it. A single \`off\` run is not single-core: V8's garbage collector and compiler threads use the second core (${off.cpu.toFixed(1)} s of CPU in ${off.wall.toFixed(1)} s), which two busy threads have to share.`,
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
