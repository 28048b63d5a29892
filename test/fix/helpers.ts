import { ISpectralDiagnostic, Spectral } from '@stoplight/spectral-core';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixDocument, FixOptions, FixReport } from '../../src/fix';
import { createRuleset } from '../../src/ruleset';
import { documentFrom, fixture, lint } from '../helpers/lint';

/** A fresh copy of fixtures/fix in a temporary directory: fixes are written there, never to the fixtures. */
export function copyOfFixtures(): string {
  const directory = mkdtempSync(join(tmpdir(), 'fix-'));
  cpSync(fixture('fix'), directory, { recursive: true });
  return directory;
}

/** One fixture of fixtures/fix-document-level, alone in a fresh temporary directory: fixes are written there. */
export function copyOfDocumentLevelFixture(name: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'fix-document-level-'));
  const file = join(directory, name);
  cpSync(fixture(`fix-document-level/${name}`), file);
  return file;
}

export type Json = Record<string, unknown>;

/** The value as an object, or an empty one: lets tests walk parsed documents without type noise. */
export const asJson = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});

export function removeDirectory(directory: string): void {
  rmSync(directory, { recursive: true, force: true });
}

/** Fixes a document with the real engine and this package's ruleset. */
export async function fix(file: string, options: Omit<FixOptions, 'spectral'> = {}): Promise<FixReport> {
  const spectral = new Spectral();
  spectral.setRuleset(createRuleset());
  return fixDocument(file, { spectral, ...options });
}

/** Results of the real engine, as `code path message` lines (sorted): what a person would see. */
export async function lintLines(file: string): Promise<string[]> {
  return linesOf(await lint(documentFrom({ file })));
}

export function linesOf(results: readonly ISpectralDiagnostic[]): string[] {
  return results.map((result) => `${result.code} ${result.path.join('.')} ${result.message}`).sort();
}

/** One hunk of `diff -U0`: the old lines [from, from + count) replaced by the added lines. */
export interface Hunk {
  from: number;
  count: number;
  removed: string[];
  added: string[];
}

/** The hunks between two texts, as the system's `diff` sees them: an independent judge of what changed. */
export function hunksBetween(before: string, after: string): Hunk[] {
  const directory = mkdtempSync(join(tmpdir(), 'diff-'));
  try {
    writeFileSync(join(directory, 'before'), before);
    writeFileSync(join(directory, 'after'), after);
    return parseHunks(
      spawnSync('diff', ['-U0', '--text', 'before', 'after'], { cwd: directory, encoding: 'utf8' }).stdout,
    );
  } finally {
    removeDirectory(directory);
  }
}

function parseHunks(diff: string): Hunk[] {
  const hunks: Hunk[] = [];
  for (const line of diff.split('\n')) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/.exec(line);
    if (header !== null) {
      const count = header[2] === undefined ? 1 : Number(header[2]);
      // For an insertion (`-12,0`) diff names the line after which the lines go.
      hunks.push({ from: count === 0 ? Number(header[1]) : Number(header[1]) - 1, count, removed: [], added: [] });
    } else if (line.startsWith('-') && !line.startsWith('---')) hunks[hunks.length - 1]?.removed.push(line.slice(1));
    else if (line.startsWith('+') && !line.startsWith('+++')) hunks[hunks.length - 1]?.added.push(line.slice(1));
  }
  return hunks;
}

/** Applies a unified diff with the system's `patch`, exactly (no fuzz, no offset), and returns the patched text. */
export function patched(before: string, diff: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'patch-'));
  try {
    writeFileSync(join(directory, 'file'), before);
    const result = spawnSync('patch', ['--fuzz=0', '--binary', '--no-backup-if-mismatch', 'file'], {
      cwd: directory,
      input: diff,
      encoding: 'utf8',
    });
    if (result.status !== 0 || /offset|fuzz/i.test(result.stdout))
      throw new Error(`patch did not apply exactly: ${result.stdout}${result.stderr}`);
    return readFileSync(join(directory, 'file'), 'utf8');
  } finally {
    removeDirectory(directory);
  }
}

/** Files other than the fixtures' own: temporary files an interrupted write would leave. */
export function strayFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((name) => name.includes('.tmp'));
}

/** Whether every value of `before` is in `after` at the same place (objects may have gained keys). */
export function isContainedIn(before: unknown, after: unknown): boolean {
  if (Array.isArray(before)) {
    return (
      Array.isArray(after) &&
      before.length === after.length &&
      before.every((item, index) => isContainedIn(item, after[index]))
    );
  }
  if (typeof before === 'object' && before !== null) {
    if (typeof after !== 'object' || after === null || Array.isArray(after)) return false;
    return Object.entries(before).every(
      ([key, value]) => key in after && isContainedIn(value, (after as Record<string, unknown>)[key]),
    );
  }
  return Object.is(before, after);
}
