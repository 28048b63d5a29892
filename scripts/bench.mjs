// `npm run bench`: the cost of this ruleset over Spectral's own floor, through the real `spectral lint` command.
//
// For every corpus document and generated documents of 1,000, 10,000 and 50,000 operations, it runs the floor
// (Spectral with one trivial rule: start-up, parse, resolve) and ours (this package's built ruleset, extended from a
// .spectral.yaml as users do), alternating the two so that the drift of a shared machine cancels out, and reports
// the median wall time, CPU time and peak memory of the `spectral lint` process, and the ratios ours/floor. Writes
// docs/performance.md on a full run.
//
// Options: --runs N (pairs per document; default 11, 5 from 10,000 operations),
//          --only name[,name] (corpus names, gen-1000, gen-10000, gen-50000; prints, does not write the page).
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { CORPUS, corpusPathOf, ensureCorpus, installedVersionOf, ROOT } from './lib-corpus.mjs';
import { GENERATED_DIR, generatedDocumentPath } from './lib-generated.mjs';
import { timedSpectralLint } from './lib-timed-lint.mjs';
import { STARTUP_BEGIN, STARTUP_END } from './startup-markers.mjs';

const YAML = createRequire(import.meta.url)('yaml');
const GENERATED_SIZES = [1000, 10000, 50000];
const TARGET_TIME_RATIO = 1.15;
const TARGET_MEMORY_RATIO = 1.1;
const PAGE = join(ROOT, 'docs', 'performance.md');

/**
 * A document to measure: a corpus document, or a generated one of `size` operations.
 * @typedef {({ name: string, kind: 'corpus', document: import('./lib-corpus.mjs').CorpusDocument }
 *   | { name: string, kind: 'generated', size: number }) & { path: string, operations: number, bytes: number }} Target
 * @typedef {'floor' | 'ours'} Side
 * One `spectral lint` run: wall time, and what the probe (scripts/bench-probe.cjs) measured inside it.
 * @typedef {import('./lib-timed-lint.mjs').TimedLint} Sample
 * @typedef {Awaited<ReturnType<typeof measure>>} Row
 */

const options = parseArguments(process.argv.slice(2));
if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
  console.error('dist/index.js is missing: run `npm run build` first (`npm run bench` does).');
  process.exit(1);
}
const rulesets = writeRulesets();
const targets = selectTargets(options.only);

/** @type {Row[]} */
const rows = [];
for (const target of targets) {
  const runs = options.runs ?? defaultRunsFor(target.operations);
  const row = await measure(target, runs);
  rows.push(row);
  console.log(formatRow(row));
}
const misses = rows.filter((row) => row.timeRatio > TARGET_TIME_RATIO || row.memoryRatio > TARGET_MEMORY_RATIO);
console.log(
  misses.length === 0 ? 'every ratio is within target' : `over target: ${misses.map((row) => row.name).join(', ')}`,
);
if (options.only.length === 0) {
  writeFileSync(PAGE, `${renderPage(rows)}${startUpSectionOf(readFileSync(PAGE, 'utf8'))}`);
  console.log(`wrote ${relative(ROOT, PAGE)}`);
}

/**
 * Pairs of runs: enough for a median that is not one draw of the machine's noise (peak memory in particular falls
 * into one of two or three levels from run to run, depending on when the collector ran). Spectral's own resolver is
 * quadratic in the number of `$ref`s, so one run on 50,000 operations takes about two minutes here: its five pairs
 * make most of the benchmark's half hour.
 * @param {number} operations
 */
function defaultRunsFor(operations) {
  return operations >= 10000 ? 5 : 11;
}

/** @param {string[]} args */
function parseArguments(args) {
  /** @type {{ only: string[], runs?: number }} */
  const parsed = { only: [], runs: undefined };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--only') parsed.only.push(...(args[++i] ?? '').split(',').filter(Boolean));
    else if (args[i] === '--runs') parsed.runs = positiveInteger(args[++i]);
    else throw new Error(`unknown argument ${args[i]} (use --runs N, --only name[,name])`);
  }
  return parsed;
}

/** @param {string | undefined} text */
function positiveInteger(text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--runs needs a positive integer, not ${text}`);
  return value;
}

/** The floor ruleset (one trivial rule) and ours (this package, extended the way users extend it). */
function writeRulesets() {
  mkdirSync(GENERATED_DIR, { recursive: true });
  const floor = join(GENERATED_DIR, 'floor.spectral.yaml');
  writeFileSync(
    floor,
    [
      'rules:',
      '  floor-info-present:',
      '    given: $.info',
      '    severity: warn',
      '    then:',
      '      function: truthy',
      '',
    ].join('\n'),
  );
  // A copy of the built ruleset (its main and the ES module that the main requires), so that a rebuild of dist/
  // during the benchmark's half hour cannot change or break it.
  const builtFolder = join(GENERATED_DIR, 'ours');
  mkdirSync(builtFolder, { recursive: true });
  for (const file of ['index.js', 'ruleset.mjs']) copyFileSync(join(ROOT, 'dist', file), join(builtFolder, file));
  const built = join(builtFolder, 'index.js');
  const ours = join(GENERATED_DIR, 'ours.spectral.yaml');
  writeFileSync(ours, `extends: [${JSON.stringify(`./${relative(GENERATED_DIR, built)}`)}]\n`);
  // The child reports its own peak memory, CPU time and the time Spectral spent placing findings (see the file).
  const preload = join(ROOT, 'scripts', 'bench-probe.cjs');
  return { floor, ours, preload };
}

/**
 * @param {string[]} only
 * @returns {Target[]}
 */
function selectTargets(only) {
  const corpus = CORPUS.map((document) => ({ name: document.name, kind: /** @type {const} */ ('corpus'), document }));
  const generated = GENERATED_SIZES.map((size) => ({
    name: `gen-${size}`,
    kind: /** @type {const} */ ('generated'),
    size,
  }));
  const all = [...corpus, ...generated];
  const unknown = only.filter((name) => !all.some((target) => target.name === name));
  if (unknown.length > 0)
    throw new Error(`unknown document(s): ${unknown.join(', ')} (known: ${all.map((t) => t.name).join(', ')})`);
  const chosen = only.length === 0 ? all : all.filter((target) => only.includes(target.name));
  ensureCorpus(chosen.flatMap((target) => (target.kind === 'corpus' ? [target.document] : [])));
  return chosen.map((target) => {
    const path = target.kind === 'corpus' ? corpusPathOf(target.document) : generatedDocumentPath(target.size);
    const operations = target.kind === 'corpus' ? countOperations(path) : target.size;
    return { ...target, path, operations, bytes: statSync(path).size };
  });
}

/**
 * Operations under `paths`, counted the way the rules count them (the eight methods).
 * @param {string} path
 */
function countOperations(path) {
  const text = readFileSync(path, 'utf8');
  const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
  /** @type {{ paths?: Record<string, Record<string, unknown> | null> }} */
  const document = path.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
  const paths = document.paths ?? {};
  return Object.values(paths).reduce((n, item) => n + methods.filter((m) => item?.[m] !== undefined).length, 0);
}

/**
 * @param {Target} target
 * @param {number} runs
 */
async function measure(target, runs) {
  /** @type {Record<Side, Sample[]>} */
  const samples = { floor: [], ours: [] };
  // One untimed run of each first, so that the file is in the page cache for every timed run (on the largest
  // documents a run takes long enough that this does not matter, and the time is better spent on timed runs).
  if (target.operations < 10000) {
    await lintOnce(target, 'floor');
    await lintOnce(target, 'ours');
  }
  for (let i = 0; i < runs; i++) {
    /** @type {Side[]} */
    const order = i % 2 === 0 ? ['floor', 'ours'] : ['ours', 'floor'];
    for (const side of order) samples[side].push(await lintOnce(target, side));
  }
  /** @type {(side: Side, field: Exclude<keyof Sample, 'findings'>) => number} */
  const medianOf = (side, field) => median(samples[side].map((sample) => sample[field]));
  const [floorTime, oursTime] = [medianOf('floor', 'milliseconds'), medianOf('ours', 'milliseconds')];
  const [floorCpu, oursCpu] = [medianOf('floor', 'cpuMs'), medianOf('ours', 'cpuMs')];
  const [floorMemory, oursMemory] = [medianOf('floor', 'maxRssKb'), medianOf('ours', 'maxRssKb')];
  const [floorPlacing, oursPlacing] = [medianOf('floor', 'placingMs'), medianOf('ours', 'placingMs')];
  const [floorResolving, oursResolving] = [medianOf('floor', 'resolvingMs'), medianOf('ours', 'resolvingMs')];
  return {
    name: target.name,
    kind: target.kind,
    operations: target.operations,
    bytes: target.bytes,
    runs,
    floorTime,
    oursTime,
    timeRatio: oursTime / floorTime,
    floorCpu,
    oursCpu,
    cpuRatio: oursCpu / floorCpu,
    floorMemory,
    oursMemory,
    memoryRatio: oursMemory / floorMemory,
    floorPlacing,
    oursPlacing,
    floorResolving,
    oursResolving,
    oursRules: medianOf('ours', 'rulesMs'),
    // What the ratio would be if Spectral placed findings at no cost: the part of ours − floor that is not its own.
    timeRatioLessPlacing: (oursTime - oursPlacing) / (floorTime - floorPlacing),
    findings: samples.ours[0].findings,
    spread: spreadOf(samples),
  };
}

/**
 * How far the slowest run of each side is from its median: the noise the medians sit in.
 * @param {Record<Side, Sample[]>} samples
 */
function spreadOf(samples) {
  const worst = (/** @type {Sample[]} */ list) =>
    Math.max(...list.map((s) => s.milliseconds)) / median(list.map((s) => s.milliseconds)) - 1;
  return Math.max(worst(samples.floor), worst(samples.ours));
}

/**
 * @param {Target} target
 * @param {Side} side
 * @returns {Promise<Sample>}
 */
function lintOnce(target, side) {
  const label = `${side} on ${target.name}`;
  return timedSpectralLint({ document: target.path, ruleset: rulesets[side], workDirectory: GENERATED_DIR, label });
}

/**
 * The page's start-up section, written by `npm run bench:startup`, kept as it is (with a blank line before it).
 * @param {string} page
 */
function startUpSectionOf(page) {
  const begin = page.indexOf(STARTUP_BEGIN);
  const end = page.indexOf(STARTUP_END);
  return begin === -1 || end === -1 ? '' : `\n${page.slice(begin, end + STARTUP_END.length)}\n`;
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** @param {number} ms */
function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** @param {number} kb */
function megabytes(kb) {
  return `${Math.round(kb / 1024)} MB`;
}

/**
 * @param {number} ms
 * @param {number} operations
 */
function perOperation(ms, operations) {
  return `${((ms * 1000) / operations).toFixed(0)} µs`;
}

/** @param {Row} row */
function formatRow(row) {
  return `${row.name.padEnd(11)} ${String(row.operations).padStart(6)} ops  floor ${seconds(row.floorTime).padStart(8)} ${megabytes(row.floorMemory).padStart(7)}  ours ${seconds(row.oursTime).padStart(8)} ${megabytes(row.oursMemory).padStart(7)}  time ×${row.timeRatio.toFixed(3)}  cpu ×${row.cpuRatio.toFixed(3)} (${seconds(row.floorCpu)} → ${seconds(row.oursCpu)})  memory ×${row.memoryRatio.toFixed(3)}  rules ${seconds(row.oursRules)}  resolving ${seconds(row.floorResolving)} → ${seconds(row.oursResolving)}  placing findings ${seconds(row.oursPlacing)} (time ×${row.timeRatioLessPlacing.toFixed(3)} without)  (${row.findings} findings, ${row.runs} runs, worst run +${Math.round(row.spread * 100)} %)`;
}

/**
 * The rules' own work, in this run's own figures.
 * @param {Row[]} rowList
 */
function rulesParagraph(rowList) {
  const largest = largestOf(rowList);
  const figures =
    largest === undefined
      ? ''
      : ` On ${largest.name} they took ${seconds(largest.oursRules)} of a ${seconds(largest.floorTime)} floor.`;
  return `- **The rules.** One rule selection (\`given: "$"\`), one walk over \`paths\` per document for the facts every rule reads, and per-rule work linear in operations, with shared responses and descriptions examined once (the table "Inside the runs").${figures}`;
}

/** @param {Row[]} rowList */
function largestOf(rowList) {
  return rowList.reduce(
    (/** @type {Row | undefined} */ max, row) => (max === undefined || row.operations > max.operations ? row : max),
    undefined,
  );
}

/**
 * Spectral's cost of placing findings, in this run's own figures (scripts/bench-probe.cjs times it in each run).
 * @param {Row[]} rowList
 */
function findingsParagraph(rowList) {
  const perFinding = (/** @type {Row} */ row) => (row.findings === 0 ? 0 : row.oursPlacing / row.findings);
  const figures = rowList
    .filter((row) => row.findings > 0)
    .map((row) => `${row.name} ${perFinding(row).toFixed(perFinding(row) < 1 ? 3 : 1)} ms`)
    .join(', ');
  const largest = largestOf(rowList);
  const largestText =
    largest === undefined
      ? ''
      : ` On ${largest.name} it placed ${largest.findings} findings in ${seconds(largest.oursPlacing)} of the ${seconds(largest.oursTime - largest.floorTime)} that ours took over the floor; without it the time ratio there is ×${largest.timeRatioLessPlacing.toFixed(2)}.`;
  return (
    "- **Findings.** Spectral maps every finding to a line (`Document#getRangeForJsonPath`, timed inside each run by scripts/bench-probe.cjs). The CLI parses every file, JSON too, with its YAML parser, whose lookup copies each mapping on the finding's path to expand YAML merge keys (`getMappings` in @stoplight/yaml 4.3.0, the newest on the registry), so one finding on an operation costs time in proportion to the number of paths beside it, and more than that once the heap is large. Per finding: " +
    figures +
    '.' +
    largestText +
    ' Any ruleset pays this for the same findings; it is not in the rules, which is why the generated documents show both ratios. Reporting one finding per root cause (the document-level 401 finding, shared components reported once) is what this ruleset can do about it; the generated documents have 0.07 findings per operation by construction (GitHub 0.02, Kubernetes 1.7).'
  );
}

/** @param {Row[]} rowList */
function renderPage(rowList) {
  const cpuList = cpus();
  const date = new Date().toISOString().slice(0, 10);
  const mark = (/** @type {number} */ ratio, /** @type {number} */ target) =>
    ratio <= target ? `**×${ratio.toFixed(2)}**` : `**×${ratio.toFixed(2)}** (over ×${target})`;
  const lines = [
    '# Performance',
    '',
    '<!-- Written by `npm run bench` (scripts/bench.mjs); re-run it rather than editing by hand. -->',
    '',
    `The cost of this ruleset over Spectral's floor, through the real \`spectral lint\` command. The **floor** is Spectral with a ruleset of one trivial rule (\`truthy\` on \`$.info\`): start-up, ruleset loading, parsing and resolving, which every ruleset pays. **Ours** is a \`.spectral.yaml\` that extends this package's built \`dist/index.js\`, the way users extend it. Both write their results as JSON to a file. The two alternate (floor, ours, then ours, floor, ...) after one untimed run of each (none on documents of 10,000 operations or more), so that the drift of a shared machine cancels out. Time is the median wall time of the \`spectral lint\` process; CPU is the median of its user + system time; memory the median of its peak resident set (\`process.resourceUsage()\`, read by the child itself on exit).`,
    '',
    `Target: time ≤ ×${TARGET_TIME_RATIO} and memory ≤ ×${TARGET_MEMORY_RATIO} of the floor on every document, and a flat time per operation from 1,000 to 50,000 operations.`,
    '',
    `- Date: ${date}`,
    `- Machine: ${cpuList.length} CPUs (${cpuList[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, shared with other work while measured: absolute times are noisy, and the wall-time ratio of one document can move by ±10 % between runs of the benchmark; the CPU ratio is the steadier figure`,
    `- Versions: Node ${process.version}, @stoplight/spectral-cli ${installedVersionOf('@stoplight/spectral-cli')}, @stoplight/spectral-core ${installedVersionOf('@stoplight/spectral-core')}`,
    '',
    '| document | operations | size | runs | floor time | ours time | **time ratio** | CPU ratio | floor memory | ours memory | **memory ratio** | slowest run vs median |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rowList) {
    lines.push(
      `| ${row.name} | ${row.operations} | ${(row.bytes / 1e6).toFixed(1)} MB | ${row.runs} | ${seconds(row.floorTime)} | ${seconds(row.oursTime)} | ${mark(row.timeRatio, TARGET_TIME_RATIO)} | ×${row.cpuRatio.toFixed(2)} | ${megabytes(row.floorMemory)} | ${megabytes(row.oursMemory)} | ${mark(row.memoryRatio, TARGET_MEMORY_RATIO)} | +${Math.round(row.spread * 100)} % |`,
    );
  }
  lines.push(
    '',
    '## Inside the runs',
    '',
    "Timed inside each `spectral lint` process by scripts/bench-probe.cjs (medians): the rules' own work (Spectral's `lintNode`: each rule's function and the handling of its results, less placing them), Spectral placing the findings on lines (`Document#getRangeForJsonPath`), and Spectral resolving `$ref`s (`DocumentInventory#resolve`), which is the same work on both sides: the gap between its two columns is how far the machine moved between the floor's runs and ours.",
    '',
    "| document | findings | rules' own work | Spectral placing findings | Spectral resolving: floor | Spectral resolving: ours | time ratio without placing |",
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const row of rowList) {
    lines.push(
      `| ${row.name} | ${row.findings} | ${seconds(row.oursRules)} | ${seconds(row.oursPlacing)} | ${seconds(row.floorResolving)} | ${seconds(row.oursResolving)} | ×${row.timeRatioLessPlacing.toFixed(2)} |`,
    );
  }
  const generated = rowList.filter((row) => row.kind === 'generated');
  if (generated.length > 0) {
    lines.push('', '## Time per operation (generated documents)', '');
    lines.push(
      "Generated documents (scripts/lib-generated.mjs) have resources of six operations each (list, create, get, update, delete, a nested listing) in API areas of 600 operations, each area with its own shared resource and error schemas and shared 400/401/403/404 responses (about four `$ref`s per operation), inline parameters, OAuth2 scopes or an API key, and a few deliberate mistakes at fixed rates, so that findings grow with the document. The floor itself is not linear: Spectral's resolver orders its pointer graph in time quadratic in the number of `$ref`s. The rules' own work per operation is what this ruleset's code adds; ours − floor also holds Spectral placing the findings (see below) and the machine's drift between runs.",
      '',
    );
    lines.push(
      "| document | floor per operation | ours per operation | ours − floor per operation (CPU) | rules' own work per operation | Spectral placing findings, per operation |",
      '|---|---:|---:|---:|---:|---:|',
    );
    for (const row of generated) {
      lines.push(
        `| ${row.name} | ${perOperation(row.floorTime, row.operations)} | ${perOperation(row.oursTime, row.operations)} | ${perOperation(row.oursCpu - row.floorCpu, row.operations)} | ${perOperation(row.oursRules, row.operations)} | ${perOperation(row.oursPlacing, row.operations)} |`,
      );
    }
  }
  lines.push(
    '',
    '## Where the cost over the floor goes',
    '',
    '- **Start-up.** Spectral\'s loaders bundle every ruleset with rollup at each start; this is most of the cost on small documents. The package\'s code is one ES module, which rollup parses once, behind a CommonJS main: see "Start-up" below, measured against the other ways of building it.',
    rulesParagraph(rowList),
    findingsParagraph(rowList),
    '',
    '## Reproduce',
    '',
    '```sh',
    'npm run bench                                   # everything, about 30 minutes (fetches the corpus on first use)',
    'npm run bench -- --runs 3 --only github,gen-1000   # a quick look; --only prints and does not write this page',
    '```',
    '',
  );
  return lines.join('\n');
}
