import type { CommandEnvironment, Setup } from './document-pipeline';
import { lintDocuments, LintedDocument } from './lint-document';
import { LintThreads, startLintThreads, workerJobOf } from './lint-in-threads';
import type { Concurrency } from './names';
import type { DocumentOptions } from './options';
import { startProgress } from './progress';
import { threadCount } from './thread-count';

export interface LintStageOptions extends DocumentOptions {
  concurrency: Concurrency;
  quiet?: boolean;
}

/**
 * The lint stage of `lint`: the documents in, what linting each gave out, in the same order, whether they are linted
 * in the command's own thread or in worker threads (`--concurrency`, those `started` before the set-up if any); a
 * progress line on a terminal meanwhile.
 */
export async function lintStage(
  files: readonly string[],
  setup: Setup,
  options: LintStageOptions,
  environment: CommandEnvironment,
  started?: LintThreads,
): Promise<LintedDocument[]> {
  const progress = startProgress(files.length, environment, options.quiet === true);
  try {
    const threads = threadCount(options.concurrency, files.length);
    if (threads === 0) {
      await started?.close();
      return await lintDocuments(files, setup, progress);
    }
    const workers = started ?? startLintThreads(threads, workerJobOf(options, environment));
    return await workers.lint(files, progress);
  } finally {
    progress.finish();
  }
}
