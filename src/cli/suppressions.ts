import type { ISpectralDiagnostic, Ruleset } from '@stoplight/spectral-core';
import { dirname, resolve } from 'node:path';
import type { DiscoveredFiles } from './discover-files';
import { beyondBaseline, countsByKey, FindingKey, findingKeyOf, keyOfText, relativeFile } from './finding-key';
import { displayPath, formatInputProblem, InputProblem } from './input-problem';
import type { LintOptions } from './lint-command';
import type { LintedDocument } from './lint-document';
import { byCodeUnit, countOf, describeError, SUPPRESSIONS_FILE } from './names';
import { readSuppressions, SuppressionCounts, writeSuppressions } from './suppressions-file';

type SuppressionOptions = Pick<
  LintOptions,
  'suppressAll' | 'suppressRule' | 'suppressionsLocation' | 'pruneSuppressions' | 'passOnUnprunedSuppressions'
>;

/** The suppressions file as read before the run, and what the run is asked to do with it. */
export interface Suppressions {
  /** Absolute path; the documents its entries name are relative to its folder. */
  file: string;
  /** The path as messages name it: relative to the working directory. */
  shownAs: string;
  counts: SuppressionCounts;
  /** The rules whose current findings the run writes into the file (`--suppress-all`: every rule). */
  suppress: 'all' | ReadonlySet<string> | 'none';
  prune: boolean;
  passOnUnused: boolean;
}

/** What is left to report once the suppressions are applied. */
export interface SuppressedRun {
  /** The findings no suppression covers, in their order. */
  results: ISpectralDiagnostic[];
  /** How many findings the file covered. */
  suppressed: number;
  /** Entries that no longer match a finding (unless passed on), a file that cannot be written: exit 2. */
  problems: InputProblem[];
  /** Lines for standard error: what was written, unused entries passed on. */
  notes: string[];
}

/**
 * Reads the suppressions file (absent: none) before anything is linted, so that a damaged file or a misspelt
 * `--suppress-rule` stops the run at once, with one line naming the file (and place) or the rule.
 */
export async function loadSuppressions(
  options: SuppressionOptions,
  ruleset: Ruleset,
  cwd: string,
): Promise<Suppressions | { error: string }> {
  const file = resolve(cwd, options.suppressionsLocation ?? SUPPRESSIONS_FILE);
  const unknownRule = (options.suppressRule ?? []).find((rule) => !(rule in ruleset.rules));
  if (unknownRule !== undefined) return { error: `--suppress-rule: the ruleset has no rule named "${unknownRule}"` };
  const counts = await readSuppressions(file);
  if (!(counts instanceof Map)) return { error: formatInputProblem(counts, cwd) };
  const suppress =
    options.suppressAll === true ? 'all' : options.suppressRule === undefined ? 'none' : new Set(options.suppressRule);
  return {
    file,
    shownAs: displayPath(file, cwd),
    counts,
    suppress,
    prune: options.pruneSuppressions === true,
    passOnUnused: options.passOnUnprunedSuppressions === true,
  };
}

/** The documents to lint: a glob of JSON files must not take the suppressions file for a description. */
export function withoutSuppressionsFile(discovered: DiscoveredFiles, suppressions: Suppressions): DiscoveredFiles {
  return { ...discovered, files: discovered.files.filter((file) => file !== suppressions.file) };
}

interface Finding {
  result: ISpectralDiagnostic;
  key: FindingKey;
}

/**
 * Applies the file to the run's findings. First, when asked, it records the current findings of the chosen rules
 * (each key's count becomes the current one) and prunes the entries nothing matched; then a finding is suppressed
 * while its key has count left. Only the documents this run linted completely are judged: the entries of another
 * document, or of one with an input problem (it may have been linted only in part), are never recorded, unused or
 * pruned, only applied.
 */
export function applySuppressions(linted: readonly LintedDocument[], suppressions: Suppressions): SuppressedRun {
  const base = dirname(suppressions.file);
  const findings: Finding[] = linted.flatMap((document) =>
    document.results.map((result) => ({ result, key: findingKeyOf(result, document.file, base) })),
  );
  const judged = new Set(
    linted.filter((document) => document.problems.length === 0).map((document) => relativeFile(document.file, base)),
  );
  const counts = withSuppressed(suppressions.counts, findings, suppressions.suppress, judged);
  const { kept, covered, unused } = beyondBaseline(findings, (finding) => finding.key, counts);
  const unusedHere = [...unused]
    .filter(([text]) => judged.has(keyOfText(text).file))
    .sort(([a], [b]) => byCodeUnit(a, b));
  if (suppressions.prune) for (const [text, count] of unusedHere) lower(counts, text, count);

  const problems: InputProblem[] = [];
  const notes: string[] = [];
  const where = suppressions.shownAs;
  if (suppressions.suppress !== 'none' || suppressions.prune) {
    try {
      writeSuppressions(suppressions.file, counts);
      notes.push(`${where} now suppresses ${countOf(total(counts), 'finding')}`);
    } catch (error) {
      problems.push({
        file: suppressions.file,
        message: `cannot write the suppressions file (${describeError(error)})`,
      });
    }
  }
  if (!suppressions.prune && unusedHere.length > 0) {
    if (suppressions.passOnUnused) {
      const entries = countOf(unusedHere.length, 'suppression');
      const match = unusedHere.length === 1 ? 'matches' : 'match';
      notes.push(`${where}: ${entries} no longer ${match} a finding (--prune-suppressions removes them)`);
    } else {
      problems.push(...unusedHere.map(([text, count]) => unusedProblem(suppressions.file, text, count)));
    }
  }
  return { results: kept.map((finding) => finding.result), suppressed: covered.length, problems, notes };
}

/** `3 findings suppressed (spectral-auth-responses-suppressions.json).`: the summary line's part, or nothing. */
export function suppressedLine(run: SuppressedRun, suppressions: Suppressions): string {
  if (run.suppressed === 0) return '';
  return `${countOf(run.suppressed, 'finding')} suppressed (${suppressions.shownAs}).\n`;
}

/** The counts once the current findings of the chosen rules, in the documents judged, are recorded. */
function withSuppressed(
  counts: SuppressionCounts,
  findings: readonly Finding[],
  suppress: Suppressions['suppress'],
  judged: ReadonlySet<string>,
): SuppressionCounts {
  const updated = new Map(counts);
  if (suppress === 'none') return updated;
  const chosen = findings.filter(({ key }) => judged.has(key.file) && (suppress === 'all' || suppress.has(key.rule)));
  for (const [text, count] of countsByKey(chosen.map((finding) => finding.key))) updated.set(text, count);
  return updated;
}

function unusedProblem(file: string, text: string, count: number): InputProblem {
  const key = keyOfText(text);
  const place = key.path === '' ? 'the document root' : key.path;
  const what = `${countOf(count, 'finding')} no longer found`;
  return {
    file,
    message: `unused suppression: ${key.file} ${key.rule} at ${place} (${what}); --prune-suppressions removes it`,
  };
}

function lower(counts: SuppressionCounts, text: string, by: number): void {
  const left = (counts.get(text) ?? 0) - by;
  if (left > 0) counts.set(text, left);
  else counts.delete(text);
}

function total(counts: SuppressionCounts): number {
  return [...counts.values()].reduce((sum, count) => sum + count, 0);
}
