import { ISpectralDiagnostic, Ruleset, Spectral } from '@stoplight/spectral-core';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { discoverFiles } from './discover-files';
import { formatInputProblem, InputProblem } from './input-problem';
import { includesOwnRules, loadRuleset, RulesetLoadError } from './load-ruleset';
import { describeError, EXIT, FormatName, PACKAGE_NAME, SeverityName } from './names';
import { readDocument, ReadLimits } from './read-document';
import { atOrAbove, formatReport, HUMAN_FORMATS, wantsColour, withColour, writeToStream } from './report';
import { createSafeResolver, realDirectories, ReferencePolicy, refusedReferenceProblems } from './safe-resolver';

export interface LintOptions {
  ruleset?: string;
  format: FormatName;
  output?: string;
  failSeverity: SeverityName;
  displayOnlyFailures?: boolean;
  quiet?: boolean;
  showDocumentationUrl?: boolean;
  allowRemoteRefs?: boolean;
  allowOutsideRefs?: string[];
  maxFileSize: number;
}

/** What the command needs from its surroundings, passed in so that nothing below reaches for globals. */
export interface CommandEnvironment {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  /** The built ruleset module (`dist/index.js`), for team rulesets that extend this package. */
  ownRulesetModule: string;
  spectralVersion: string;
}

/**
 * `lint`: every document is linted even when others fail to read or parse; the report holds the findings of all,
 * and each input problem is printed on stderr as `file:line:column: message`. Exit 2 when any input problem,
 * else 1 when any finding is at or above the fail severity, else 0.
 */
export async function lintCommand(patterns: string[], options: LintOptions, environment: CommandEnvironment): Promise<number> {
  const { cwd, stderr } = environment;
  const setup = await rulesetAndPolicy(options, environment);
  if ('error' in setup) {
    stderr.write(`${PACKAGE_NAME}: ${setup.error}\n`);
    return EXIT.usageOrInput;
  }
  const { ruleset, policy } = setup;

  const { files, problems } = await discoverFiles(patterns, cwd);
  const results: ISpectralDiagnostic[] = [];
  for (const file of files) {
    const linted = await lintFile(file, ruleset, policy, { maxFileMegabytes: options.maxFileSize });
    results.push(...linted.results);
    problems.push(...linted.problems);
  }

  const shown = (options.displayOnlyFailures === true ? atOrAbove(results, options.failSeverity) : results).map((result) =>
    options.showDocumentationUrl === true ? result : { ...result, documentationUrl: undefined },
  );
  const report = endingInNewline(
    formatReport(shown, options.format, options.failSeverity, { ruleset, spectralVersion: environment.spectralVersion }),
  );
  problems.push(...(await writeReport(report, options.output, environment)));
  for (const problem of problems) stderr.write(`${PACKAGE_NAME}: ${formatInputProblem(problem, cwd)}\n`);

  const failing = atOrAbove(results, options.failSeverity);
  // A line after a JSON, SARIF or XML report on standard output would make it unreadable to the tools it is for.
  const plainLineAllowed = options.output !== undefined || HUMAN_FORMATS.has(options.format);
  if (options.quiet !== true && problems.length === 0 && shown.length === 0 && plainLineAllowed) {
    const orHigher = options.failSeverity === 'error' ? '' : ' or higher';
    await writeToStream(environment.stdout, `No results with a severity of '${options.failSeverity}'${orHigher} found in ${countOf(files.length, 'document')}.\n`);
  }
  if (problems.length > 0) return EXIT.usageOrInput;
  return failing.length > 0 ? EXIT.findings : EXIT.clean;
}

/** The ruleset (given, found, or embedded) and the `$ref` policy, or the usage error that prevents linting at all. */
async function rulesetAndPolicy(
  options: LintOptions,
  environment: CommandEnvironment,
): Promise<{ ruleset: Ruleset; policy: ReferencePolicy } | { error: string }> {
  try {
    const loaded = await loadRuleset(options.ruleset, environment.cwd, environment.ownRulesetModule);
    if (loaded.file !== undefined && options.quiet !== true && !includesOwnRules(loaded.ruleset)) {
      environment.stderr.write(`${PACKAGE_NAME}: note: ${loaded.file} has none of this package's rules; add "${PACKAGE_NAME}" to its extends\n`);
    }
    const policy = {
      allowRemoteRefs: options.allowRemoteRefs === true,
      allowedDirectories: realDirectories(options.allowOutsideRefs ?? [], environment.cwd),
      maxFileMegabytes: options.maxFileSize,
    };
    return { ruleset: loaded.ruleset, policy };
  } catch (error) {
    return { error: error instanceof RulesetLoadError ? error.message : describeError(error) };
  }
}

/** Writes the report to the file or to standard output; a file that cannot be written is an input problem. */
async function writeReport(report: string, output: string | undefined, environment: CommandEnvironment): Promise<InputProblem[]> {
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

/** One document through the engine, with its own reference resolver; never throws, so one file cannot stop the rest. */
async function lintFile(
  file: string,
  ruleset: Ruleset,
  policy: ReferencePolicy,
  limits: ReadLimits,
): Promise<{ results: ISpectralDiagnostic[]; problems: InputProblem[] }> {
  const { document, lintable, problems } = await readDocument(file, limits);
  if (document === undefined || !lintable) return { results: [], problems };
  try {
    const { resolver, refusals } = createSafeResolver(file, policy);
    const spectral = new Spectral({ resolver });
    spectral.setRuleset(ruleset);
    const results = await spectral.run(document);
    return { results, problems: [...problems, ...refusedReferenceProblems(results, refusals)] };
  } catch (error) {
    return { results: [], problems: [...problems, { file, message: `could not be linted: ${describeError(error)}` }] };
  }
}

/** Some formatters (json, sarif) end without a newline, which leaves a shell prompt glued to the report. */
function endingInNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
