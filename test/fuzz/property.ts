/**
 * The robustness property every fuzz case must satisfy: the whole ruleset runs through the real Spectral engine,
 * the run resolves, no rule reports that it threw, and every result is well-formed.
 */
import { Document, ISpectralDiagnostic, Spectral } from '@stoplight/spectral-core';
import { Json, Yaml } from '@stoplight/spectral-parsers';
import { join } from 'node:path';
import { documentationUrlOf, RULES } from '../../src/ruleset';
import { FIXTURES, lint } from '../helpers/lint';

/** One input to lint: its text, its language, and the file it claims to be (relative `$ref`s resolve next to it). */
export interface FuzzCase {
  /** What the case was made from, for the failure report: a generator, or the fixture that was mutated. */
  origin: string;
  format: 'json' | 'yaml';
  at: string;
  text: string;
}

/** Generated documents claim to live in fixtures/robustness/, next to the shared files their `$ref`s reach. */
export const GENERATED_DOCUMENT_AT = {
  json: join(FIXTURES, 'robustness', 'fuzzed.json'),
  yaml: join(FIXTURES, 'robustness', 'fuzzed.yaml'),
} as const;

/** What src/ruleset.ts reports instead of letting a rule's exception abort the run. */
export const CRASH_MARKER = 'could not check this document';

const SEVERITY_OF_RULE = new Map(RULES.map((rule) => [rule.name, rule.severity === 'error' ? 0 : 1]));

/** Text that only a bug puts into a message (a value printed without a check), unless the document itself has it. */
const SUSPICIOUS_FRAGMENTS = ['[object Object]', 'undefined', 'NaN', 'function ('];

export interface LintOutcome {
  /** Empty when the case passes. */
  problems: string[];
  /** Rule codes that reported something. */
  codes: Set<string>;
  /** Set when Spectral rejects the document even with no rules at all: a crash upstream, not in this ruleset. */
  upstreamRejection?: string;
}

/** The run does not throw or hang, and its results are what a formatter can print. */
export async function lintProblemsOf(input: FuzzCase): Promise<LintOutcome> {
  assertNoNetworkReference(input.text);
  let results: ISpectralDiagnostic[];
  try {
    results = await lint(documentOf(input));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const upstream = await rejectionWithoutRules(input);
    if (upstream === reason) return { problems: [], codes: new Set(), upstreamRejection: upstream };
    const stack = error instanceof Error ? (error.stack ?? reason) : reason;
    return { problems: [`the Spectral run rejected: ${stack}`], codes: new Set() };
  }
  if (!Array.isArray(results))
    return { problems: ['the Spectral run resolved to something other than a list'], codes: new Set() };
  const problems = results.flatMap((result) => problemsOfResult(result, input.text));
  return { problems, codes: new Set(results.map((result) => String(result.code))) };
}

function documentOf(input: FuzzCase) {
  return input.format === 'json' ? new Document(input.text, Json, input.at) : new Document(input.text, Yaml, input.at);
}

/**
 * Why Spectral rejects the document with an empty ruleset, if it does: its reference resolver crashes on some
 * documents before any rule runs (a key named `hasOwnProperty`, see fixtures/robustness/README.md).
 */
async function rejectionWithoutRules(input: FuzzCase): Promise<string | undefined> {
  const spectral = new Spectral();
  spectral.setRuleset({ rules: {} });
  try {
    await spectral.run(documentOf(input));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function problemsOfResult(result: ISpectralDiagnostic, text: string): string[] {
  const problems: string[] = [];
  const where = `${String(result.code)} at ${JSON.stringify(result.path)}`;
  if (typeof result.code !== 'string' && typeof result.code !== 'number')
    problems.push(`a result without a code: ${JSON.stringify(result)}`);
  if (typeof result.message !== 'string' || result.message.length === 0) problems.push(`${where}: no message`);
  if (!Array.isArray(result.path) || !result.path.every((s) => typeof s === 'string' || typeof s === 'number')) {
    problems.push(`${where}: the path is not a list of keys`);
  }
  if (![0, 1, 2, 3].includes(result.severity)) problems.push(`${where}: severity ${String(result.severity)}`);
  const expectedSeverity = SEVERITY_OF_RULE.get(String(result.code));
  if (expectedSeverity === undefined || typeof result.message !== 'string') return problems;
  // One of ours: it must not have thrown, must point at a place in the file, and must say something a person can
  // act on. (Spectral's own results may end a range at character -1, for an empty line: not ours to judge.)
  const { start, end } = result.range ?? {};
  const positions = [start?.line, start?.character, end?.line, end?.character];
  if (!positions.every((n) => Number.isInteger(n) && n >= 0)) {
    problems.push(`${where}: range ${JSON.stringify(result.range)}`);
  }
  if (result.message.includes(CRASH_MARKER)) problems.push(`${where} threw: ${result.message}`);
  if (result.severity !== expectedSeverity)
    problems.push(`${where}: severity ${result.severity}, expected ${expectedSeverity}`);
  if (result.documentationUrl !== documentationUrlOf(String(result.code)))
    problems.push(`${where}: documentationUrl ${String(result.documentationUrl)}`);
  for (const fragment of SUSPICIOUS_FRAGMENTS) {
    if (result.message.includes(fragment) && !text.includes(fragment))
      problems.push(`${where}: message shows "${fragment}": ${result.message}`);
  }
  return problems;
}

/** The start of a URL, which Spectral would fetch: `https://...`, or `//host/...`. */
const URL_START = String.raw`(?:[a-z][a-z0-9+.-]*:)?\/\/`;
const NETWORK_REFERENCE = new RegExp(String.raw`\$ref["']?\s*:\s*["']?\s*${URL_START}`, 'i');
const URL_VALUE = new RegExp(String.raw`^\s*${URL_START}`, 'i');

/** Whether the text has a `$ref` to a URL. */
export function hasNetworkReference(text: string): boolean {
  return NETWORK_REFERENCE.test(text);
}

/** Whether the value is a URL (as a `$ref`, one that Spectral would fetch). */
export function isUrl(value: unknown): boolean {
  return typeof value === 'string' && URL_VALUE.test(value);
}

/** Tests never use the network: a case that would make Spectral fetch a URL is a bug in the fuzzer, not a finding. */
function assertNoNetworkReference(text: string): void {
  if (hasNetworkReference(text)) {
    throw new Error(`fuzzer bug: the case has a $ref to a URL, which Spectral would fetch:\n${text.slice(0, 2000)}`);
  }
}

/** Throws with every problem, for fast-check to report and shrink. `seen` collects the rule codes that reported. */
export async function assertLintsCleanly(input: FuzzCase, seen?: Set<string>): Promise<void> {
  const { problems, codes } = await lintProblemsOf(input);
  for (const code of codes) seen?.add(code);
  if (problems.length > 0) throw new Error(`${input.origin} (${input.format}):\n  ${problems.join('\n  ')}`);
}
