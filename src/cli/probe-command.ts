import { Spectral } from '@stoplight/spectral-core';
import type { IDocument } from '@stoplight/spectral-core/dist/document';
import { resolve } from 'node:path';
import { documentFactsOf, DocumentFacts } from '../openapi/operations';
import { CredentialsError, readCredentials, secretsOf } from '../probe/credentials';
import { redactor } from '../probe/evidence';
import { locatedFinding } from '../probe/locate';
import { probeReportContext } from '../probe/report-context';
import { runProbe, ProbeResult } from '../probe/run';
import { OffOrigin, ServerUnreachable } from '../probe/send';
import type { CommandEnvironment } from './document-pipeline';
import { exitCodeOf, usageError, writeProblems } from './document-pipeline';
import type { InputProblem } from './input-problem';
import { countOf, describeError, FormatName, PACKAGE_NAME, SeverityName } from './names';
import { readDocument } from './read-document';
import { atOrAbove, endingInNewline, formatReport, HUMAN_FORMATS, writeReport, writeToStream } from './report';
import { createSafeResolver } from './safe-resolver';

export interface ProbeCommandOptions {
  server: URL;
  credentials: string;
  format: FormatName;
  output?: string;
  failSeverity: SeverityName;
  unsafeMethods?: boolean;
  rate: number;
  timeout: number;
  maxRequests: number;
}

/** What stops the command, other than the environment: Ctrl-C, passed in so that tests can stop a run too. */
export interface ProbeControls {
  signal?: AbortSignal;
}

/**
 * `probe`: reads the description and the credentials file, sends the planned requests to the server, and reports
 * the findings in lint's formats, on the description's lines. Exit 2 for a usage or input error, a server that
 * cannot be reached, or a run that stopped before its plan was done (request budget, Ctrl-C: what was found so far
 * is still reported); else 1 when a finding is at or above the fail severity; else 0.
 */
export async function probeCommand(
  descriptionArgument: string,
  options: ProbeCommandOptions,
  environment: CommandEnvironment,
  controls: ProbeControls = {},
): Promise<number> {
  const file = resolve(environment.cwd, descriptionArgument);
  const loaded = await loadDescription(file);
  if ('problems' in loaded) {
    writeProblems(loaded.problems, environment);
    return exitCodeOf(loaded.problems, []);
  }
  let credentials;
  try {
    credentials = await readCredentials(resolve(environment.cwd, options.credentials), environment.env);
  } catch (error) {
    if (!(error instanceof CredentialsError)) throw error;
    const problem = { file: error.file, line: error.line, message: error.message };
    writeProblems([problem], environment);
    return exitCodeOf([problem], []);
  }
  // Errors name the request without its query; this keeps any credential out of them all the same.
  const redact = redactor(secretsOf(credentials));
  let result: ProbeResult;
  try {
    result = await runProbe(loaded.facts, credentials, {
      server: options.server,
      rate: options.rate,
      timeoutMs: options.timeout,
      maxRequests: options.maxRequests,
      unsafeMethods: options.unsafeMethods === true,
      signal: controls.signal,
    });
  } catch (error) {
    if (error instanceof ServerUnreachable || error instanceof OffOrigin) {
      return usageError(`cannot probe ${options.server.origin}: ${redact(error.message)}`, environment);
    }
    throw error;
  }

  const results = result.findings.map((finding) => locatedFinding(finding, loaded.document, file));
  const problems: InputProblem[] = [];
  if (result.stopped !== undefined) {
    const why =
      result.stopped === 'budget'
        ? `the probe stopped at --max-requests ${options.maxRequests} before its plan was done; raise it to run every check`
        : `the probe was interrupted after ${countOf(result.sent, 'request')}; the report holds what was found so far`;
    problems.push({ file: options.server.origin, message: why });
  }
  const context = { ruleset: probeReportContext(), spectralVersion: environment.spectralVersion };
  const report = formatReport(results, options.format, options.failSeverity, context);
  problems.push(...(await writeReport(endingInNewline(report), options.output, environment)));
  for (const note of result.notes) environment.stderr.write(`${PACKAGE_NAME}: note: ${note}\n`);
  writeProblems(problems, environment);
  const plainLineAllowed = options.output !== undefined || HUMAN_FORMATS.has(options.format);
  if (problems.length === 0 && results.length === 0 && plainLineAllowed) {
    await writeToStream(
      environment.stdout,
      `No findings: ${options.server.origin} answered ${countOf(result.sent, 'request')} as ${descriptionArgument} says.\n`,
    );
  }
  return exitCodeOf(problems, atOrAbove(results, options.failSeverity));
}

type LoadedDescription = { document: IDocument; facts: DocumentFacts } | { problems: InputProblem[] };

/**
 * The description as lint reads it (the same checks, and `$ref`s resolved with the same containment: files under
 * its directory only, nothing remote), with the facts the rules read.
 */
async function loadDescription(file: string): Promise<LoadedDescription> {
  const { document, lintable, problems } = readDocument(file);
  if (document === undefined || !lintable || problems.length > 0) return { problems };
  const { resolver, refusals } = createSafeResolver(file, { allowRemoteRefs: false, allowedDirectories: [] });
  const spectral = new Spectral({ resolver });
  spectral.setRuleset({ rules: {} });
  try {
    const { resolved } = await spectral.runWithResolved(document);
    if (refusals.size > 0) return { problems: [...refusals].map((message) => ({ file, message })) };
    return { document, facts: documentFactsOf(resolved, document.data) };
  } catch (error) {
    return { problems: [{ file, message: `could not be read: ${describeError(error)}` }] };
  }
}
