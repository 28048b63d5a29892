import { Document, ISpectralDiagnostic, Spectral } from '@stoplight/spectral-core';
import type { IDocument } from '@stoplight/spectral-core/dist/document';
import { Json, Yaml } from '@stoplight/spectral-parsers';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ruleset = require('../../src/index');
import { documentFactsOf } from '../../src/openapi/operations';
import type { Finding as RuleFinding } from '../../src/rule';
import { createRuleset, RULES, ruleOptionsFrom, RulesetOptions } from '../../src/ruleset';

export const FIXTURES = resolve(__dirname, '../../fixtures');

/** A fixture's absolute path: `fixture('auth-401-documented/invalid.oas3.yaml')`. */
export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** A document for Spectral, from a fixture file (so that file `$ref`s resolve next to it) or from inline YAML. */
export function documentFrom(source: { file: string } | { yaml: string; at?: string }): IDocument {
  if ('file' in source) {
    const path = source.file.startsWith('/') ? source.file : fixture(source.file);
    const text = readFileSync(path, 'utf8');
    return path.endsWith('.json') ? new Document(text, Json, path) : new Document(text, Yaml, path);
  }
  return new Document(source.yaml, Yaml, source.at ?? join(FIXTURES, 'inline.yaml'));
}

/** Lints through the real Spectral engine with this package's ruleset (the source, as `extends` would load it). */
export async function lint(document: IDocument, options?: RulesetOptions): Promise<ISpectralDiagnostic[]> {
  const spectral = new Spectral();
  spectral.setRuleset(options === undefined ? ruleset : createRuleset(options));
  return spectral.run(document);
}

/**
 * What a rule's `check` gives for a document that Spectral resolved, as in a lint run, with what Spectral never
 * shows: `covers`, the per-operation paths a document-level finding stands for, which `fix` repairs one by one.
 */
export async function checkedFindingsOf(
  ruleName: string,
  source: Parameters<typeof documentFrom>[0],
  options?: RulesetOptions,
): Promise<RuleFinding[]> {
  const rule = RULES.find((candidate) => candidate.name === ruleName);
  if (rule === undefined) throw new Error(`no rule is named ${ruleName}`);
  const document = documentFrom(source);
  const spectral = new Spectral();
  spectral.setRuleset(createRuleset(options));
  const { resolved } = await spectral.runWithResolved(document);
  return rule.check(documentFactsOf(resolved, document.data), ruleOptionsFrom(options));
}

/** Results of one rule, reduced to what a scenario asserts: path, severity, and message. */
export async function findingsOf(
  ruleName: string,
  source: Parameters<typeof documentFrom>[0],
  options?: RulesetOptions,
): Promise<{ path: string; severity: number; message: string; line: number; source?: string }[]> {
  const results = await lint(documentFrom(source), options);
  return results
    .filter((result) => result.code === ruleName)
    .map((result) => ({
      path: result.path.join('.'),
      severity: result.severity,
      message: result.message,
      line: result.range.start.line + 1,
      ...(result.source !== undefined ? { source: result.source } : {}),
    }));
}

/**
 * A document whose one operation answers `code` with a description of `words` words cycling through `fillerWords`,
 * then `ending`: long texts for the description matchers, which must stay linear and find what ends them.
 */
export function documentWithLongDescription(
  code: string,
  words: number,
  fillerWords: readonly string[],
  ending: string,
): { yaml: string } {
  const filler = Array.from({ length: words }, (_, i) => fillerWords[i % fillerWords.length]).join(' ');
  return {
    yaml: `
openapi: 3.0.3
info: { title: Calls, version: 1.0.0 }
paths:
  /calls:
    get:
      responses:
        '200': { description: The calls }
        '${code}': { description: "${filler} ${ending}" }
`,
  };
}

/**
 * A document of one operation per text, `GET /1`, `GET /2`, ..., each answering `code` with that text as its
 * description: a rule's vocabulary, one word or phrase per operation, and its findings at
 * `paths./<n>.get.responses.<code>`. `head` is written before `paths:` (a root `security`), `response` into each
 * such response (a body), `success` is each 200 response, `paths` are more path items, written after these, and
 * `tail` comes after all paths (`components`).
 */
export function documentDescribing(
  code: string,
  texts: readonly string[],
  parts: { head?: string; response?: string; success?: string; paths?: string; tail?: string } = {},
): { yaml: string } {
  const more = parts.response === undefined ? '' : `, ${parts.response}`;
  const success = parts.success ?? '{ description: OK }';
  const operations = texts.map(
    (text, index) =>
      `  /${index + 1}:\n    get:\n      responses:\n        '200': ${success}\n` +
      `        '${code}': { description: ${JSON.stringify(text)}${more} }`,
  );
  const info = 'openapi: 3.0.3\ninfo: { title: Vocabulary, version: 1.0.0 }';
  return { yaml: [info, parts.head ?? '', 'paths:', ...operations, parts.paths ?? '', parts.tail ?? ''].join('\n') };
}

/** Spectral's numeric severities, as results carry them. */
export const ERROR = 0;
export const WARN = 1;

export interface Scenario {
  name: string;
  document: Parameters<typeof documentFrom>[0];
  options?: RulesetOptions;
  /** Expected findings of the rule, in any order: path (dot-joined), and optionally message parts and source. */
  findings: { path: string; messageIncludes?: string[]; source?: string; line?: number }[];
}

type Finding = Awaited<ReturnType<typeof findingsOf>>[number];
type ExpectedFinding = Scenario['findings'][number];

/** Whether a finding is one the scenario expects: at its path, and with each part of it the expectation states. */
function fits(finding: Finding, expected: ExpectedFinding): boolean {
  return (
    finding.path === expected.path &&
    (expected.messageIncludes ?? []).every((part) => finding.message.includes(part)) &&
    (expected.source === undefined || finding.source === fixture(expected.source)) &&
    (expected.line === undefined || finding.line === expected.line)
  );
}

/**
 * Pairs each expected finding with a finding of its own that fits it (a maximum matching, by augmenting paths:
 * a greedy pairing could give an expectation that fits many the one finding another needs), and returns what is
 * left unpaired on either side. Two expected findings at one path thus need two findings, one fitting each.
 */
function unpairedFindings(
  findings: Finding[],
  expected: ExpectedFinding[],
): { findings: Finding[]; expected: ExpectedFinding[] } {
  const expectedIndexOf: (number | undefined)[] = findings.map(() => undefined);
  const pair = (e: number, tried: Set<number>): boolean =>
    findings.some((finding, f) => {
      if (tried.has(f) || !fits(finding, expected[e])) return false;
      tried.add(f);
      const other = expectedIndexOf[f];
      if (other !== undefined && !pair(other, tried)) return false;
      expectedIndexOf[f] = e;
      return true;
    });
  const unpairedExpected: ExpectedFinding[] = [];
  for (const [e, expectation] of expected.entries()) if (!pair(e, new Set())) unpairedExpected.push(expectation);
  return { findings: findings.filter((_, f) => expectedIndexOf[f] === undefined), expected: unpairedExpected };
}

/**
 * Runs a rule's scenario table through the real engine: each scenario asserts exactly the rule's findings, as a
 * multiset (each expected finding fitted by a finding of its own, with its path, message parts, source and line),
 * so an extra, a missing, or a second finding at one path fails the test.
 */
export function testRule(ruleName: string, severity: number, scenarios: Scenario[]): void {
  describe(ruleName, () => {
    test.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
      const findings = await findingsOf(ruleName, scenario.document, scenario.options);
      // The paths first: the plainest diff for the most common failure.
      const paths = (list: { path: string }[]) => list.map((finding) => finding.path).sort();
      expect(paths(findings)).toEqual(paths(scenario.findings));
      for (const finding of findings) {
        expect(finding.severity).toBe(severity);
        expect(finding.message).not.toContain('could not check this document');
      }
      expect(unpairedFindings(findings, scenario.findings)).toEqual({ findings: [], expected: [] });
    });
  });
}
