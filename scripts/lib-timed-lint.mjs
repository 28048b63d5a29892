// One `spectral lint` in a child process, as `npm run bench` and `npm run bench:startup` time it: the wall time
// from outside, and from inside (scripts/bench-probe.cjs, preloaded) the CPU time, peak memory and Spectral's
// phases, which the parent cannot see.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib-corpus.mjs';

/** The installed Spectral CLI's entry, run with Node by every benchmark. */
export const SPECTRAL = join(ROOT, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
const PROBE = join(ROOT, 'scripts', 'bench-probe.cjs');

/**
 * @typedef {{ maxRssKb: number, cpuMs: number, placingMs: number, rulesMs: number, resolvingMs: number }} Usage
 * @typedef {Usage & { milliseconds: number, findings: number }} TimedLint
 */

/**
 * Lints `document` with `ruleset`, writing its files (`out-<label>.json`, `usage-<label>.json`) to `workDirectory`.
 * Rejects when Spectral fails (exit 2) or a rule could not check the document: a benchmark of a broken run would
 * time the wrong thing.
 * @param {{ document: string, ruleset: string, workDirectory: string, label: string }} run
 * @returns {Promise<TimedLint>}
 */
export function timedSpectralLint({ document, ruleset, workDirectory, label }) {
  const output = join(workDirectory, `out-${label}.json`);
  const usageFile = join(workDirectory, `usage-${label}.json`);
  rmSync(output, { force: true });
  rmSync(usageFile, { force: true });
  const args = ['--require', PROBE, SPECTRAL, 'lint', document, '--ruleset', ruleset];
  args.push('--format', 'json', '--output', output, '--quiet');
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, BENCH_USAGE_FILE: usageFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
      // spectral exits 1 when it reports errors: that is a successful lint here; 2 is a failure.
      if (code !== 0 && code !== 1) return reject(new Error(`${label} exited ${code}: ${stderr.slice(0, 2000)}`));
      /** @type {{ message: string }[]} */
      const results = existsSync(output) ? JSON.parse(readFileSync(output, 'utf8') || '[]') : [];
      const crashed = results.filter((r) => String(r.message).includes('could not check this document'));
      if (crashed.length > 0) return reject(new Error(`${label}: a rule failed: ${crashed[0].message}`));
      /** @type {Usage} */
      const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
      const { maxRssKb, cpuMs, placingMs, rulesMs, resolvingMs } = usage;
      resolvePromise({ milliseconds, maxRssKb, cpuMs, placingMs, rulesMs, resolvingMs, findings: results.length });
    });
  });
}
