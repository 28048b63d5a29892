/**
 * Each rule's description, severity and page are kept once, in its module: scripts/rule-table.mjs writes the
 * README's rule table and the head of each rule page from it, and its `--check` fails where they drift.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES } from '../../src/ruleset';
import { PROJECT_ROOT } from '../helpers/pack';

const SCRIPT = join(PROJECT_ROOT, 'scripts/rule-table.mjs');

function ruleTable(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test("the README's rule table and every page's summary and severity agree with the rule modules", () => {
  expect(ruleTable('--check')).toEqual({
    status: 0,
    output: `README.md's rule table and the ${RULES.length} rule pages agree with the rule modules.\n`,
  });
});

describe('on a copy of the docs', () => {
  let root: string;
  const rule = RULES.find((candidate) => candidate.name === 'auth-401-misused-for-permissions')!;
  const page = `docs/rules/${rule.name}.md`;
  const edit = (file: string, from: string, to: string): void => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).toContain(from);
    writeFileSync(join(root, file), text.replace(from, to));
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rule-table-'));
    cpSync(join(PROJECT_ROOT, 'README.md'), join(root, 'README.md'));
    cpSync(join(PROJECT_ROOT, 'docs/rules'), join(root, 'docs/rules'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('a drifted README row, page summary or page severity fails the check, naming the rule and both texts', () => {
    const oldWording = 'A `401` is for missing or invalid credentials, not for a caller who lacks permission.';
    const linesOf = (file: string): string[] => readFileSync(join(root, file), 'utf8').split('\n');
    const row = linesOf('README.md').find((line) => line.includes(`[${rule.name}]`))!;
    const summary = linesOf(page)[2];
    const driftedRow = `| [${rule.name}](${page}) | error | ${oldWording} |`;
    edit('README.md', row, driftedRow);
    edit(page, summary, oldWording);
    edit(page, '**Severity:** `warn`', '**Severity:** `error`');
    const { status, output } = ruleTable('--check', '--root', root);
    expect(status).toBe(1);
    const module = `src/rules/${rule.name}.ts`;
    expect(output).toContain(`README.md, ${rule.name}: the row says\n  ${driftedRow}\nbut ${module} gives\n  ${row}\n`);
    const description = `${module}'s description is\n  ${summary}`;
    expect(output).toContain(`${page}: the summary says\n  ${oldWording}\nbut ${description}`);
    expect(output).toContain(`${page}: the page says\n  **Severity:** \`error\`\nbut ${module}'s severity is`);
  });

  test('--write puts back what the modules say, leaving the rest of the page alone', () => {
    edit('README.md', `| [${rule.name}]`, `| [renamed-${rule.name}]`);
    edit(page, '**Severity:** `warn`', '**Severity:** `error`');
    expect(ruleTable('--write', '--root', root).status).toBe(0);
    expect(ruleTable('--check', '--root', root).status).toBe(0);
    for (const file of ['README.md', page]) {
      expect(readFileSync(join(root, file), 'utf8')).toBe(readFileSync(join(PROJECT_ROOT, file), 'utf8'));
    }
  });

  test('a README without the table markers is a clear error, not a stack trace', () => {
    edit('README.md', '<!-- rule-table:end -->\n', '');
    const { status, output } = ruleTable('--check', '--root', root);
    expect(status).toBe(1);
    expect(output).toContain('README.md: needs the lines');
    expect(output).not.toContain('    at ');
  });
});

test('a wrong argument is a usage error', () => {
  expect(ruleTable('--frobnicate')).toEqual({
    status: 2,
    output: 'usage: node scripts/rule-table.mjs --write|--check [--root DIR]\n',
  });
});
