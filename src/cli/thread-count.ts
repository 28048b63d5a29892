import { availableParallelism } from 'node:os';
import type { Concurrency } from './names';

/**
 * Below this many documents per thread, `auto` starts fewer threads: each worker first loads Spectral and the
 * ruleset again (about 0.6 s of CPU, as much as linting 4 or 5 typical documents), and with this many documents per
 * thread two threads save about twice that (docs/adopting.md).
 */
export const AUTO_DOCUMENTS_PER_THREAD = 8;

/**
 * How many worker threads lint the documents; 0 lints them in the command's own thread. A number given is taken as
 * it is (never more threads than documents). `auto` takes one thread per core: while the workers lint, the command's
 * own thread only hands out paths and collects results. It starts none when fewer than two threads would have
 * AUTO_DOCUMENTS_PER_THREAD documents each, since one worker only adds its start-up to the same serial work.
 */
export function threadCount(
  concurrency: Concurrency,
  documents: number,
  cores: number = availableParallelism(),
): number {
  if (concurrency === 'off') return 0;
  if (concurrency !== 'auto') return Math.min(concurrency, documents);
  const threads = Math.min(cores, Math.floor(documents / AUTO_DOCUMENTS_PER_THREAD));
  return threads >= 2 ? threads : 0;
}
