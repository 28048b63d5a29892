import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CommandEnvironment } from './document-pipeline';
import type { LintedDocument } from './lint-document';
import { describeError } from './names';
import type { DocumentOptions } from './options';
import { DocumentProgress, NO_PROGRESS } from './progress';

/** What a worker needs to set the run up again: plain data only, since a ruleset cannot cross threads. */
export interface WorkerJob extends Pick<CommandEnvironment, 'cwd' | 'ownRulesetModule'> {
  options: DocumentOptions;
}

/** The main thread hands a worker one document at a time. */
export interface DocumentRequest {
  index: number;
  file: string;
}

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'setup-failed'; error: string }
  | { kind: 'linted'; index: number; linted: LintedDocument };

/** dist/lint-worker.js, beside the bundled command (dist/cli.js) this module is part of. */
const WORKER_FILE = join(__dirname, 'lint-worker.js');

/**
 * Lints the documents in `threads` worker threads and returns what each gave, in the order of `files`: the same
 * LintedDocuments `lintDocuments` gives in the command's own thread. Documents are handed out one at a time as
 * workers become free, the largest first, so that a large document handed out last does not keep one thread busy
 * while the others have nothing left to do. A worker that
 * stops (a crash, a custom function calling process.exit) turns the document it had into an input problem and is
 * replaced; every worker has ended when the promise resolves.
 */
export function lintInThreads(
  files: readonly string[],
  threads: number,
  job: WorkerJob,
  progress: DocumentProgress = NO_PROGRESS,
): Promise<LintedDocument[]> {
  const linted: (LintedDocument | undefined)[] = files.map(() => undefined);
  const order = largestFirst(files);
  let next = 0;
  let running = 0;
  let setupError: string | undefined;
  return new Promise((resolvePromise) => {
    const endIfLast = () => {
      if (running > 0) return;
      const reason = `the worker threads could not set up (${setupError ?? 'no reason given'})`;
      resolvePromise(files.map((file, index) => linted[index] ?? notLinted(file, reason)));
    };
    const startWorker = () => {
      running += 1;
      const worker = new Worker(WORKER_FILE, { workerData: job });
      let current: number | undefined;
      let lastError: string | undefined;
      const handOutNext = () => {
        if (next >= files.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = order[next++];
        progress.started(files[current]);
        worker.postMessage({ index: current, file: files[current] } satisfies DocumentRequest);
      };
      worker.on('message', (message: FromWorker) => {
        if (message.kind === 'setup-failed') {
          setupError = message.error;
          void worker.terminate();
          return;
        }
        if (message.kind === 'linted') {
          linted[message.index] = message.linted;
          progress.done();
        }
        handOutNext();
      });
      worker.on('error', (error) => {
        lastError = describeError(error);
      });
      worker.on('exit', (code) => {
        running -= 1;
        if (current !== undefined) {
          // The worker had set up (it was linting), so a fresh one will too; each crash uses up one document.
          const reason = `its worker thread stopped (${lastError ?? `exit code ${code}`})`;
          linted[current] = notLinted(files[current], reason);
          progress.done();
          current = undefined;
          if (next < files.length) startWorker();
        }
        endIfLast();
      });
    };
    const workers = Math.min(threads, files.length);
    for (let started = 0; started < workers; started += 1) startWorker();
    endIfLast();
  });
}

/** The indexes of `files`, largest file first (by bytes; one that cannot be read counts as empty). */
export function largestFirst(files: readonly string[]): number[] {
  const sizes = files.map((file) => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  });
  return files.map((_file, index) => index).sort((a, b) => sizes[b] - sizes[a] || a - b);
}

function notLinted(file: string, reason: string): LintedDocument {
  return { file, results: [], problems: [{ file, message: `could not be linted: ${reason}` }], filesRead: [] };
}
