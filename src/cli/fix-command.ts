import { Command, Option } from 'commander';
import type { ISpectralDiagnostic, Ruleset } from '@stoplight/spectral-core';
import type { FixReport } from '../fix';
import { REPAIRABLE_RULES } from '../fix/repairable-rules';
import type { CommandEnvironment } from './lint-command';
import { DEFAULT_MAX_FILE_MEGABYTES, DEFAULT_RULESET_FILES, EXIT, megabytesOption, SEVERITIES, SeverityName } from './names';

export interface FixCommandOptions {
  ruleset?: string;
  dryRun?: boolean;
  rules?: string[];
  removeCollection404?: boolean;
  failSeverity: SeverityName;
  allowRemoteRefs?: boolean;
  allowOutsideRefs?: string[];
  maxFileSize: number;
}

/** Adds `fix` to the program. Spectral and the fixer load only when it runs, as `lint` does. */
export function registerFixCommand(program: Command, environment: CommandEnvironment, setExitCode: (code: number) => void): void {
  program
    .command('fix')
    .description('repair, in place, the findings that have one obviously right repair (comments and layout are kept)')
    .argument('<documents...>', 'files or globs, as for lint')
    .option('-r, --ruleset <file>', `ruleset to lint with, as for lint (default: ${DEFAULT_RULESET_FILES.join(', ')} in the working directory, if any)`)
    .option('--dry-run', 'print the repairs as a unified diff on standard output (the report goes to standard error); write nothing')
    .option('--rules <rules>', `repair only these rules (comma-separated): ${REPAIRABLE_RULES.join(', ')}`, (list: string) =>
      list.split(',').map((name) => name.trim()).filter((name) => name.length > 0),
    )
    .option('--remove-collection-404', 'also remove the 404 of top-level collection listings (auth-no-404-collection): this changes the API contract')
    .addOption(
      new Option('-F, --fail-severity <severity>', 'exit 1 when a finding left is at or above this severity')
        .choices(Object.keys(SEVERITIES))
        .default('error'),
    )
    .option('--allow-remote-refs', 'fetch $refs to http(s):// URLs (refused by default); remote files are never edited')
    .option(
      '--allow-outside-refs <dir>',
      "let file $refs read, and fix edit, files under DIR too (by default only under the document's directory); repeatable",
      (dir: string, dirs: string[] | undefined) => [...(dirs ?? []), dir],
    )
    .option('--max-file-size <MB>', 'refuse documents (and files they $ref) larger than this, as lint', megabytesOption, DEFAULT_MAX_FILE_MEGABYTES)
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 nothing left at or above the fail severity; 1 findings left; 2 usage or input error (as lint).',
        'A file that does not parse, or whose repaired text would not parse, is never written; writes are atomic.',
      ].join('\n'),
    )
    .action(async (documents: string[], options: FixCommandOptions) => {
      setExitCode(await fixCommand(documents, options, environment));
    });
}

/**
 * `fix`: for each document, lint it as `lint` does (same ruleset discovery and reference policy), repair what
 * has one right repair, and report per file what was fixed and what is left for a person.
 */
export async function fixCommand(patterns: string[], options: FixCommandOptions, environment: CommandEnvironment): Promise<number> {
  const { Spectral } = await import('@stoplight/spectral-core');
  const { fixDocument, unifiedDiff } = await import('../fix');
  const { discoverFiles } = await import('./discover-files');
  const { displayPath, formatInputProblem } = await import('./input-problem');
  const { loadRuleset, RulesetLoadError } = await import('./load-ruleset');
  const { describeError, PACKAGE_NAME } = await import('./names');
  const { readDocument } = await import('./read-document');
  const { atOrAbove, writeToStream } = await import('./report');
  const { createSafeResolver, realDirectories, refusedReferenceProblems } = await import('./safe-resolver');
  const { cwd, stderr } = environment;
  const report = options.dryRun === true ? stderr : environment.stdout;

  const unknown = (options.rules ?? []).filter((rule) => !REPAIRABLE_RULES.includes(rule));
  if (unknown.length > 0) {
    stderr.write(`${PACKAGE_NAME}: --rules ${unknown.join(', ')}: fix repairs only ${REPAIRABLE_RULES.join(', ')}\n`);
    return EXIT.usageOrInput;
  }
  let ruleset: Ruleset;
  let allowedDirectories: string[];
  try {
    ruleset = (await loadRuleset(options.ruleset, cwd, environment.ownRulesetModule)).ruleset;
    allowedDirectories = realDirectories(options.allowOutsideRefs ?? [], cwd);
  } catch (error) {
    stderr.write(`${PACKAGE_NAME}: ${error instanceof RulesetLoadError ? error.message : describeError(error)}\n`);
    return EXIT.usageOrInput;
  }

  const { files, problems } = await discoverFiles(patterns, cwd);
  const failing: ISpectralDiagnostic[] = [];
  let fixedCount = 0;
  let leftCount = 0;
  for (const file of files) {
    const read = await readDocument(file, { maxFileMegabytes: options.maxFileSize });
    if (read.document === undefined || !read.lintable || read.problems.length > 0) {
      problems.push(...read.problems);
      continue;
    }
    const { resolver, refusals } = createSafeResolver(file, {
      allowRemoteRefs: options.allowRemoteRefs === true,
      allowedDirectories,
      maxFileMegabytes: options.maxFileSize,
    });
    const spectral = new Spectral({ resolver });
    spectral.setRuleset(ruleset);
    let fixed: FixReport;
    try {
      fixed = await fixDocument(file, {
        spectral,
        rules: options.rules,
        removeCollection404: options.removeCollection404 === true,
        dryRun: options.dryRun === true,
        allowedDirectories,
      });
    } catch (error) {
      problems.push({ file, message: `could not be fixed: ${describeError(error)}` });
      continue;
    }
    if (fixed.error !== undefined) {
      const { file: where, line, column, reason } = fixed.error;
      problems.push({ file: where, line, column, message: reason });
      continue;
    }
    problems.push(...refusedReferenceProblems(fixed.left.map(({ result }) => result), refusals));
    if (options.dryRun === true) {
      for (const change of fixed.changes) {
        const name = displayPath(change.path, cwd);
        await writeToStream(environment.stdout, unifiedDiff(change.before, change.edits, { from: `a/${name}`, to: `b/${name}` }));
      }
    }
    await writeToStream(report, summaryOf(fixed, (path) => displayPath(path, cwd)));
    fixedCount += fixed.fixed.length;
    leftCount += fixed.left.length;
    failing.push(...atOrAbove(fixed.left.map(({ result }) => result), options.failSeverity));
  }

  for (const problem of problems) stderr.write(`${PACKAGE_NAME}: ${formatInputProblem(problem, cwd)}\n`);
  const written = options.dryRun === true ? ' (dry run: nothing written)' : '';
  await writeToStream(report, `${fixedCount} fixed, ${leftCount} left for a person, ${failing.length} of them at or above ${options.failSeverity}${written}\n`);
  if (problems.length > 0) return EXIT.usageOrInput;
  return failing.length > 0 ? EXIT.findings : EXIT.clean;
}

/** Severity names by Spectral's numbers (0 error ... 3 hint), from the table `--fail-severity` reads. */
const SEVERITY_NAMES: Record<number, string> = Object.fromEntries(Object.entries(SEVERITIES).map(([name, value]) => [value, name]));

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
    lines.push(`  left   ${placeOf(result)}  ${result.code} (${SEVERITY_NAMES[result.severity] ?? result.severity}): ${result.message}`);
    lines.push(`         why left: ${reason}`);
  }
  return `${lines.join('\n')}\n`;
}
