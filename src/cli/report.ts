import type { ISpectralDiagnostic, Ruleset } from '@stoplight/spectral-core';
import * as spectralFormatters from '@stoplight/spectral-formatters';
import type { Formatter } from '@stoplight/spectral-formatters';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { CommandEnvironment } from './document-pipeline';
import type { InputProblem } from './input-problem';
import { describeError, FormatName, SEVERITIES, SeverityName, Shard } from './names';
import { shardRunId } from './shard';

// The package's Node entry adds pretty, github-actions, sarif and code-climate; its declared types omit them.
const formatters = spectralFormatters as typeof spectralFormatters &
  typeof import('@stoplight/spectral-formatters/dist/index.node');

/** Output formats by the names `spectral lint -f` uses, all from Spectral's own formatters. */
export const FORMATTERS: Readonly<Record<FormatName, Formatter>> = {
  stylish: formatters.stylish,
  json: formatters.json,
  sarif: formatters.sarif,
  'github-actions': formatters.githubActions,
  junit: formatters.junit,
  text: formatters.text,
  pretty: formatters.pretty,
  markdown: formatters.markdown,
  html: formatters.html,
  teamcity: formatters.teamcity,
  'code-climate': formatters.codeClimate,
  gitlab: formatters.codeClimate,
};

/** Formats meant for people reading a terminal: the ones a "no results" line may follow on standard output. */
export const HUMAN_FORMATS = new Set(['stylish', 'text', 'pretty']);

export function atOrAbove(results: readonly ISpectralDiagnostic[], severity: SeverityName): ISpectralDiagnostic[] {
  return results.filter((result) => result.severity <= SEVERITIES[severity]);
}

export function formatReport(
  results: ISpectralDiagnostic[],
  format: FormatName,
  failSeverity: SeverityName,
  context: { ruleset: Ruleset; spectralVersion: string },
): string {
  return FORMATTERS[format](results, { failSeverity: SEVERITIES[failSeverity] }, context);
}

/**
 * Colours on standard output only for a person at a terminal: not into a pipe, never with NO_COLOR set
 * (no-color.org); FORCE_COLOR keeps them anyway, as chalk (which the formatters colour with) understands it.
 */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (forced) return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}

/** The formatters colour by chalk's own detection; this takes the colours out where they are not wanted. */
export function withColour(text: string, colour: boolean): string {
  return colour ? text : stripVTControlCharacters(text);
}

/** Resolves once the text is handed to the stream, so that the process may end without cutting a piped report short. */
export function writeToStream(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolvePromise()));
  });
}

/**
 * A shard's SARIF log names its run (`runs[0].automationDetails.id`): code scanning keeps one set of alerts per
 * name, so the shards of a CI matrix add up instead of each replacing the others' alerts. Other formats, and runs
 * that are not a shard, are left as the formatter wrote them.
 */
export function namingShardRun(report: string, format: FormatName, shard: Shard | undefined): string {
  if (format !== 'sarif' || shard === undefined) return report;
  const log = JSON.parse(report) as { runs: { automationDetails?: { id: string } }[] };
  log.runs[0].automationDetails = { id: shardRunId(shard) };
  // As the formatter (node-sarif-builder) indents it.
  return JSON.stringify(log, null, 2);
}

/** Writes the report to the file or to standard output; a file that cannot be written is an input problem. */
export async function writeReport(
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
export function endingInNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}
