import { ISpectralDiagnostic, Ruleset, Spectral } from '@stoplight/spectral-core';
import type { IDocument } from '@stoplight/spectral-core/dist/document';
import { discoverFiles } from './discover-files';
import { formatInputProblem, InputProblem } from './input-problem';
import { loadRuleset, RulesetLoadError } from './load-ruleset';
import { describeError, EXIT, PACKAGE_NAME } from './names';
import type { DocumentOptions } from './options';
import { readDocument, ReadLimits } from './read-document';
import type { RulesetSource } from './ruleset-sources';
import { createSafeResolver, realDirectories, ReferencePolicy, refusedReferenceProblems } from './safe-resolver';

/** What a command needs from its surroundings, passed in so that nothing below reaches for globals. */
export interface CommandEnvironment {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  /** The built ruleset module (`dist/index.js`), for team rulesets that extend this package. */
  ownRulesetModule: string;
  spectralVersion: string;
}

/** What every document of a run is checked with. */
export interface Setup {
  /** The ruleset given, found in the working directory, or embedded. */
  ruleset: Ruleset;
  /** The file it was loaded from; undefined for the embedded one. */
  rulesetFile?: string;
  /** The modules the ruleset file was bundled from, for `--cache`'s fingerprint of the ruleset. */
  rulesetSources: RulesetSource[];
  policy: ReferencePolicy;
  limits: ReadLimits;
}

/**
 * The ruleset and `$ref` policy the options ask for, or the usage error that keeps the command from running. Needs
 * only plain data, so that each worker thread of `--concurrency` sets the same run up again.
 */
export async function setUp(
  options: DocumentOptions,
  environment: Pick<CommandEnvironment, 'cwd' | 'ownRulesetModule'>,
): Promise<Setup | { error: string }> {
  try {
    const loaded = await loadRuleset(options.ruleset, environment.cwd, environment.ownRulesetModule);
    const policy = {
      allowRemoteRefs: options.allowRemoteRefs === true,
      allowedDirectories: realDirectories(options.allowOutsideRefs ?? [], environment.cwd),
      maxFileMegabytes: options.maxFileSize,
    };
    const limits = { maxFileMegabytes: options.maxFileSize };
    return { ruleset: loaded.ruleset, rulesetFile: loaded.file, rulesetSources: loaded.sources, policy, limits };
  } catch (error) {
    return { error: error instanceof RulesetLoadError ? error.message : describeError(error) };
  }
}

/** A document read and checked, ready for the engine. */
export interface OpenDocument {
  /** Absolute path. */
  file: string;
  document: IDocument;
  /** Spectral with the ruleset, and a `$ref` resolver of this document's own (its cache must serve no other). */
  spectral: Spectral;
  /** The results that report a `$ref` this document's resolver refused, as input problems. */
  refusedReferences(results: readonly ISpectralDiagnostic[]): InputProblem[];
  /** The local files the document's `$ref`s have read so far (real paths). */
  filesRead: ReadonlySet<string>;
}

/** How a command takes the per-document path. */
export interface DocumentRun {
  /** How a problem names what could not be done to a document: `could not be linted: ...`. */
  verb: 'linted' | 'fixed';
  /**
   * Run only documents read without any problem. `lint` also lints a document that is OpenAPI despite syntax
   * errors (reporting both); `fix` never edits a text that does not parse.
   */
  cleanOnly: boolean;
}

/**
 * The per-document path of every command: the arguments turned into files, each file read and checked, then, when
 * it is OpenAPI, handed to `run` with a Spectral of its own. Returns the files and the input problems of all of them
 * in order: arguments that name nothing, then per file those of `withDocument`, so that one file never stops the others.
 */
export async function forEachDocument(
  patterns: readonly string[],
  setup: Setup,
  environment: CommandEnvironment,
  how: DocumentRun,
  run: (open: OpenDocument) => Promise<InputProblem[]>,
): Promise<{ files: string[]; problems: InputProblem[] }> {
  const { files, problems } = await discoverFiles(patterns, environment.cwd);
  for (const file of files) problems.push(...(await withDocument(file, setup, how, run)));
  return { files, problems };
}

/**
 * One document: read and checked, then, when it is OpenAPI, handed to `run` with a Spectral of its own. Returns the
 * input problems of reading, those `run` returns, and what `run` throws (`could not be linted: ...`). Never throws.
 */
export async function withDocument(
  file: string,
  setup: Setup,
  { verb, cleanOnly }: DocumentRun,
  run: (open: OpenDocument) => Promise<InputProblem[]>,
): Promise<InputProblem[]> {
  const { document, lintable, problems } = readDocument(file, setup.limits);
  if (document === undefined || !lintable || (cleanOnly && problems.length > 0)) return problems;
  try {
    const { resolver, refusals, filesRead } = createSafeResolver(file, setup.policy);
    const spectral = new Spectral({ resolver });
    spectral.setRuleset(setup.ruleset);
    const refusedReferences = (results: readonly ISpectralDiagnostic[]) => refusedReferenceProblems(results, refusals);
    problems.push(...(await run({ file, document, spectral, refusedReferences, filesRead })));
  } catch (error) {
    problems.push({ file, message: `could not be ${verb}: ${describeError(error)}` });
  }
  return problems;
}

/** A usage error: said on standard error, and the command stops with exit code 2. */
export function usageError(message: string, environment: CommandEnvironment): number {
  environment.stderr.write(`${PACKAGE_NAME}: ${message}\n`);
  return EXIT.usageOrInput;
}

/** Each input problem on standard error as `file:line:column: message`, the shape editors turn into links. */
export function writeProblems(problems: readonly InputProblem[], environment: CommandEnvironment): void {
  for (const problem of problems) {
    environment.stderr.write(`${PACKAGE_NAME}: ${formatInputProblem(problem, environment.cwd)}\n`);
  }
}

/** 2 when any input problem (an incomplete run is never clean), else 1 when any finding fails the run, else 0. */
export function exitCodeOf(problems: readonly InputProblem[], failing: readonly ISpectralDiagnostic[]): number {
  if (problems.length > 0) return EXIT.usageOrInput;
  return failing.length > 0 ? EXIT.findings : EXIT.clean;
}
