import type { CommandEnvironment } from './document-pipeline';
// Light modules only: lint-cache.ts, say, would load yaml before the workers start.
import { cacheIsOn } from './cache-file';
import { discoverFiles } from './discover-files';
import { LintThreads, startLintThreads, workerJobOf } from './lint-in-threads';
import type { Concurrency, FormatName, Shard } from './names';
import type { DocumentOptions } from './options';
import { documentsOfShard } from './shard';
import { threadCount } from './thread-count';

export interface LintOptions extends DocumentOptions {
  format: FormatName;
  output?: string;
  displayOnlyFailures?: boolean;
  quiet?: boolean;
  showDocumentationUrl?: boolean;
  // Adopting it on an existing API, and large repositories (docs/adopting.md).
  suppressAll?: boolean;
  suppressRule?: string[];
  suppressionsLocation?: string;
  pruneSuppressions?: boolean;
  passOnUnprunedSuppressions?: boolean;
  since?: string;
  concurrency: Concurrency;
  cache?: boolean;
  cacheLocation?: string;
  shard?: Shard;
}

/**
 * `lint`: every document is linted even when others fail to read or parse; the report holds the findings of all,
 * and each input problem is printed on stderr as `file:line:column: message`. Exit 2 when any input problem,
 * else 1 when any finding is at or above the fail severity, else 0.
 *
 * This module loads little: the worker threads start before the rest of the command (lint-run.ts, which loads
 * Spectral) is even loaded, so that the command's set-up and theirs overlap.
 */
export async function lintCommand(
  patterns: string[],
  options: LintOptions,
  environment: CommandEnvironment,
): Promise<number> {
  const discovered = await discoverFiles(patterns, environment.cwd);
  const threads = startThreadsBeforeSetUp(discovered.files, options, environment);
  try {
    const { lintDiscovered } = await import('./lint-run');
    return await lintDiscovered(discovered, options, environment, threads);
  } finally {
    // Ends them when the run stopped before its lint stage (a bad ruleset, --since outside git).
    await threads?.close();
  }
}

/**
 * The worker threads of the lint stage, started before the command's own set-up (each loads Spectral and the
 * ruleset: most of the first second of a run). Only when the documents to lint are known from discovery alone:
 * `--since` and `--cache` lint only some of them, often none, and their threads start in the lint stage.
 */
function startThreadsBeforeSetUp(
  discovered: readonly string[],
  options: LintOptions,
  environment: CommandEnvironment,
): LintThreads | undefined {
  if (options.since !== undefined || cacheIsOn(options)) return undefined;
  const threads = threadCount(options.concurrency, documentsOfShard(discovered, options.shard, environment.cwd).length);
  return threads === 0 ? undefined : startLintThreads(threads, workerJobOf(options, environment));
}
