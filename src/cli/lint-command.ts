import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CommandEnvironment, exitCodeOf, forEachDocument, setUp, usageError, writeProblems } from './document-pipeline';
import type { InputProblem } from './input-problem';
import { includesOwnRules } from './load-ruleset';
import { describeError, FormatName, PACKAGE_NAME } from './names';
import type { DocumentOptions } from './options';
import { atOrAbove, formatReport, HUMAN_FORMATS, wantsColour, withColour, writeToStream } from './report';

export interface LintOptions extends DocumentOptions {
  format: FormatName;
  output?: string;
  displayOnlyFailures?: boolean;
  quiet?: boolean;
  showDocumentationUrl?: boolean;
}

/**
 * `lint`: every document is linted even when others fail to read or parse; the report holds the findings of all,
 * and each input problem is printed on stderr as `file:line:column: message`. Exit 2 when any input problem,
 * else 1 when any finding is at or above the fail severity, else 0.
 */
export async function lintCommand(
  patterns: string[],
  options: LintOptions,
  environment: CommandEnvironment,
): Promise<number> {
  const setup = await setUp(options, environment);
  if ('error' in setup) return usageError(setup.error, environment);
  if (setup.rulesetFile !== undefined && options.quiet !== true && !includesOwnRules(setup.ruleset)) {
    const advice = `add "${PACKAGE_NAME}" to its extends`;
    environment.stderr.write(
      `${PACKAGE_NAME}: note: ${setup.rulesetFile} has none of this package's rules; ${advice}\n`,
    );
  }

  const results: ISpectralDiagnostic[] = [];
  const eachDocument = { verb: 'linted', cleanOnly: false } as const;
  const { files, problems } = await forEachDocument(patterns, setup, environment, eachDocument, async (open) => {
    const linted = await open.spectral.run(open.document);
    results.push(...linted);
    return open.refusedReferences(linted);
  });

  const shown = (options.displayOnlyFailures === true ? atOrAbove(results, options.failSeverity) : results).map(
    (result) => (options.showDocumentationUrl === true ? result : { ...result, documentationUrl: undefined }),
  );
  const context = { ruleset: setup.ruleset, spectralVersion: environment.spectralVersion };
  const report = endingInNewline(formatReport(shown, options.format, options.failSeverity, context));
  problems.push(...(await writeReport(report, options.output, environment)));
  writeProblems(problems, environment);

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
  return exitCodeOf(problems, atOrAbove(results, options.failSeverity));
}

/** Writes the report to the file or to standard output; a file that cannot be written is an input problem. */
async function writeReport(
  report: string,
  output: string | undefined,
  environment: CommandEnvironment,
): Promise<InputProblem[]> {
  if (output === undefined) {
    await writeToStream(environment.stdout, withColour(report, wantsColour(environment.stdout, environment.env)));
    return [];
  }
  try {
    // Colours are for a person at a terminal, never for a file.
    await writeFile(resolve(environment.cwd, output), withColour(report, false));
    return [];
  } catch (error) {
    return [{ file: output, message: `cannot write the report (${describeError(error)})` }];
  }
}

/** Some formatters (json, sarif) end without a newline, which leaves a shell prompt glued to the report. */
function endingInNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
