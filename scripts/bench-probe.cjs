// Preloaded (`node --require`) into each `spectral lint` process that `npm run bench` times. On exit it writes to
// $BENCH_USAGE_FILE what the parent cannot see from outside, for one run:
// - peak resident memory and CPU time (`process.resourceUsage()`: portable, unlike /usr/bin/time -v);
// - the time Spectral spends placing findings: its `Document#getRangeForJsonPath`, which maps each finding's path to
//   a line. Spectral's YAML parser (the CLI's for every file) copies each mapping of the path to expand merge keys,
//   so that a finding costs time in proportion to the keys beside it (the number of paths, for an operation's).
//   Timing it in the run itself says how much of ours − floor is Spectral placing findings rather than rules working.
// Measurement only: it wraps the method and returns its result unchanged.
const { writeFileSync } = require('node:fs');
const { dirname } = require('node:path');

let placingNs = 0n;
let placed = 0;
try {
  const cli = dirname(require.resolve('@stoplight/spectral-cli/package.json'));
  const { Document } = require(require.resolve('@stoplight/spectral-core', { paths: [cli] }));
  const getRangeForJsonPath = Document.prototype.getRangeForJsonPath;
  Document.prototype.getRangeForJsonPath = function timedGetRangeForJsonPath(...args) {
    const started = process.hrtime.bigint();
    try {
      return getRangeForJsonPath.apply(this, args);
    } finally {
      placingNs += process.hrtime.bigint() - started;
      placed += 1;
    }
  };
} catch (error) {
  process.stderr.write(`bench probe: cannot time Spectral's finding placement (${error.message})\n`);
}

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(
    process.env.BENCH_USAGE_FILE,
    JSON.stringify({
      maxRssKb: usage.maxRSS,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      placingMs: Number(placingNs) / 1e6,
      placed,
    }),
  );
});
