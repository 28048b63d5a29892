// The worker thread of `--concurrency` (built to dist/lint-worker.js). A Spectral ruleset holds functions and cannot
// cross threads: the worker sets the run up again from the plain options, once, then lints each document it claims
// and posts back what linting gave, as plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { Setup, setUp } from './document-pipeline';
import { claimNext, FromWorker, LintRequest, WorkerJob } from './lint-in-threads';
import { lintDocument, LintedDocument } from './lint-document';
import { describeError } from './names';

async function serve(port: NonNullable<typeof parentPort>, job: WorkerJob): Promise<void> {
  const setup = await setUp(job.options, job);
  const post = (message: FromWorker) => port.postMessage(message);
  if ('error' in setup) return post({ kind: 'setup-failed', error: setup.error });
  port.on('message', (request: LintRequest) => {
    void lintClaimed(request, setup, post);
  });
  post({ kind: 'ready' });
}

/** Lints the documents this worker claims, one after another, until none is left. */
async function lintClaimed(request: LintRequest, setup: Setup, post: (message: FromWorker) => void): Promise<void> {
  for (let position = claimNext(request.claimed); position < request.order.length;) {
    const index = request.order[position];
    post({ kind: 'started', index });
    const linted = await lintDocument(request.files[index], setup);
    try {
      post({ kind: 'linted', index, linted });
    } catch (error) {
      // A result a custom function filled with something no thread can receive (a function, a class instance).
      post({ kind: 'linted', index, linted: notSendable(linted, error) });
    }
    position = claimNext(request.claimed);
  }
  post({ kind: 'finished' });
}

function notSendable(linted: LintedDocument, error: unknown): LintedDocument {
  const problem = { file: linted.file, message: `could not be linted: ${describeError(error)}` };
  return { ...linted, results: [], problems: [...linted.problems, problem] };
}

if (parentPort !== null) void serve(parentPort, workerData as WorkerJob);
