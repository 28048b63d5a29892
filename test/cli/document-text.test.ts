import { aliasBombProblem, checkedText, sizeProblemOf } from '../../src/cli/document-text';

/**
 * The checks the command makes on a file's bytes before Spectral parses them. The command's answers on whole files
 * (exit code, file names, the other files still linted) are in test/fuzz/command-bad-input.test.ts; these are the
 * edges that would take a large or slow file to show there.
 */
const text = (lines: string[]) => `${lines.join('\n')}\n`;

/** Six levels of ten aliases to the level below: over a million nodes once expanded, from six lines. */
const LAUGHS = text([
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
]);

describe('aliasBombProblem', () => {
  test('refuses aliases of aliases that multiply, at the alias that stands for the most', () => {
    expect(aliasBombProblem(LAUGHS)).toMatchObject({
      line: 6,
      column: 5,
      message: expect.stringContaining('*e here alone stands for 111,111'),
    });
  });

  test('accepts an anchor used thousands of times, as shared response fragments are', () => {
    const uses = Array.from({ length: 5000 }, (_, index) => `  /r${index}: { get: { responses: *shared } }`);
    expect(
      aliasBombProblem(text(['x-shared: &shared { "401": { description: Unauthorized } }', 'paths:', ...uses])),
    ).toBeUndefined();
  });

  test('accepts merge keys', () => {
    expect(
      aliasBombProblem(text(['base: &base { type: object }', 'user: { <<: *base, title: User }'])),
    ).toBeUndefined();
  });

  test('terminates on an alias inside its own anchor', () => {
    expect(aliasBombProblem(text(['loop: &loop [a, *loop, *loop]', 'again: [*loop, *loop]']))).toBeUndefined();
  });

  test('markdown emphasis and HTML entities are not aliases and anchors', () => {
    expect(aliasBombProblem(text(['description: "Use *only* this &amp; *that*"', 'x: &only 1']))).toBeUndefined();
  });

  test('leaves what it cannot read to Spectral', () => {
    expect(aliasBombProblem(text(['a: &a [x', 'b: *a *a']))).toBeUndefined();
  });
});

describe('checkedText', () => {
  test('keeps a UTF-8 byte order mark and an encoded U+FFFD that the file spells out', () => {
    const bytes = Buffer.from('\uFEFFopenapi: 3.0.3\ntitle: "\uFFFD"\n', 'utf8');
    expect(checkedText(bytes, true)).toEqual({ text: bytes.toString('utf8') });
  });

  test('finds the invalid byte after a spelled-out U+FFFD, by line and column', () => {
    const bytes = Buffer.concat([Buffer.from('a: "\uFFFD"\nb: "x'), Buffer.from([0xc3]), Buffer.from('"\n')]);
    expect(checkedText(bytes, true).problem).toMatchObject({
      line: 2,
      column: 6,
      message: expect.stringContaining('byte 0xC3'),
    });
  });

  test('a JSON file is not searched for YAML aliases', () => {
    expect(checkedText(Buffer.from(LAUGHS), true).problem).toBeDefined();
    expect(checkedText(Buffer.from(LAUGHS), false).problem).toBeUndefined();
  });
});

describe('sizeProblemOf', () => {
  test('the default limit refuses 50 MB and names the option that allows it', () => {
    expect(sizeProblemOf(50 * 1024 * 1024, 32)?.message).toBe(
      'is 50.0 MB, more than the 32 MB limit; use --max-file-size 50 to lint it anyway',
    );
    expect(sizeProblemOf(32 * 1024 * 1024, 32)).toBeUndefined();
  });
});
