// Preloaded (`node --require`) into each `spectral lint` process that `npm run bench` times. On exit it writes to
// $BENCH_USAGE_FILE what the parent cannot see from outside, for one run:
// - peak resident memory and CPU time (`process.resourceUsage()`: portable, unlike /usr/bin/time -v);
// - the time Spectral spends placing findings: its `Document#getRangeForJsonPath`, which maps each finding's path to
//   a line. Spectral's YAML parser (the CLI's for every file) copies each mapping of the path to expand merge keys,
//   so that a finding costs time in proportion to the keys beside it (the number of paths, for an operation's).
// - the time in the rules' own work: Spectral's `lintNode` (a rule's function and the handling of its results), less
//   the placing inside it. This is everything a ruleset's code decides, measured apart from the run's noise.
// - the time Spectral spends resolving `$ref`s (`DocumentInventory#resolve`): the same work for the floor and ours,
//   so that the difference between the two sides shows how much the machine moved between runs.
// Measurement only: each wrapper returns the wrapped function's result unchanged. Internal modules are loaded by
// file path, as Spectral's own runner loads them (its package exports do not list them).
const { writeFileSync } = require('node:fs');
const path = require('node:path');

const elapsed = { placingNs: 0n, rulesNs: 0n, resolvingNs: 0n };
const calls = { placingNs: 0, rulesNs: 0, resolvingNs: 0 };

/**
 * @param {any} owner the object whose method is wrapped: Spectral's internals, which have no public types
 * @param {string} name
 * @param {keyof typeof elapsed} field
 * @param {{ async?: boolean }} options
 */
function timed(owner, name, field, { async = false } = {}) {
  const original = owner[name];
  owner[name] = function timedCall(/** @type {unknown[]} */ ...args) {
    calls[field] += 1;
    const started = process.hrtime.bigint();
    const stop = () => (elapsed[field] += process.hrtime.bigint() - started);
    if (async) return original.apply(this, args).finally(stop);
    try {
      return original.apply(this, args);
    } finally {
      stop();
    }
  };
}

try {
  const cli = path.dirname(require.resolve('@stoplight/spectral-cli/package.json'));
  const coreEntry = require.resolve('@stoplight/spectral-core', { paths: [cli] });
  const { Document } = require(coreEntry);
  timed(Document.prototype, 'getRangeForJsonPath', 'placingNs');
  // The runner calls `lintNode` through its module's exports object, so replacing the export times every call.
  timed(require(path.join(path.dirname(coreEntry), 'runner', 'lintNode.js')), 'lintNode', 'rulesNs');
  timed(
    require(path.join(path.dirname(coreEntry), 'documentInventory.js')).DocumentInventory.prototype,
    'resolve',
    'resolvingNs',
    {
      async: true,
    },
  );
} catch (error) {
  process.stderr.write(`bench probe: cannot time Spectral's phases (${/** @type {Error} */ (error).message})\n`);
}

const milliseconds = (/** @type {bigint} */ ns) => Number(ns) / 1e6;

process.on('exit', () => {
  const usageFile = process.env.BENCH_USAGE_FILE;
  if (usageFile === undefined) return; // preloaded by hand, not by `npm run bench`: no one to report to
  const usage = process.resourceUsage();
  writeFileSync(
    usageFile,
    JSON.stringify({
      maxRssKb: usage.maxRSS,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      placingMs: milliseconds(elapsed.placingNs),
      placed: calls.placingNs,
      rulesMs: milliseconds(elapsed.rulesNs - elapsed.placingNs),
      resolvingMs: milliseconds(elapsed.resolvingNs),
    }),
  );
});
