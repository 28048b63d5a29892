// Writes what the docs say about each rule from the rule itself, so that its description, severity and page
// are kept in one place (the module, src/rules/<rule>.ts, as src/ruleset.ts publishes it) and cannot drift:
// - README.md: the rule table between the `rule-table:begin` and `rule-table:end` markers;
// - docs/rules/<rule>.md: the summary paragraph under the title, and the `**Severity:**` line.
// The rest of each page is written by hand. docs/rule-pages.md says how the pages are laid out.
//
//   node scripts/rule-table.mjs --write    rewrite the table and the page heads from the modules
//   node scripts/rule-table.mjs --check    exit 1 where they differ, naming the rule and both texts
//   ... --root DIR                         read (and write) README.md and docs/rules/ under DIR (for the test)
//
// The modules are read from source, bundled in memory by esbuild (the build's own tool), so no build is needed
// first. Descriptions are plain text, as Spectral and its formatters show them; in Markdown, status codes and the
// terms of CODE_TERMS become code spans.
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TABLE_BEGIN =
  '<!-- rule-table:begin: written by `node scripts/rule-table.mjs --write` from src/rules/*.ts; edit those -->';
const TABLE_END = '<!-- rule-table:end -->';
const TABLE_HEADER = ['| Rule | Severity | What it asks |', '|---|---|---|'];
/** Names in descriptions that Markdown shows as code; add one here when a description names a new one. */
const CODE_TERMS = ['WWW-Authenticate', 'x-auth-exceptions'];
const CODE_PATTERN = new RegExp(`\\b[1-5]\\d\\d\\b|${CODE_TERMS.map(escapedForRegExp).join('|')}`, 'g');
const SEVERITY_LINE = /^\*\*Severity:\*\* /;
const USAGE = 'usage: node scripts/rule-table.mjs --write|--check [--root DIR]';

/**
 * A rule as the package publishes it, with where its docs page and its module are.
 * @typedef {{ name: string, severity: string, description: string, documentationUrl: string, page: string,
 *   module: string }} PublishedRule
 * A file's text written from the rules, with what differed in it and what could not be written.
 * @typedef {{ text: string, drift?: string[], unfixable?: string[] }} Written
 */

/** @param {string} text */
function escapedForRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every rule as the package publishes it (name, severity, description, documentationUrl), in the table's order.
 * @returns {Promise<PublishedRule[]>}
 */
async function publishedRules() {
  const entry = join(PROJECT_ROOT, 'src/ruleset.ts');
  const { outputFiles } = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent',
  });
  const loaded = { exports: {} };
  // The bundle is this repository's own source, run in memory like a CommonJS module (no build output needed).
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  Function('module', 'exports', 'require', outputFiles[0].text)(loaded, loaded.exports, createRequire(entry));
  const { RULES, createRuleset } = /** @type {typeof import('../src/ruleset.js')} */ (loaded.exports);
  /** @typedef {{ severity: string, description: string, documentationUrl: string }} RuleDefinition */
  const { rules: definitions } = /** @type {{ rules: Record<string, RuleDefinition> }} */ (createRuleset());
  return RULES.map(({ name }) => {
    const { severity, description, documentationUrl } = definitions[name];
    const [page, module] = [`docs/rules/${name}.md`, `src/rules/${name}.ts`];
    return { name, severity, description, documentationUrl, page, module };
  });
}

/** @param {string} text */
function markdownOf(text) {
  return text.replace(CODE_PATTERN, (term) => `\`${term}\``);
}

/** @param {PublishedRule} rule */
function tableRowOf(rule) {
  return `| [${rule.name}](${rule.page}) | ${rule.severity} | ${markdownOf(rule.description).replaceAll('|', '\\|')} |`;
}

/**
 * A drift report: what the docs say at `where`, then what the module gives.
 * @param {string} where
 * @param {string} inDocs
 * @param {string} moduleGives
 * @param {string} fromModule
 */
function differs(where, inDocs, moduleGives, fromModule) {
  return `${where} says\n  ${inDocs}\nbut ${moduleGives}\n  ${fromModule}`;
}

/**
 * The rule a table row links, or undefined for a line that is no rule's row.
 * @param {string} row
 */
function ruleNameOfRow(row) {
  return /^\| \[([^\]]+)\]\(/.exec(row)?.[1];
}

/**
 * The README with its table written from the rules, and what differs in the table it has.
 * @param {string} readme
 * @param {PublishedRule[]} rules
 * @returns {Written}
 */
function readmeFor(readme, rules) {
  const lines = readme.split('\n');
  const begin = lines.indexOf(TABLE_BEGIN);
  const end = lines.indexOf(TABLE_END);
  if (begin < 0 || end < begin || lines.lastIndexOf(TABLE_BEGIN) !== begin || lines.lastIndexOf(TABLE_END) !== end) {
    const markers = `README.md: needs the lines\n  ${TABLE_BEGIN}\n  ${TABLE_END}\nonce each, in that order`;
    return { text: readme, unfixable: [`${markers}, around the rule table.`] };
  }
  const table = lines.slice(begin + 1, end);
  const expected = [...TABLE_HEADER, ...rules.map(tableRowOf)];
  const text = [...lines.slice(0, begin + 1), ...expected, ...lines.slice(end)].join('\n');
  return { text, drift: tableDrift(table, expected, rules) };
}

/**
 * @param {string[]} table
 * @param {string[]} expected
 * @param {PublishedRule[]} rules
 */
function tableDrift(table, expected, rules) {
  const rows = new Map(table.map((row) => [ruleNameOfRow(row), row]));
  /** @type {string[]} */
  const drift = [];
  if (table.slice(0, TABLE_HEADER.length).join('\n') !== TABLE_HEADER.join('\n')) {
    drift.push(`README.md: the table's header is not\n  ${TABLE_HEADER.join('\n  ')}`);
  }
  for (const rule of rules) {
    const row = rows.get(rule.name);
    const written = tableRowOf(rule);
    const where = `README.md, ${rule.name}`;
    if (row === undefined) drift.push(`${where}: no row; ${rule.module} gives\n  ${written}`);
    else if (row !== written) drift.push(differs(`${where}: the row`, row, `${rule.module} gives`, written));
  }
  /** @type {Set<string | undefined>} */
  const known = new Set(rules.map((rule) => rule.name));
  const strays = table.slice(TABLE_HEADER.length).filter((row) => !known.has(ruleNameOfRow(row)));
  for (const row of strays) drift.push(`README.md: a row for no rule of the ruleset\n  ${row}`);
  if (drift.length === 0 && table.join('\n') !== expected.join('\n')) {
    drift.push(`README.md: the rows are not in the ruleset's order (${rules.map((rule) => rule.name).join(', ')})`);
  }
  return drift;
}

/**
 * A rule page with its head written from the rule, and what differs. The head is the title (`# <rule>`), a blank
 * line, the summary paragraph (up to the next blank line), and later one `**Severity:**` line.
 * @param {string} pageText
 * @param {PublishedRule} rule
 * @returns {Written}
 */
function pageFor(pageText, rule) {
  const lines = pageText.split('\n');
  if (lines[0] !== `# ${rule.name}` || lines[1] !== '') {
    return { text: pageText, unfixable: [`${rule.page}: its first line must be "# ${rule.name}", then a blank line`] };
  }
  const severityLines = lines.flatMap((line, index) => (SEVERITY_LINE.test(line) ? [index] : []));
  if (severityLines.length !== 1) {
    const problem = `${rule.page}: needs one "**Severity:** \`...\`" line, has ${severityLines.length}`;
    return { text: pageText, unfixable: [problem] };
  }
  const blankAfterSummary = lines.indexOf('', 2);
  const summaryEnd = blankAfterSummary < 0 ? lines.length : blankAfterSummary;
  const summary = lines.slice(2, summaryEnd).join(' ');
  const severityLine = lines[severityLines[0]];
  const writtenSummary = markdownOf(rule.description);
  const writtenSeverity = `**Severity:** \`${rule.severity}\``;
  /** @type {string[]} */
  const drift = [];
  if (summary !== writtenSummary) {
    drift.push(differs(`${rule.page}: the summary`, summary, `${rule.module}'s description is`, writtenSummary));
  }
  if (severityLine !== writtenSeverity) {
    drift.push(differs(`${rule.page}: the page`, severityLine, `${rule.module}'s severity is`, writtenSeverity));
  }
  lines[severityLines[0]] = writtenSeverity;
  const text = [...lines.slice(0, 2), writtenSummary, ...lines.slice(summaryEnd)].join('\n');
  return { text, drift };
}

/**
 * Each file the docs keep about the rules: its path, its text now, and its text written from the rules.
 * @param {string} root
 * @param {PublishedRule[]} rules
 */
function documentsOf(root, rules) {
  /** @type {{ path: string, current: string, written: string, drift: string[] }[]} */
  const files = [];
  /** @type {string[]} */
  const unfixable = [];
  const readmePath = join(root, 'README.md');
  /** @type {(path: string, current: string, written: Written) => void} */
  const addFile = (path, current, written) => {
    unfixable.push(...(written.unfixable ?? []));
    files.push({ path, current, written: written.text, drift: written.drift ?? [] });
  };
  if (existsSync(readmePath)) {
    const readme = readFileSync(readmePath, 'utf8');
    addFile(readmePath, readme, readmeFor(readme, rules));
  } else {
    unfixable.push(`README.md: not found in ${root}`);
  }
  for (const rule of rules) {
    if (!rule.documentationUrl.endsWith(`/${rule.page}`)) {
      unfixable.push(`${rule.name}: its documentationUrl ${rule.documentationUrl} does not end in ${rule.page}`);
    }
    const pagePath = join(root, rule.page);
    if (!existsSync(pagePath)) {
      unfixable.push(`${rule.name}: no page ${rule.page}`);
      continue;
    }
    const page = readFileSync(pagePath, 'utf8');
    addFile(pagePath, page, pageFor(page, rule));
  }
  return { files, unfixable };
}

/** @param {string[]} args */
async function main(args) {
  const [mode, rootOption, rootArgument] = args;
  const withRoot = args.length === 3 && rootOption === '--root';
  if (!['--write', '--check'].includes(mode) || (args.length !== 1 && !withRoot)) {
    console.error(USAGE);
    return 2;
  }
  const root = withRoot ? resolve(rootArgument) : PROJECT_ROOT;
  if (!existsSync(root)) {
    console.error(`--root ${rootArgument}: no such directory\n${USAGE}`);
    return 2;
  }
  let rules;
  try {
    rules = await publishedRules();
  } catch (error) {
    // esbuild's message names the file and line of a source that does not compile.
    console.error(
      `Could not read the rules from src/ruleset.ts: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
  const { files, unfixable } = documentsOf(root, rules);
  const drift = files.flatMap((file) => file.drift);
  if (mode === '--write') {
    for (const file of files) if (file.written !== file.current) writeFileSync(file.path, file.written);
    for (const problem of unfixable) console.error(problem);
    console.log(`Wrote ${drift.length} difference(s) from the rule modules.`);
    return unfixable.length === 0 ? 0 : 1;
  }
  const problems = [...unfixable, ...drift];
  if (problems.length === 0) {
    console.log(`README.md's rule table and the ${rules.length} rule pages agree with the rule modules.`);
    return 0;
  }
  console.error(problems.join('\n\n'));
  if (drift.length > 0) {
    console.error('\nChange the rule module if it is wrong, then run: node scripts/rule-table.mjs --write');
  }
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
