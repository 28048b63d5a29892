// The options every command that lints documents takes, defined once. Kept apart from the modules that run the
// commands, like names.ts, so that `--help` and usage errors answer without loading Spectral.

import { Option } from 'commander';
import { DEFAULT_MAX_FILE_MEGABYTES, DEFAULT_RULESET_FILES, megabytesOption, SEVERITIES, SeverityName } from './names';

/** What `lint` and `fix` both take: the ruleset, when to fail, which `$ref`s may be read, how large a file may be. */
export interface DocumentOptions {
  ruleset?: string;
  failSeverity: SeverityName;
  allowRemoteRefs?: boolean;
  allowOutsideRefs?: string[];
  maxFileSize: number;
}

/** How a command words each shared option in its help: the flags, values and defaults are the same for all. */
export type DocumentOptionsHelp = Record<keyof DocumentOptions, string>;

export function documentOptions(help: DocumentOptionsHelp): Record<keyof DocumentOptions, Option> {
  const rulesetDefault = `(default: ${DEFAULT_RULESET_FILES.join(', ')} in the working directory, if any)`;
  return {
    ruleset: new Option('-r, --ruleset <file>', `${help.ruleset} ${rulesetDefault}`),
    failSeverity: new Option('-F, --fail-severity <severity>', help.failSeverity)
      .choices(Object.keys(SEVERITIES))
      .default('error'),
    allowRemoteRefs: new Option('--allow-remote-refs', help.allowRemoteRefs),
    allowOutsideRefs: new Option('--allow-outside-refs <dir>', help.allowOutsideRefs).argParser(
      (dir: string, dirs: string[] | undefined) => [...(dirs ?? []), dir],
    ),
    maxFileSize: new Option('--max-file-size <MB>', help.maxFileSize)
      .argParser(megabytesOption)
      .default(DEFAULT_MAX_FILE_MEGABYTES),
  };
}
