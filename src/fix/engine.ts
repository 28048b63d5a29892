import { Document, ISpectralDiagnostic, Spectral } from '@stoplight/spectral-core';
import { Json, Yaml } from '@stoplight/spectral-parsers';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { DocumentFacts, documentFactsOf } from '../openapi/operations';
import type { AuthRule, RuleOptions } from '../rule';
import { RULES, ruleOptionsFrom, RulesetOptions } from '../ruleset';
import { applyEdits, DataChange, EditPlan, TextEdit } from './edits';
import { Location, SourceFiles } from './locate';
import { describeProblem, FixProblem } from './problem';
import { Refusal } from './refusal';
import type { RepairContext, RepairDone, RuleFinding, RuleRepair } from './repair';
import { findingsOfResults, LintedDescription } from './reported-place';
import { auth401DocumentedRepair } from './repairs/auth-401-documented';
import { auth401WwwAuthenticateRepair } from './repairs/auth-401-www-authenticate';
import { auth403DescribesScopesRepair } from './repairs/auth-403-describes-scopes';
import { auth403DocumentedRepair } from './repairs/auth-403-documented';
import { auth404ProtectedItemRepair } from './repairs/auth-404-protected-item';
import { authNo404CollectionRepair } from './repairs/auth-no-404-collection';
import { SharedResponses } from './shared-responses';
import { dataOfText, ParseFailure, parseSource, SourceFile } from './source';
import { writeAtomically } from './write';

/**
 * The repairs, in the order they are planned: headers and properties first, so that a shared response they
 * complete is reused (not duplicated) by the repairs that point operations at shared responses.
 */
export const REPAIRS: readonly RuleRepair[] = [
  auth401WwwAuthenticateRepair,
  auth403DescribesScopesRepair,
  auth401DocumentedRepair,
  auth403DocumentedRepair,
  auth404ProtectedItemRepair,
  authNo404CollectionRepair,
];

/** Why the other rules' findings are left for a person. */
const NEEDS_A_PERSON: Readonly<Record<string, string>> = {
  'auth-www-authenticate-scheme': 'which challenge is right depends on how the API authenticates',
  'auth-401-without-security': 'declaring the security or removing the 401 is a decision about the API',
  'auth-401-misused-for-permissions': 'the description (or the status code) needs rewording by a person',
  'auth-403-misused-for-authentication': 'the description (or the status code) needs rewording by a person',
  'auth-exception-invalid': 'the reason for an exception can only come from a person',
};

export interface FixOptions {
  /** Spectral with the ruleset and reference policy to lint with (the `lint` command's, for the `fix` command). */
  spectral: Spectral;
  /** Repair only the findings of these rules (all repairable ones when absent). */
  rules?: readonly string[];
  /** Also remove the 404 of top-level collection listings (`auth-no-404-collection`): it changes the contract. */
  removeCollection404?: boolean;
  /** Compute the changes and their diff, write nothing. */
  dryRun?: boolean;
  /** Directories, besides the document's own, whose files may be edited when a repair belongs there. */
  allowedDirectories?: readonly string[];
  /** The options the ruleset was created with, if any (so that findings are recomputed the same way). */
  ruleOptions?: RulesetOptions;
}

export interface FixedFinding {
  result: ISpectralDiagnostic;
  /** What was done, in which file: one entry per place changed. */
  done: RepairDone[];
}

export interface LeftFinding {
  result: ISpectralDiagnostic;
  /** Why it is left for a person. */
  reason: string;
}

export interface FileChange {
  /** The file changed (absolute, symlinks resolved). */
  path: string;
  before: string;
  after: string;
  edits: TextEdit[];
}

export interface FixReport {
  /** The document fixed, as given (absolute). */
  document: string;
  fixed: FixedFinding[];
  left: LeftFinding[];
  /** The shared responses created or reused. */
  notes: string[];
  changes: FileChange[];
  /** Whether the changes were written (false for a dry run, an error, or no change). */
  written: boolean;
  /** Why the document could not be fixed at all (it does not parse, is not OpenAPI, a repaired text would not parse). */
  error?: FixProblem;
}

/**
 * Lints one document with the real engine, repairs what has one obviously right repair, and writes the changed
 * files atomically (unless a dry run). Nothing is written when any file involved does not parse, or when any
 * repaired text would not parse back to exactly the intended data.
 */
export async function fixDocument(file: string, options: FixOptions): Promise<FixReport> {
  const document = resolve(file);
  const report: FixReport = { document, fixed: [], left: [], notes: [], changes: [], written: false };
  let root: SourceFile;
  try {
    const real = realpathSync(document);
    root = parseSource(real, readFileSync(real, 'utf8'));
  } catch (error) {
    if (error instanceof ParseFailure) return { ...report, error: error.problem };
    return { ...report, error: { file: document, reason: `cannot be read (${(error as Error).message})` } };
  }

  const parsed =
    root.format === 'json' ? new Document(root.text, Json, document) : new Document(root.text, Yaml, document);
  // Spectral's parser reports hard errors at severity 0 (warnings, such as numeric keys, do not stop linting).
  const syntaxError = parsed.diagnostics.find((diagnostic) => diagnostic.severity === 0);
  if (syntaxError !== undefined) {
    return { ...report, error: { file: document, ...placeOf(syntaxError), reason: syntaxError.message } };
  }
  const { resolved, results } = await options.spectral.runWithResolved(parsed);
  const notOpenApi = results.find((result) => result.code === 'unrecognized-format');
  if (notOpenApi !== undefined) return { ...report, error: { file: document, reason: notOpenApi.message } };

  const facts = documentFactsOf(resolved, parsed.data);
  const ruleOptions = ruleOptionsFrom(options.ruleOptions);
  const repairable = RULES.filter((rule) => REPAIRS.some((repair) => repair.rule === rule.name));
  const ruleFindings = repairable.flatMap((rule) => findingsOf(rule, facts, ruleOptions));
  const files = new SourceFiles(root, [dirname(root.path), ...(options.allowedDirectories ?? [])]);
  const plan = new EditPlan();
  const completed = new Set<string>();
  const idOf = (at: Location) => `${at.source.path}#${at.node?.range?.[0]}`;
  const context: RepairContext = {
    facts,
    files,
    plan,
    ruleOptions,
    removeCollection404: options.removeCollection404 === true,
    shared: new SharedResponses(facts, files, plan, ruleOptions, (at) => completed.has(idOf(at))),
    complete: (at) => completed.add(idOf(at)),
  };

  const description: LintedDescription = {
    file: root.path,
    unresolved: parsed.data,
    resolved,
    dataOf: (path) => dataOf(files, path),
  };
  const findingsReported = findingsOfResults(results, ruleFindings, description);
  const outcomes = new Map<ISpectralDiagnostic, FixedFinding | LeftFinding>();
  for (const repair of REPAIRS) {
    for (const result of results.filter((r) => r.code === repair.rule)) {
      outcomes.set(result, repairResult(result, repair, findingsReported.get(result) ?? [], context, options.rules));
    }
  }
  for (const result of results) {
    const outcome = outcomes.get(result) ?? { result, reason: reasonLeft(result) };
    if ('done' in outcome) report.fixed.push(outcome);
    else report.left.push(outcome);
  }

  // Nothing is fixed unless everything planned can be written: otherwise every finding is left, with the reason.
  const nothingFixed = (problem: FixProblem): FixReport => ({
    ...report,
    fixed: [],
    left: results.map((result) => ({ result, reason: `nothing was written: ${describeProblem(problem)}` })),
    error: { ...problem, reason: `${problem.reason}; nothing was written` },
  });
  try {
    context.shared.finish();
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return nothingFixed({ file: document, reason: error.message });
  }
  report.notes.push(...context.shared.notes);
  const changes = verifiedChanges(plan);
  if (!Array.isArray(changes)) return nothingFixed(changes);
  report.changes = changes;
  if (options.dryRun === true || changes.length === 0) return report;
  for (const change of changes) writeAtomically(change.path, change.before, change.after);
  return { ...report, written: true };
}

/** The repaired text of every file the plan changes, each checked; or the first problem found. */
function verifiedChanges(plan: EditPlan): FileChange[] | FixProblem {
  const changes: FileChange[] = [];
  for (const { source, edits, changes: dataChanges } of plan.files()) {
    const after = applyEdits(source.text, edits);
    const problem = verify(source, after, dataChanges);
    if (problem !== undefined) return problem;
    if (after !== source.text) changes.push({ path: source.path, before: source.text, after, edits });
  }
  return changes;
}

/** The data of a file a `$ref` reaches, when the fixer may read it (inside the allowed directories, parsed). */
function dataOf(files: SourceFiles, file: string): unknown {
  try {
    return files.load(file).data;
  } catch (error) {
    if (error instanceof Refusal) return undefined;
    throw error;
  }
}

/** One result repaired through the findings it reports (see findingsOfResults), or left with the reason. */
function repairResult(
  result: ISpectralDiagnostic,
  repair: RuleRepair,
  findings: readonly RuleFinding[],
  context: RepairContext,
  selected: readonly string[] | undefined,
): FixedFinding | LeftFinding {
  if (selected !== undefined && !selected.includes(repair.rule))
    return { result, reason: 'not among the rules selected with --rules' };
  if (findings.length === 0) return { result, reason: 'could not be traced back to an operation' };
  if (findings.every((finding) => finding.covers?.length === 0)) {
    return { result, reason: 'the operations it counts need a change that fix does not make (see the message)' };
  }
  const done: RepairDone[] = [];
  // A document-level finding is repaired where each finding it stands for would have been.
  const repairs = findings.flatMap((finding) => finding.covers?.map((path) => ({ ...finding, path })) ?? [finding]);
  for (const finding of repairs) {
    try {
      done.push(repair.repair(finding, context));
    } catch (error) {
      if (error instanceof Refusal) return { result, reason: error.message };
      throw error;
    }
  }
  const unique = done.filter((entry, index) => done.findIndex((other) => isDeepStrictEqual(other, entry)) === index);
  return { result, done: unique };
}

/** A deep copy of parsed data (plain objects and arrays), made in this realm so it compares with what parsers give. */
function copyOf(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(copyOf);
  if (typeof data === 'object' && data !== null) {
    return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, copyOf(value)]));
  }
  return data;
}

/** A rule's findings with their unmapped paths; none when it throws (Spectral has reported that as a finding). */
function findingsOf(rule: AuthRule, facts: DocumentFacts, options: RuleOptions): RuleFinding[] {
  try {
    return rule.check(facts, options).map((finding) => ({ rule: rule.name, ...finding }));
  } catch {
    return [];
  }
}

type Range = { start: { line: number; character: number } };

function placeOf({ range }: { range: Range }): { line: number; column: number } {
  return { line: range.start.line + 1, column: range.start.character + 1 };
}

function reasonLeft(result: ISpectralDiagnostic): string {
  const code = String(result.code);
  return NEEDS_A_PERSON[code] ?? 'not a finding the fixer repairs';
}

/**
 * The repaired text must parse, and to exactly the original data with the intended changes: a check that the
 * splicing touched nothing else, before anything is written. Returns the problem, if any.
 */
export function verify(source: SourceFile, after: string, changes: readonly DataChange[]): FixProblem | undefined {
  let data: unknown;
  try {
    data = dataOfText(source.path, after, source.format);
  } catch (error) {
    if (error instanceof ParseFailure) return error.problem;
    throw error;
  }
  const expected = copyOf(source.data);
  for (const change of changes) {
    const parent = change.path
      .slice(0, -1)
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key as string], expected);
    const key = String(change.path[change.path.length - 1]);
    if (typeof parent !== 'object' || parent === null) {
      return { file: source.path, reason: `a change has no place in the data (${change.path.join('.')})` };
    }
    if (change.kind === 'set') (parent as Record<string, unknown>)[key] = change.value;
    else delete (parent as Record<string, unknown>)[key];
  }
  if (!isDeepStrictEqual(data, expected)) {
    return { file: source.path, reason: 'the repaired text would not say what was intended' };
  }
  return undefined;
}
