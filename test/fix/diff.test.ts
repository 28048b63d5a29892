import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unifiedDiff } from '../../src/fix';
import { applyEdits, TextEdit } from '../../src/fix/edits';
import { patched, removeDirectory } from './helpers';

/** Texts and edits (offsets found by searching the text), as the fixer makes them. */
const at = (text: string, marker: string) => text.indexOf(marker);
const lines = (count: number) => Array.from({ length: count }, (_, index) => `line ${index + 1}\n`).join('');

const CASES: { name: string; text: string; edits: (text: string) => TextEdit[] }[] = [
  {
    name: 'whole lines inserted in the middle',
    text: lines(20),
    edits: (t) => [{ start: at(t, 'line 10'), end: at(t, 'line 10'), text: 'new a\nnew b\n' }],
  },
  { name: 'lines inserted at the start', text: lines(5), edits: () => [{ start: 0, end: 0, text: 'first\n' }] },
  {
    name: 'lines appended at the end',
    text: lines(5),
    edits: (t) => [{ start: t.length, end: t.length, text: 'last\n' }],
  },
  {
    name: 'appended to a text without a final newline (keeps it without one)',
    text: 'a: 1\nb: 2',
    edits: (t) => [{ start: t.length, end: t.length, text: '\nc: 3' }],
  },
  {
    name: 'a comma and a member after a value, inside a line',
    text: '{\n  "a": {\n    "b": 1\n  }\n}\n',
    edits: (t) => [{ start: at(t, '\n}'), end: at(t, '\n}'), text: ',\n  "c": 2' }],
  },
  {
    name: 'two edits on one line',
    text: lines(3).replace('line 2', 'x: { a: 1 }'),
    edits: (t) => [
      { start: at(t, ' }'), end: at(t, ' }'), text: ', b: 2' },
      { start: at(t, 'a: 1'), end: at(t, 'a: 1'), text: 'z: 0, ' },
    ],
  },
  {
    name: 'lines removed',
    text: lines(12),
    edits: (t) => [{ start: at(t, 'line 4'), end: at(t, 'line 6'), text: '' }],
  },
  {
    name: 'changes near each other share a hunk, far ones do not',
    text: lines(40),
    edits: (t) => [
      { start: at(t, 'line 3\n'), end: at(t, 'line 3\n'), text: 'near 1\n' },
      { start: at(t, 'line 8\n'), end: at(t, 'line 8\n'), text: 'near 2\n' },
      { start: at(t, 'line 30\n'), end: at(t, 'line 30\n'), text: 'far\n' },
    ],
  },
  {
    name: 'CRLF line ends',
    text: lines(6).replace(/\n/g, '\r\n'),
    edits: (t) => [{ start: at(t, 'line 3'), end: at(t, 'line 3'), text: 'new\r\n' }],
  },
  {
    name: 'an insertion and a removal at the same place',
    text: lines(6),
    edits: (t) => [
      { start: at(t, 'line 3'), end: at(t, 'line 4'), text: '' },
      { start: at(t, 'line 3'), end: at(t, 'line 3'), text: 'instead\n' },
    ],
  },
];

describe('unifiedDiff', () => {
  test.each(CASES.map((c) => [c.name, c] as const))(
    '%s: patch turns the old text into the new one exactly',
    (_name, { text, edits }) => {
      const planned = edits(text);
      const diff = unifiedDiff(text, planned, { from: 'a/file', to: 'b/file' });
      expect(patched(text, diff)).toBe(applyEdits(text, planned));
    },
  );

  test('hunks and their headers are those of diff -u where the change is unambiguous', () => {
    const text = lines(40);
    const planned: TextEdit[] = [
      { start: at(text, 'line 3\n'), end: at(text, 'line 3\n'), text: 'near 1\n' },
      { start: at(text, 'line 8\n'), end: at(text, 'line 9\n'), text: '' },
      { start: at(text, 'line 30\n'), end: at(text, 'line 30\n'), text: 'far\n' },
    ];
    const ours = unifiedDiff(text, planned, { from: 'before', to: 'after' });
    const directory = mkdtempSync(join(tmpdir(), 'diff-'));
    try {
      writeFileSync(join(directory, 'before'), text);
      writeFileSync(join(directory, 'after'), applyEdits(text, planned));
      const theirs = spawnSync('diff', ['-u', 'before', 'after'], { cwd: directory, encoding: 'utf8' }).stdout;
      const hunks = (diff: string) => diff.slice(diff.indexOf('@@'));
      expect(hunks(ours)).toBe(hunks(theirs));
      expect(ours.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,11 +1,11 @@', '@@ -27,6 +27,7 @@']);
    } finally {
      removeDirectory(directory);
    }
  });

  test('no edits, no diff', () => {
    expect(unifiedDiff(lines(3), [], { from: 'a', to: 'b' })).toBe('');
  });
});
