import type { CommandEnvironment, Setup } from './document-pipeline';
import { lintDocuments, LintedDocument } from './lint-document';
import { lintInThreads } from './lint-in-threads';
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
 * in the command's own thread or in worker threads (`--concurrency`); a progress line on a terminal meanwhile.
 */
export async function lintStage(
  files: readonly string[],
  setup: Setup,
  options: LintStageOptions,
  environment: CommandEnvironment,
): Promise<LintedDocument[]> {
  const progress = startProgress(files.length, environment, options.quiet === true);
  try {
    const threads = threadCount(options.concurrency, files.length);
    if (threads === 0) return await lintDocuments(files, setup, progress);
    const job = { options, cwd: environment.cwd, ownRulesetModule: environment.ownRulesetModule };
    return await lintInThreads(files, threads, job, progress);
  } finally {
    progress.finish();
  }
}
