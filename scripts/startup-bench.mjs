// `npm run bench:startup`: what loading the ruleset costs at the start of every `spectral lint`, shipped as it is
// and built the other ways it could be, on a small document where start-up is most of the run.
//
// Spectral's loaders (the CLI's, and the VS Code extension's) bundle every ruleset with rollup at each start, so
// the way the package's code is written out decides this cost. Measured, alternating, through the real CLI:
// - floor: a ruleset of one trivial rule (what every ruleset pays);
// - shipped: dist/ as built (one ES module behind a CommonJS main; scripts/build.mjs);
// - plain CommonJS: the same sources as one CommonJS bundle, which rollup's commonjs plugin transforms;
// - code in a string: that bundle carried as one string literal evaluated with `Function`, as the package shipped
//   until it stopped evaluating code from strings (docs/packaging.md): for comparison only, never shipped again.
// Writes the "Start-up" section of docs/performance.md (between its markers; `npm run bench` keeps it).
//
// Options: --runs N (rounds; default 9).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { installedVersionOf, ROOT } from './lib-corpus.mjs';
import { timedSpectralLint } from './lib-timed-lint.mjs';
import { STARTUP_BEGIN, STARTUP_END } from './startup-markers.mjs';

const TARGET_TIME_RATIO = 1.15;
const PAGE = join(ROOT, 'docs', 'performance.md');
const WORK = join(ROOT, '.cache', 'startup');
const DOCUMENT = join(ROOT, 'fixtures', 'integration', 'all-rules.oas3.yaml');
const SPECTRAL_BUILTINS = JSON.parse(readFileSync(join(ROOT, 'scripts', 'spectral-builtins.json'), 'utf8'));

/**
 * One side of the comparison: its `.spectral.yaml`, and the size of its code (0 for the floor).
 * @typedef {{ name: string, label: string, ruleset: string, bytes: number }} Variant
 * One timed lint: wall time and CPU time in milliseconds, and how many findings it gave.
 * @typedef {{ wall: number, cpu: number, findings: number }} Sample
 */

const runs = runsFrom(process.argv.slice(2));
if (!existsSync(join(ROOT, 'dist', 'ruleset.mjs'))) {
  console.error('dist/ is not built: run `npm run build` first (`npm run bench:startup` does).');
  process.exit(1);
}
const variants = await writeVariants();
/** @type {Record<string, Sample[]>} */
const samples = Object.fromEntries(variants.map((variant) => [variant.name, []]));
for (const variant of variants) await lintOnce(variant); // untimed: the file cache, for every side alike
for (let round = 0; round < runs; round++) {
  const order = round % 2 === 0 ? variants : [...variants].reverse();
  for (const variant of order) samples[variant.name].push(await lintOnce(variant));
}
const floor = summaryOf(samples.floor);
const rows = variants.map((variant) => ({ ...variant, ...summaryOf(samples[variant.name]) }));
for (const row of rows) {
  console.log(
    `${row.name.padEnd(16)} ${row.wall.toFixed(0)} ms (×${(row.wall / floor.wall).toFixed(3)}), CPU ${row.cpu.toFixed(0)} ms (+${(row.cpu - floor.cpu).toFixed(0)})`,
  );
}
writeSection(renderSection(rows, floor));
console.log(`wrote the start-up section of ${relative(ROOT, PAGE)}`);

/** @param {string[]} args */
function runsFrom(args) {
  const index = args.indexOf('--runs');
  if (index === -1) return 9;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--runs needs a positive integer, not ${args[index + 1]}`);
  return value;
}

/**
 * Each side as a `.spectral.yaml` that extends its ruleset file, the way users extend the package.
 * @returns {Promise<Variant[]>}
 */
async function writeVariants() {
  rmSync(WORK, { recursive: true, force: true });
  const folder = (/** @type {string} */ name) => {
    mkdirSync(join(WORK, name), { recursive: true });
    return join(WORK, name);
  };
  const extending = (/** @type {string} */ name, /** @type {string} */ file) => {
    const spectralYaml = join(WORK, `${name}.spectral.yaml`);
    writeFileSync(spectralYaml, `extends: [${JSON.stringify(file)}]\n`);
    return spectralYaml;
  };
  const floorYaml = join(WORK, 'floor.spectral.yaml');
  mkdirSync(WORK, { recursive: true });
  writeFileSync(
    floorYaml,
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

  const shipped = folder('shipped');
  for (const file of ['index.js', 'ruleset.mjs']) copyFileSync(join(ROOT, 'dist', file), join(shipped, file));

  const plain = join(folder('plain-commonjs'), 'index.js');
  await build({
    entryPoints: [join(ROOT, 'src', 'index.ts')],
    outfile: plain,
    bundle: true,
    platform: 'neutral',
    format: 'cjs',
    target: 'es2020',
    mainFields: ['main', 'module'],
    external: SPECTRAL_BUILTINS,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const inString = join(folder('code-in-a-string'), 'index.js');
  writeFileSync(inString, carriedInAString(readFileSync(plain, 'utf8')));

  return [
    { name: 'floor', label: 'floor (one trivial rule)', ruleset: floorYaml, bytes: 0 },
    {
      name: 'shipped',
      label: '**shipped**: ES module + CommonJS main',
      ruleset: extending('shipped', join(shipped, 'index.js')),
      bytes: sizeOf(shipped, ['index.js', 'ruleset.mjs']),
    },
    {
      name: 'plain-commonjs',
      label: 'plain CommonJS bundle',
      ruleset: extending('plain-commonjs', plain),
      bytes: sizeOf(join(WORK, 'plain-commonjs'), ['index.js']),
    },
    {
      name: 'code-in-a-string',
      label: 'code in a string, evaluated with `Function` (until 0.1.0)',
      ruleset: extending('code-in-a-string', inString),
      bytes: sizeOf(join(WORK, 'code-in-a-string'), ['index.js']),
    },
  ];
}

/**
 * @param {string} folderPath
 * @param {string[]} files
 */
function sizeOf(folderPath, files) {
  return files.reduce((total, file) => total + readFileSync(join(folderPath, file)).length, 0);
}

/**
 * The former build's wrapper: the bundle's code as one string, run with `Function`; the built-ins stay `require`s.
 * @param {string} code
 */
function carriedInAString(code) {
  const required = [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]))];
  const builtins = required.map((id) => `${JSON.stringify(id)}: require(${JSON.stringify(id)})`).join(', ');
  return [
    '"use strict";',
    `var builtins = { ${builtins} };`,
    'var loaded = { exports: {} };',
    `Function("module", "exports", "require", ${JSON.stringify(code)})(loaded, loaded.exports, function (id) { return builtins[id]; });`,
    'module.exports = loaded.exports;',
    '',
  ].join('\n');
}

/**
 * @param {Variant} variant
 * @returns {Promise<Sample>}
 */
async function lintOnce(variant) {
  const run = await timedSpectralLint({
    document: DOCUMENT,
    ruleset: variant.ruleset,
    workDirectory: WORK,
    label: variant.name,
  });
  return { wall: run.milliseconds, cpu: run.cpuMs, findings: run.findings };
}

/** @param {Sample[]} list */
function summaryOf(list) {
  const median = (/** @type {number[]} */ values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  return { wall: median(list.map((s) => s.wall)), cpu: median(list.map((s) => s.cpu)), findings: list[0].findings };
}

/**
 * @param {(Variant & Sample)[]} rowList
 * @param {Sample} floorSummary
 */
function renderSection(rowList, floorSummary) {
  const mark = (/** @type {number} */ ratio) =>
    ratio <= TARGET_TIME_RATIO ? `**×${ratio.toFixed(2)}**` : `**×${ratio.toFixed(2)}** (over ×${TARGET_TIME_RATIO})`;
  const lines = [
    STARTUP_BEGIN,
    '## Start-up',
    '',
    `Loading the ruleset, on a small document (${relative(ROOT, DOCUMENT)}, where start-up is most of the run), through the real \`spectral lint\`: the package's code as shipped, and as it could be built instead, each extended from a \`.spectral.yaml\`. Medians of ${runs} alternating rounds (scripts/startup-bench.mjs), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, @stoplight/spectral-cli ${installedVersionOf('@stoplight/spectral-cli')}, on the same shared machine as above.`,
    '',
    '| build | size | time | **time ratio** | CPU over the floor |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const row of rowList) {
    const size = row.bytes === 0 ? '' : `${(row.bytes / 1024).toFixed(0)} KB`;
    const ratio = row.name === 'floor' ? '' : mark(row.wall / floorSummary.wall);
    const cpu = row.name === 'floor' ? '' : `+${Math.round(row.cpu - floorSummary.cpu)} ms`;
    lines.push(`| ${row.label} | ${size} | ${(row.wall / 1000).toFixed(2)} s | ${ratio} | ${cpu} |`);
  }
  lines.push(STARTUP_END);
  return lines.join('\n');
}

/** @param {string} section */
function writeSection(section) {
  const page = readFileSync(PAGE, 'utf8');
  const begin = page.indexOf(STARTUP_BEGIN);
  const end = page.indexOf(STARTUP_END);
  const next =
    begin === -1
      ? `${page.trimEnd()}\n\n${section}\n`
      : `${page.slice(0, begin)}${section}${page.slice(end + STARTUP_END.length)}`;
  writeFileSync(PAGE, next);
}
