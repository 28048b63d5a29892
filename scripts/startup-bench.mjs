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
// Options: --runs N (rounds; default 30: medians of 9 rounds moved by ±0.08 between runs on this shared machine, more
// than the margin to the target).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { installedVersionOf, ROOT } from './lib-corpus.mjs';
import { SPECTRAL, timedSpectralLint } from './lib-timed-lint.mjs';
import { STARTUP, withSection } from './performance-sections.mjs';

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
// Where the time over the floor goes: one CPU profile of each build, its samples summed per package.
const profiles = Object.fromEntries(variants.map((variant) => [variant.name, selfTimeByPackage(profileOnce(variant))]));
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
  if (index === -1) return 30;
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
    STARTUP.begin,
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
  lines.push('', ...profileParagraph(rowList), STARTUP.end);
  return lines.join('\n');
}

/**
 * Runs one lint of the variant under Node's CPU profiler and returns the profile's path.
 * @param {Variant} variant
 */
function profileOnce(variant) {
  const folder = join(WORK, `profile-${variant.name}`);
  rmSync(folder, { recursive: true, force: true });
  const args = ['--cpu-prof', '--cpu-prof-dir', folder, SPECTRAL, 'lint', DOCUMENT, '--ruleset', variant.ruleset];
  spawnSync(process.execPath, [...args, '--quiet', '--format', 'json', '--output', join(folder, 'out.json')], {
    cwd: ROOT,
  });
  const profile = readdirSync(folder).find((name) => name.endsWith('.cpuprofile'));
  if (profile === undefined) throw new Error(`no CPU profile was written for ${variant.name}`);
  return join(folder, profile);
}

/**
 * Milliseconds of CPU per package (its folder under node_modules), `node:` for Node's own code, `(name)` for V8's
 * native work (the garbage collector, file reads), summed over the profile's samples (self time).
 * @param {string} profileFile
 * @returns {Record<string, number>}
 */
function selfTimeByPackage(profileFile) {
  /** @type {{ nodes: { id: number, callFrame: { url: string, functionName: string } }[], samples: number[], timeDeltas: number[] }} */
  const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  /** @type {Record<string, number>} */
  const byPackage = {};
  profile.samples.forEach((id, index) => {
    const { url, functionName } = nodes.get(id)?.callFrame ?? { url: '', functionName: '' };
    const inModules = url.split('node_modules/').pop() ?? '';
    const segments = inModules.split('/');
    const name = url.includes('node_modules/')
      ? segments.slice(0, inModules.startsWith('@') ? 2 : 1).join('/')
      : url.startsWith('node:')
        ? 'node:'
        : url === ''
          ? functionName.startsWith('(')
            ? functionName
            : `(${functionName || 'native'})`
          : 'other';
    byPackage[name] = (byPackage[name] ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000;
  });
  return byPackage;
}

/** How long Node takes to require the built package itself, once Spectral's packages it imports are loaded. */
function requireMilliseconds() {
  const script = [
    "require('@stoplight/spectral-core'); require('@stoplight/spectral-functions'); require('@stoplight/spectral-formats');",
    'const started = process.hrtime.bigint();',
    "require('./dist/index.js');",
    'console.log(Number(process.hrtime.bigint() - started) / 1e6);',
  ].join(' ');
  return Number(spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).stdout);
}

/**
 * The packages whose CPU time grows most from the floor to each build, from the profiles.
 * @param {(Variant & Sample)[]} rowList
 */
function profileParagraph(rowList) {
  const lines = [
    "Where the CPU time over the floor goes: one run of each build under `node --cpu-prof`, its samples summed per package (self time, so a package's callers are not counted twice), the five largest increases over the floor:",
    '',
  ];
  for (const row of rowList.filter((candidate) => candidate.name !== 'floor')) {
    const own = profiles[row.name];
    const increases = Object.keys(own)
      .map((name) => ({ name, delta: own[name] - (profiles.floor[name] ?? 0) }))
      .sort((a, b) => b.delta - a.delta)
      .slice(0, 5)
      .map(({ name, delta }) => `${name} +${Math.round(delta)} ms`);
    lines.push(`- ${row.label}: ${increases.join(', ')}`);
  }
  lines.push(
    '',
    `\`rollup\` is Spectral's loader bundling the ruleset at every start: it parses and tree-shakes the package's code, which a string literal spared it. That, not running the package's code (${Math.round(requireMilliseconds())} ms when Node requires \`dist/index.js\` directly, Spectral's packages already loaded), is the remaining cost.`,
  );
  return lines;
}

/** @param {string} section */
function writeSection(section) {
  writeFileSync(PAGE, withSection(readFileSync(PAGE, 'utf8'), STARTUP, section));
}
