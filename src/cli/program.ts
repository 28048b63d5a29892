import { Command, CommanderError, Option } from 'commander';
import { REPAIRABLE_RULES } from '../fix/repairable-rules';
import { DOCUMENTATION_BASE_URL, RULES } from '../ruleset';
import type { CommandEnvironment } from './document-pipeline';
import type { FixCommandOptions } from './fix-command';
import type { LintOptions } from './lint-command';
import {
  CACHE_FILE,
  concurrencyOption,
  EXIT,
  FORMAT_NAMES,
  PACKAGE_NAME,
  positiveIntegerOption,
  positiveNumberOption,
  serverOption,
  SEVERITIES,
  shardOption,
  SUPPRESSIONS_FILE,
} from './names';
import type { ProbeCommandOptions } from './probe-command';
import { documentOptions } from './options';

/** The rule table for `--help`, read from the ruleset itself so that it never drifts from what runs. */
export function rulesHelp(): string {
  const width = Math.max(...RULES.map((rule) => rule.name.length));
  const rows = RULES.map((rule) => `  ${rule.name.padEnd(width)}  ${rule.severity}`);
  return ['', 'Rules (severity):', ...rows, '', `Each rule is explained at ${DOCUMENTATION_BASE_URL}/<rule>.md`].join(
    '\n',
  );
}

/** A command's work: its documents and options in, its exit code out. */
type CommandAction<Options> = (
  documents: string[],
  options: Options,
  environment: CommandEnvironment,
) => Promise<number>;

/**
 * The program and its commands. Each command's options and help are defined here; its module, which loads Spectral,
 * is loaded only to run it, so that help, version and usage errors answer at once.
 */
export function createProgram(
  version: string,
  environment: CommandEnvironment,
  setExitCode: (code: number) => void,
): Command {
  const program = new Command(PACKAGE_NAME)
    .description(
      'Lints OpenAPI 2.0/3.0/3.1 descriptions for how they answer callers who are not authenticated (401), not allowed (403) or not entitled to know an item exists (404).',
    )
    .version(version)
    // Errors come back as exceptions (see run), so that usage errors exit with 2 like input errors, not commander's 1.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => environment.stdout.write(text),
      writeErr: (text) => environment.stderr.write(text),
    })
    .showHelpAfterError(`(${PACKAGE_NAME} --help shows the usage)`)
    .addHelpText('after', `\nExample:\n  ${PACKAGE_NAME} lint openapi.yaml\n${rulesHelp()}`);
  const loadedAction =
    <Options>(load: () => Promise<CommandAction<Options>>) =>
    async (documents: string[], options: Options) => {
      const action = await load();
      setExitCode(await action(documents, options, environment));
    };

  const lint = documentOptions({
    ruleset: 'ruleset to use instead of the embedded one',
    failSeverity: 'exit 1 when a finding is at or above this severity',
    allowRemoteRefs: 'fetch $refs to http(s):// URLs (refused by default)',
    allowOutsideRefs:
      "let file $refs read files under DIR too (by default only under the linted document's directory); repeatable",
    maxFileSize: 'refuse documents (and files they $ref) larger than this',
  });
  program
    .command('lint')
    .description('lint OpenAPI documents with this ruleset, or with the team ruleset given or found')
    .argument('<documents...>', 'files or globs (quote globs so that the shell leaves them alone: "apis/**/*.yaml")')
    .addOption(lint.ruleset)
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(lint.failSeverity)
    .option('-D, --display-only-failures', 'report only the findings at or above the fail severity')
    .option('-q, --quiet', 'print only the report (no "No results" line, no notes)')
    .option('--show-documentation-url', "add each finding's documentation URL to the report")
    .addOption(lint.allowRemoteRefs)
    .addOption(lint.allowOutsideRefs)
    .addOption(lint.maxFileSize)
    // Adopting the ruleset on an existing API, and large repositories (docs/adopting.md). Named as ESLint's flags.
    .option('--suppress-all', 'write every current finding into the suppressions file, then report what is left')
    .option(
      '--suppress-rule <rule>',
      'write the current findings of this rule into the suppressions file; repeatable',
      (rule: string, rules: string[] | undefined) => [...(rules ?? []), rule],
    )
    .option(
      '--suppressions-location <file>',
      `the suppressions file (default: ${SUPPRESSIONS_FILE} in the working directory, read when present)`,
    )
    .option('--prune-suppressions', 'remove the suppressions that no longer match a finding')
    .option('--pass-on-unpruned-suppressions', 'do not exit 2 when suppressions no longer match a finding')
    .option(
      '--since <ref>',
      'lint only the documents changed since the git revision REF (or reaching a changed file through $refs), ' +
        'and report only the findings they did not have at REF',
    )
    .addOption(
      new Option(
        '--concurrency <n>',
        "lint documents in N worker threads; auto: one per core (none below 16 documents); off: in the command's own thread",
      )
        .argParser(concurrencyOption)
        .default('off'),
    )
    .option(
      '--cache',
      'lint only the documents that changed, or whose $ref-read files or ruleset changed, since the last run; ' +
        'serve the others from the cache',
    )
    .option(
      '--cache-location <file>',
      `the cache file, or a folder for it (default: ${CACHE_FILE} in the working directory); implies --cache`,
    )
    .option('--shard <k/n>', 'lint only the K-th of N deterministic parts of the documents (CI matrices)', shardOption)
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 no finding at or above the fail severity; 1 findings; 2 usage or input error',
        '(missing or unreadable file, glob matching nothing, file too large, not UTF-8, invalid YAML/JSON, YAML alias bomb,',
        'not OpenAPI 2.0/3.0/3.1, refused $ref), suppressions that no longer match a finding, unknown --since revision.',
        rulesHelp(),
      ].join('\n'),
    )
    .action(loadedAction<LintOptions>(async () => (await import('./lint-command')).lintCommand));

  const fix = documentOptions({
    ruleset: 'ruleset to lint with, as for lint',
    failSeverity: 'exit 1 when a finding left is at or above this severity',
    allowRemoteRefs: 'fetch $refs to http(s):// URLs (refused by default); remote files are never edited',
    allowOutsideRefs:
      'let file $refs read, and fix edit, files under DIR too ' +
      "(by default only under the document's directory); repeatable",
    maxFileSize: 'refuse documents (and files they $ref) larger than this, as lint',
  });
  program
    .command('fix')
    .description('repair, in place, the findings that have one obviously right repair (comments and layout are kept)')
    .argument('<documents...>', 'files or globs, as for lint')
    .addOption(fix.ruleset)
    .option(
      '--dry-run',
      'print the repairs as a unified diff on standard output (the report goes to standard error); write nothing',
    )
    .option(
      '--rules <rules>',
      `repair only these rules (comma-separated): ${REPAIRABLE_RULES.join(', ')}`,
      (list: string) =>
        list
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name.length > 0),
    )
    .option(
      '--remove-collection-404',
      'also remove the 404 of top-level collection listings (auth-no-404-collection): this changes the API contract',
    )
    .addOption(fix.failSeverity)
    .addOption(fix.allowRemoteRefs)
    .addOption(fix.allowOutsideRefs)
    .addOption(fix.maxFileSize)
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 nothing left at or above the fail severity; 1 findings left; 2 usage or input error (as lint).',
        'A file that does not parse, or whose repaired text would not parse, is never written; writes are atomic.',
      ].join('\n'),
    )
    .action(loadedAction<FixCommandOptions>(async () => (await import('./fix-command')).fixCommand));

  program
    .command('probe')
    .description(
      'send a small planned set of requests to a running API and report where its 401, 403 and 404 answers ' +
        'differ from what the description says (docs/probe.md)',
    )
    .argument('<description>', 'the OpenAPI description of the API')
    .requiredOption(
      '--server <url>',
      'the base URL of the running API; no request ever goes anywhere else',
      serverOption,
    )
    .requiredOption(
      '--credentials <file>',
      'YAML file: how to act as owner, other and (optionally) unscoped, and the ids of items the owner can read',
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(
      new Option('-F, --fail-severity <severity>', 'exit 1 when a finding is at or above this severity')
        .choices(Object.keys(SEVERITIES))
        .default('error'),
    )
    .option(
      '--unsafe-methods',
      'also probe POST, PUT, PATCH, DELETE...: only ever without credentials, with invalid ones or as `other` ' +
        '(requests a correct server refuses); never as owner or unscoped',
    )
    .addOption(
      new Option('--rate <n>', 'send at most N requests per second').argParser(positiveNumberOption).default(5),
    )
    .addOption(
      new Option('--timeout <ms>', 'give up on a request after MS milliseconds (exit 2)')
        .argParser(positiveIntegerOption)
        .default(5000),
    )
    .addOption(
      new Option('--max-requests <n>', 'never send more than N requests in all (exit 2 if the plan needs more)')
        .argParser(positiveIntegerOption)
        .default(500),
    )
    .addHelpText(
      'after',
      [
        '',
        'Safety: only GET and HEAD unless --unsafe-methods; requests go only to the origin and path of --server;',
        'redirects are never followed (they are reported); one request at a time, at most --rate per second, each',
        'within --timeout, at most --max-requests in all. Credentials never appear in the report: every value of',
        'the credentials file and any Authorization value is replaced by [redacted]. Ctrl-C stops sending and',
        'reports what was found so far. Probe a test or staging server, not production.',
        '',
        'Exit codes: 0 no finding at or above the fail severity; 1 findings; 2 usage or input error (description,',
        'credentials file with its line), a server that cannot be reached, or a run stopped before its plan was done',
        '(--max-requests reached, Ctrl-C).',
        '',
        'Example:',
        `  ${PACKAGE_NAME} probe openapi.yaml --server http://127.0.0.1:8080 --credentials probe-credentials.yaml`,
      ].join('\n'),
    )
    .action(async (description: string, options: ProbeCommandOptions) => {
      const { probeCommand } = await import('./probe-command');
      // Ctrl-C stops sending and lets the command report what it found; a second Ctrl-C ends the process as usual.
      const interrupt = new AbortController();
      const stop = () => interrupt.abort();
      process.once('SIGINT', stop);
      try {
        setExitCode(await probeCommand(description, options, environment, { signal: interrupt.signal }));
      } finally {
        process.removeListener('SIGINT', stop);
      }
    });

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
