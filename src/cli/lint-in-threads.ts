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

export function workerJobOf(
  options: DocumentOptions,
  environment: Pick<CommandEnvironment, 'cwd' | 'ownRulesetModule'>,
): WorkerJob {
  return { options, cwd: environment.cwd, ownRulesetModule: environment.ownRulesetModule };
}

/**
 * The documents of a run, sent to each worker once: a worker claims the next document itself (`claimed` counts the
 * positions of `order` taken so far, shared by every worker), so it never waits for the command's thread between
 * two documents.
 */
export interface LintRequest {
  files: readonly string[];
  /** The indexes of `files`, in the order they are claimed. */
  order: readonly number[];
  claimed: SharedArrayBuffer;
}

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'setup-failed'; error: string }
  | { kind: 'started'; index: number }
  | { kind: 'linted'; index: number; linted: LintedDocument }
  | { kind: 'finished' };

/** Takes the next position of the claim order: every thread that shares `claimed` gets each position once. */
export function claimNext(claimed: SharedArrayBuffer): number {
  return Atomics.add(new Int32Array(claimed), 0, 1);
}

function positionsLeft(request: LintRequest): boolean {
  return Atomics.load(new Int32Array(request.claimed), 0) < request.order.length;
}

/** dist/lint-worker.js, beside the bundled command (dist/cli.js) this module is part of. */
const WORKER_FILE = join(__dirname, 'lint-worker.js');

/**
 * Worker threads that lint documents: each starts setting the run up as soon as the pool is made, so the command can
 * start them before its own set-up and discovery, which then overlap the workers' (each loads Spectral and the
 * ruleset again, about as long as the command's own set-up).
 */
export interface LintThreads {
  /**
   * Lints the documents and returns what each gave, in the order of `files`: the same LintedDocuments
   * `lintDocuments` gives in the command's own thread. Once per pool; every worker has ended when it resolves.
   */
  lint(files: readonly string[], progress?: DocumentProgress): Promise<LintedDocument[]>;
  /** Ends the workers without linting anything (the run stopped before its lint stage); resolves once all ended. */
  close(): Promise<void>;
}

/** The pool's one lint: its documents, what each gave so far, and the request every worker is sent. */
interface Work {
  request: LintRequest;
  linted: (LintedDocument | undefined)[];
  progress: DocumentProgress;
}

/**
 * Starts `threads` worker threads. Each claims documents one at a time as it becomes free, the largest first, so that
 * a large document claimed last does not keep one thread busy while the others have nothing left to do. A worker
 * that stops while linting (a crash, a custom function calling process.exit) turns the document it had into an
 * input problem and is replaced.
 */
export function startLintThreads(threads: number, job: WorkerJob): LintThreads {
  const workers = new Set<Worker>();
  // The workers that have set up and wait for the lint to begin.
  const waiting = new Set<Worker>();
  let work: Work | undefined;
  let closing = false;
  let setupError: string | undefined;
  let allEnded!: () => void;
  const ended = new Promise<void>((resolvePromise) => {
    allEnded = resolvePromise;
  });

  const startWorker = () => {
    const worker = new Worker(WORKER_FILE, { workerData: job });
    workers.add(worker);
    let current: number | undefined;
    let lastError: string | undefined;
    let isReady = false;
    worker.on('message', (message: FromWorker) => {
      switch (message.kind) {
        case 'ready':
          isReady = true;
          if (closing) void worker.terminate();
          else if (work === undefined) waiting.add(worker);
          else worker.postMessage(work.request);
          return;
        case 'setup-failed':
          setupError = message.error;
          void worker.terminate();
          return;
        case 'started':
          current = message.index;
          work?.progress.started(work.request.files[message.index]);
          return;
        case 'linted':
          current = undefined;
          if (work === undefined) return;
          work.linted[message.index] = message.linted;
          work.progress.done();
          return;
        case 'finished':
          void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      lastError = describeError(error);
    });
    worker.on('exit', (code) => {
      workers.delete(worker);
      waiting.delete(worker);
      // A worker that stopped while it set up (no message at all, say out of memory) gives its error as the reason.
      if (!isReady) setupError ??= lastError;
      if (current !== undefined && work !== undefined) {
        // The worker had set up (it was linting), so a fresh one will too; each crash uses up one document.
        const reason = `its worker thread stopped (${lastError ?? `exit code ${code}`})`;
        work.linted[current] = notLinted(work.request.files[current], reason);
        work.progress.done();
        current = undefined;
        if (!closing && positionsLeft(work.request)) startWorker();
      }
      if (workers.size === 0) allEnded();
    });
  };

  for (let started = 0; started < threads; started += 1) startWorker();
  if (workers.size === 0) allEnded();
  return {
    async lint(files, progress = NO_PROGRESS) {
      const request = { files, order: largestFirst(files), claimed: new SharedArrayBuffer(4) };
      const thisWork: Work = { request, linted: files.map(() => undefined), progress };
      work = thisWork;
      for (const worker of waiting) worker.postMessage(request);
      waiting.clear();
      await ended;
      const reason = `the worker threads could not set up (${setupError ?? 'no reason given'})`;
      return files.map((file, index) => thisWork.linted[index] ?? notLinted(file, reason));
    },
    close() {
      closing = true;
      for (const worker of workers) void worker.terminate();
      return ended;
    },
  };
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
