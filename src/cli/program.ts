import { Command, CommanderError, Option } from 'commander';
import { DOCUMENTATION_BASE_URL, RULES } from '../ruleset';
import type { CommandEnvironment, LintOptions } from './lint-command';
import { DEFAULT_MAX_FILE_MEGABYTES, DEFAULT_RULESET_FILES, EXIT, FORMAT_NAMES, megabytesOption, PACKAGE_NAME, SEVERITIES } from './names';
import { registerFixCommand } from './fix-command';

/** The rule table for `--help`, read from the ruleset itself so that it never drifts from what runs. */
export function rulesHelp(): string {
  const width = Math.max(...RULES.map((rule) => rule.name.length));
  const rows = RULES.map((rule) => `  ${rule.name.padEnd(width)}  ${rule.severity}`);
  return ['', 'Rules (severity):', ...rows, '', `Each rule is explained at ${DOCUMENTATION_BASE_URL}/<rule>.md`].join('\n');
}

export function createProgram(version: string, environment: CommandEnvironment, setExitCode: (code: number) => void): Command {
  const program = new Command(PACKAGE_NAME)
    .description('Lints OpenAPI 2.0/3.0/3.1 descriptions for how they answer callers who are not authenticated (401), not allowed (403) or not entitled to know an item exists (404).')
    .version(version)
    // Errors come back as exceptions (see run), so that usage errors exit with 2 like input errors, not commander's 1.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => environment.stdout.write(text),
      writeErr: (text) => environment.stderr.write(text),
    })
    .showHelpAfterError(`(${PACKAGE_NAME} --help shows the usage)`)
    .addHelpText('after', `\nExample:\n  ${PACKAGE_NAME} lint openapi.yaml\n${rulesHelp()}`);

  program
    .command('lint')
    .description('lint OpenAPI documents with this ruleset, or with the team ruleset given or found')
    .argument('<documents...>', 'files or globs (quote globs so that the shell leaves them alone: "apis/**/*.yaml")')
    .option('-r, --ruleset <file>', `ruleset to use instead of the embedded one (default: ${DEFAULT_RULESET_FILES.join(', ')} in the working directory, if any)`)
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(
      new Option('-F, --fail-severity <severity>', 'exit 1 when a finding is at or above this severity')
        .choices(Object.keys(SEVERITIES))
        .default('error'),
    )
    .option('-D, --display-only-failures', 'report only the findings at or above the fail severity')
    .option('-q, --quiet', 'print only the report (no "No results" line, no notes)')
    .option('--show-documentation-url', "add each finding's documentation URL to the report")
    .option('--allow-remote-refs', 'fetch $refs to http(s):// URLs (refused by default)')
    .option(
      '--allow-outside-refs <dir>',
      "let file $refs read files under DIR too (by default only under the linted document's directory); repeatable",
      (dir: string, dirs: string[] | undefined) => [...(dirs ?? []), dir],
    )
    .option('--max-file-size <MB>', 'refuse documents (and files they $ref) larger than this', megabytesOption, DEFAULT_MAX_FILE_MEGABYTES)
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 no finding at or above the fail severity; 1 findings; 2 usage or input error',
        '(missing or unreadable file, glob matching nothing, file too large, not UTF-8, invalid YAML/JSON, YAML alias bomb,',
        'not OpenAPI 2.0/3.0/3.1, refused $ref).',
        rulesHelp(),
      ].join('\n'),
    )
    .action(async (documents: string[], options: LintOptions) => {
      // Loaded only to lint: help, version and usage errors answer without loading Spectral.
      const { lintCommand } = await import('./lint-command');
      setExitCode(await lintCommand(documents, options, environment));
    });

  registerFixCommand(program, environment, setExitCode);
  return program;
}

/** Runs the command line (arguments after the program name) and returns the exit code. */
export async function run(argv: string[], version: string, environment: CommandEnvironment): Promise<number> {
  let exitCode: number = EXIT.clean;
  const program = createProgram(version, environment, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.clean : EXIT.usageOrInput;
    throw error;
  }
  return exitCode;
}
