/**
 * Every example of every rule page is linted, as ESLint and typescript-eslint lint the examples of their rule
 * pages: an "Incorrect" example must give its rule's finding on the lines it marks `# reported`, a "Correct" one
 * must give no finding of any rule, and both must be valid OpenAPI. An example that rots (the rule changed, or the
 * example was edited) fails here. docs/rule-pages.md states how examples are marked.
 */
import { Document, ISpectralDiagnostic, RulesetDefinition, Spectral } from '@stoplight/spectral-core';
import type { IDocument } from '@stoplight/spectral-core/dist/document';
import { oas2, oas3 } from '@stoplight/spectral-formats';
import { Json, Yaml } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/ruleset';
import { lint } from '../helpers/lint';
import { PROJECT_ROOT } from '../helpers/pack';

const PAGES = join(PROJECT_ROOT, 'docs/rules');
const EXAMPLES_SECTION = 'Examples';
const EXAMPLE_KINDS = ['Incorrect', 'Correct'] as const;
type ExampleKind = (typeof EXAMPLE_KINDS)[number];
const LANGUAGES = ['yaml', 'yml', 'json'] as const;
type Language = (typeof LANGUAGES)[number];
/** A YAML comment that marks a line where the rule's finding lands: `# reported here`, `# reported: no reason`. */
const REPORTED_MARK = /#\s*reported\b/;
const RULE_NAMES = new Set(RULES.map((rule) => rule.name));

interface Example {
  page: string;
  rule: string;
  kind: ExampleKind;
  language: Language;
  text: string;
  /** The page's line number of the example's first line. */
  line: number;
}

const EXAMPLE_HEADINGS = '"### Incorrect" or "### Correct"';
const isKind = (heading: string): heading is ExampleKind => (EXAMPLE_KINDS as readonly string[]).includes(heading);
const isLanguage = (info: string): info is Language => (LANGUAGES as readonly string[]).includes(info);

/**
 * The examples of a rule page: each fenced yaml or json block of its "## Examples" section, failing under
 * "### Incorrect" and passing under "### Correct". Anything else there is a problem of the page, not skipped.
 */
function examplesOf(page: string, markdown: string): { examples: Example[]; problems: string[] } {
  const rule = page.replace(/\.md$/, '');
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  const problems: string[] = [];
  let section = '';
  let subsection = '';
  for (let index = 0; index < lines.length; index += 1) {
    const fence = /^(\s*)```(\S*)\s*$/.exec(lines[index]);
    if (fence === null) {
      // Only outside a code block: inside one, `#` starts a YAML comment, not a heading.
      if (lines[index].startsWith('## ')) [section, subsection] = [lines[index].slice(3).trim(), ''];
      else if (lines[index].startsWith('### ')) subsection = lines[index].slice(4).trim();
      continue;
    }
    const closing = lines.findIndex((line, at) => at > index && line.trimEnd() === `${fence[1]}\`\`\``);
    if (closing < 0) {
      problems.push(`${page}:${index + 1}: a code block that is never closed`);
      break;
    }
    const [info, firstLine] = [fence[2], index + 2];
    const text = lines.slice(index + 1, closing).join('\n');
    index = closing;
    if (section !== EXAMPLES_SECTION) continue;
    if (!isKind(subsection)) {
      const heading = subsection || '## Examples';
      problems.push(`${page}:${firstLine - 1}: a code block under "${heading}": examples go under ${EXAMPLE_HEADINGS}`);
    } else if (!isLanguage(info)) {
      problems.push(`${page}:${firstLine - 1}: an example in "${info}": examples are yaml or json documents`);
    } else {
      examples.push({ page, rule, kind: subsection, language: info, text, line: firstLine });
    }
  }
  for (const kind of EXAMPLE_KINDS) {
    if (!examples.some((example) => example.kind === kind)) problems.push(`${page}: no "${kind}" example`);
  }
  return { examples, problems };
}

/** Spectral with only the schema rules of its OpenAPI ruleset on, as test/engine/fixtures-are-valid-openapi does. */
function schemaValidator(): Spectral {
  const spectral = new Spectral();
  spectral.setRuleset({
    extends: [[oas as RulesetDefinition, 'off']],
    rules: { 'oas2-schema': 'error', 'oas3-schema': 'error' },
  });
  return spectral;
}

/** A Spectral document of the example, named after its page and kind (the name Spectral's messages show). */
function documentOf(example: Example): IDocument {
  const source = join(PAGES, `${example.rule}.${example.kind}.${example.language}`);
  if (example.language === 'json') return new Document(example.text, Json, source);
  return new Document(example.text, Yaml, source);
}

/** The example's 1-based lines marked `# reported` (JSON has no comments, so its findings go unmarked). */
function markedLines(example: Example): number[] {
  return example.text.split('\n').flatMap((line, index) => (REPORTED_MARK.test(line) ? [index + 1] : []));
}

/** What is wrong with an example, where the page's reader would look: its page's line numbers. */
async function problemsOf(example: Example): Promise<string[]> {
  const at = (exampleLine: number): number => example.line + exampleLine - 1;
  const lineOf = (result: ISpectralDiagnostic): number => result.range.start.line + 1;
  const where = `${example.page}:${example.line} (${example.kind})`;
  const document = documentOf(example);
  if (!oas2(document.data, null) && !oas3(document.data, null)) {
    return [`${where}: not a whole OpenAPI 2.0 or 3.x document (an example is a document that can be linted as it is)`];
  }
  const invalid = (await schemaValidator().run(documentOf(example))).map(
    (result) => `${where}: not valid OpenAPI, line ${at(lineOf(result))}: ${result.code} ${result.message}`,
  );
  const results = (await lint(document)).filter((result) => RULE_NAMES.has(String(result.code)));
  const findings = results.filter((result) => result.code === example.rule);
  const lineList = (lines: number[]): string => lines.map(at).join(', ') || 'none';
  const listed = (found: ISpectralDiagnostic[]) =>
    found.map((finding) => `line ${at(lineOf(finding))}: ${finding.code}: ${finding.message}`);
  const marked = markedLines(example);
  if (example.kind === 'Correct') {
    // Not even another rule's: a reader copies a Correct example as the way to write it.
    return [
      ...invalid,
      ...(results.length > 0 ? [`${where}: gives finding(s) of the ruleset\n  ${listed(results).join('\n  ')}`] : []),
      ...(marked.length > 0 ? [`${where}: a Correct example marks lines ${lineList(marked)} "# reported"`] : []),
    ];
  }
  if (findings.length === 0) return [...invalid, `${where}: gives no finding of ${example.rule}`];
  const reported = [...new Set(findings.map(lineOf))].sort((a, b) => a - b);
  const mismatch =
    `${where}: the findings land on lines ${lineList(reported)}, the lines marked "# reported" are ` +
    `${lineList(marked)}\n  ${listed(findings).join('\n  ')}`;
  const markMismatch = example.language !== 'json' && reported.join() !== marked.join() ? [mismatch] : [];
  return [...invalid, ...markMismatch];
}

const pages = readdirSync(PAGES)
  .filter((file) => file.endsWith('.md'))
  .sort();
const parsed = pages.map((page) => ({ page, ...examplesOf(page, readFileSync(join(PAGES, page), 'utf8')) }));
const examples = parsed.flatMap(({ examples: ofPage }) => ofPage);
const named = (example: Example): string => `${example.page}:${example.line} ${example.kind}`;

test('every rule has a page, and every page is a rule', () => {
  expect(pages).toEqual(RULES.map((rule) => `${rule.name}.md`).sort());
});

test.each(parsed.map(({ page, problems }) => [page, problems] as const))(
  '%s marks its examples under "## Examples", with at least one Incorrect and one Correct',
  (_page, problems) => {
    expect(problems).toEqual([]);
  },
);

test.each(examples.map((example) => [named(example), example] as const))('%s', async (_name, example) => {
  expect(await problemsOf(example)).toEqual([]);
});

describe('the check sees an example that rots', () => {
  const firstOf = (kind: ExampleKind): Example => examples.find((example) => example.kind === kind)!;

  test('a Correct example read as Incorrect gives no finding', async () => {
    const correct = firstOf('Correct');
    expect(await problemsOf({ ...correct, kind: 'Incorrect' })).toEqual([
      `${correct.page}:${correct.line} (Incorrect): gives no finding of ${correct.rule}`,
    ]);
  });

  test('an Incorrect example read as Correct gives the finding', async () => {
    const incorrect = firstOf('Incorrect');
    const problems = await problemsOf({ ...incorrect, kind: 'Correct' });
    expect(problems.join('\n')).toContain('gives finding(s) of the ruleset');
    expect(problems.join('\n')).toContain(`: ${incorrect.rule}: `);
  });

  test('an Incorrect example whose "# reported" mark is on the wrong line', async () => {
    const incorrect = firstOf('Incorrect');
    const lines = incorrect.text.split('\n').map((line) => line.replace(REPORTED_MARK, '#'));
    const unmarked = { ...incorrect, text: [`${lines[0]}   # reported`, ...lines.slice(1)].join('\n') };
    expect((await problemsOf(unmarked)).join('\n')).toContain('the lines marked "# reported" are');
  });

  test('a fragment is not an example', async () => {
    const incorrect = firstOf('Incorrect');
    const fragment = { ...incorrect, text: incorrect.text.replace(/^(openapi|swagger):.*$/m, '') };
    expect((await problemsOf(fragment)).join('\n')).toContain('not a whole OpenAPI 2.0 or 3.x document');
  });

  test('a page with an example outside Incorrect and Correct, or without a Correct one', () => {
    const page = ['# r', '', '## Examples', '', '### Bad', '', '```yaml', 'openapi: 3.0.3', '```', ''].join('\n');
    expect(examplesOf('r.md', page).problems).toEqual([
      'r.md:7: a code block under "Bad": examples go under "### Incorrect" or "### Correct"',
      'r.md: no "Incorrect" example',
      'r.md: no "Correct" example',
    ]);
  });
});
