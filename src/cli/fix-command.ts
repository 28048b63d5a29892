import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { FixProblem, fixDocument, FixReport, unifiedDiff } from '../fix';
import { REPAIRABLE_RULES } from '../fix/repairable-rules';
import { CommandEnvironment, exitCodeOf, forEachDocument, setUp, usageError, writeProblems } from './document-pipeline';
import { displayPath, InputProblem } from './input-problem';
import { SEVERITIES } from './names';
import type { DocumentOptions } from './options';
import { atOrAbove, writeToStream } from './report';

export interface FixCommandOptions extends DocumentOptions {
  dryRun?: boolean;
  rules?: string[];
  removeCollection404?: boolean;
}

/**
 * `fix`: for each document, lint it as `lint` does (same ruleset discovery and reference policy), repair what
 * has one right repair, and report per file what was fixed and what is left for a person.
 */
export async function fixCommand(
  patterns: string[],
  options: FixCommandOptions,
  environment: CommandEnvironment,
): Promise<number> {
  const unknown = (options.rules ?? []).filter((rule) => !REPAIRABLE_RULES.includes(rule));
  if (unknown.length > 0) {
    return usageError(`--rules ${unknown.join(', ')}: fix repairs only ${REPAIRABLE_RULES.join(', ')}`, environment);
  }
  const setup = await setUp(options, environment);
  if ('error' in setup) return usageError(setup.error, environment);
  const dryRun = options.dryRun === true;
  const report = dryRun ? environment.stderr : environment.stdout;
  const display = (path: string) => displayPath(path, environment.cwd);

  let fixedCount = 0;
  const left: ISpectralDiagnostic[] = [];
  const eachDocument = { verb: 'fixed', cleanOnly: true } as const;
  const { problems } = await forEachDocument(patterns, setup, environment, eachDocument, async (open) => {
    const fixed = await fixDocument(open.file, {
      spectral: open.spectral,
      rules: options.rules,
      removeCollection404: options.removeCollection404 === true,
      dryRun,
      allowedDirectories: setup.policy.allowedDirectories,
    });
    if (fixed.error !== undefined) return [inputProblemOf(fixed.error)];
    if (dryRun) {
      for (const change of fixed.changes) {
        const name = display(change.path);
        const diff = unifiedDiff(change.before, change.edits, { from: `a/${name}`, to: `b/${name}` });
        await writeToStream(environment.stdout, diff);
      }
    }
    await writeToStream(report, summaryOf(fixed, display));
    fixedCount += fixed.fixed.length;
    const leftHere = fixed.left.map(({ result }) => result);
    left.push(...leftHere);
    return open.refusedReferences(leftHere);
  });

  writeProblems(problems, environment);
  const failing = atOrAbove(left, options.failSeverity);
  const written = dryRun ? ' (dry run: nothing written)' : '';
  const failingCount = `${failing.length} of them at or above ${options.failSeverity}`;
  await writeToStream(report, `${fixedCount} fixed, ${left.length} left for a person, ${failingCount}${written}\n`);
  return exitCodeOf(problems, failing);
}

function inputProblemOf({ file, line, column, reason }: FixProblem): InputProblem {
  return { file, line, column, message: reason };
}

/** Severity names by Spectral's numbers (0 error ... 3 hint), from the table `--fail-severity` reads. */
const SEVERITY_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(SEVERITIES).map(([name, value]) => [value, name]),
);

/** Per file: what was fixed and what is left, one line each, `file:line:column` first (editors link it). */
function summaryOf(report: FixReport, display: (path: string) => string): string {
  const placeOf = (result: ISpectralDiagnostic) =>
    `${display(result.source ?? report.document)}:${result.range.start.line + 1}:${result.range.start.character + 1}`;
  const lines = [`${display(report.document)}: ${report.fixed.length} fixed, ${report.left.length} left for a person`];
  for (const { result, done } of report.fixed) {
    for (const { what } of done) lines.push(`  fixed  ${placeOf(result)}  ${result.code}: ${what}`);
  }
  for (const note of report.notes) lines.push(`  note   ${note}`);
  for (const { result, reason } of report.left) {
    lines.push(
      `  left   ${placeOf(result)}  ${result.code} (${SEVERITY_NAMES[result.severity] ?? result.severity}): ${result.message}`,
    );
    lines.push(`         why left: ${reason}`);
  }
  return `${lines.join('\n')}\n`;
}
