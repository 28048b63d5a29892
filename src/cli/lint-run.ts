// Loaded by `lint` once its worker threads, if any, have started: Spectral loads here while they set up.
import type { DiscoveredFiles } from './discover-files';
import { CommandEnvironment, exitCodeOf, setUp, usageError, writeProblems } from './document-pipeline';
import { withCache } from './lint-cache';
import type { LintThreads } from './lint-in-threads';
import type { LintOptions } from './lint-command';
import { lintStage } from './lint-stage';
import { includesOwnRules } from './load-ruleset';
import { countOf, PACKAGE_NAME } from './names';
import { selectSince } from './since';
import {
  atOrAbove,
  endingInNewline,
  formatReport,
  HUMAN_FORMATS,
  namingShardRun,
  writeReport,
  writeToStream,
} from './report';
import { fingerprintsByResult, withFingerprints } from './report-fingerprints';
import { selectShard } from './shard';
import { applySuppressions, loadSuppressions, suppressedLine, withoutSuppressionsFile } from './suppressions';

/**
 * The stages of `lint` after discovery: set up, select the documents, lint each (in `threads` when the command
 * started them), then report. Exit 2 when any input problem, else 1 when any finding is at or above the fail
 * severity, else 0.
 */
export async function lintDiscovered(
  found: DiscoveredFiles,
  options: LintOptions,
  environment: CommandEnvironment,
  threads: LintThreads | undefined,
): Promise<number> {
  const setup = await setUp(options, environment);
  if ('error' in setup) return usageError(setup.error, environment);
  if (setup.rulesetFile !== undefined && options.quiet !== true && !includesOwnRules(setup.ruleset)) {
    const advice = `add "${PACKAGE_NAME}" to its extends`;
    environment.stderr.write(
      `${PACKAGE_NAME}: note: ${setup.rulesetFile} has none of this package's rules; ${advice}\n`,
    );
  }
  const suppressions = await loadSuppressions(options, setup.ruleset, environment.cwd);
  if ('error' in suppressions) return usageError(suppressions.error, environment);

  // The stages of a run: select the documents, lint each, then report.
  const discovered = withoutSuppressionsFile(found, suppressions);
  const { problems } = discovered;
  const inShard = selectShard(discovered.files, options, environment);
  const selection = await selectSince(options.since, inShard, setup, environment);
  if ('error' in selection) return usageError(selection.error, environment);
  const { files } = selection;
  const lint = (chosen: readonly string[]) => lintStage(chosen, setup, options, environment, threads);
  const linted = await withCache(lint, options, setup, environment)(files);
  problems.push(...linted.flatMap((document) => document.problems));
  const fingerprints = fingerprintsByResult(linted, environment.cwd);
  // Both filters judge the findings as linted: applied one after the other, a suppression could cover a finding
  // that --since already took out, and count as used for it.
  const suppressed = applySuppressions(linted, suppressions);
  const newSinceRevision = new Set((await selection.reported(linted)).flatMap((document) => document.results));
  const results = suppressed.results.filter((result) => newSinceRevision.has(result));
  problems.push(...suppressed.problems);

  const selected = options.displayOnlyFailures === true ? atOrAbove(results, options.failSeverity) : results;
  const shown = selected.map((result) =>
    options.showDocumentationUrl === true ? result : { ...result, documentationUrl: undefined },
  );
  const context = { ruleset: setup.ruleset, spectralVersion: environment.spectralVersion };
  const formatted = formatReport(shown, options.format, options.failSeverity, context);
  const identified = withFingerprints(
    formatted,
    options.format,
    selected.map((result) => fingerprints.get(result) ?? ''),
  );
  const report = endingInNewline(namingShardRun(identified, options.format, options.shard));
  problems.push(...(await writeReport(report, options.output, environment)));
  writeProblems(problems, environment);
  if (options.quiet !== true) {
    for (const note of suppressed.notes) environment.stderr.write(`${PACKAGE_NAME}: note: ${note}\n`);
  }

  // A line after a JSON, SARIF or XML report on standard output would make it unreadable to the tools it is for.
  const plainLineAllowed = options.output !== undefined || HUMAN_FORMATS.has(options.format);
  if (options.quiet !== true && problems.length === 0 && shown.length === 0 && plainLineAllowed) {
    const orHigher = options.failSeverity === 'error' ? '' : ' or higher';
    const severity = `a severity of '${options.failSeverity}'${orHigher}`;
    await writeToStream(
      environment.stdout,
      `No results with ${severity} found in ${countOf(files.length, 'document')}.\n`,
    );
  }
  const suppressedSummary = suppressedLine(suppressed, suppressions);
  if (options.quiet !== true && suppressedSummary !== '') {
    await writeToStream(plainLineAllowed ? environment.stdout : environment.stderr, suppressedSummary);
  }
  return exitCodeOf(problems, atOrAbove(results, options.failSeverity));
}
