import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyText } from '../../src/cli/finding-key';
import { readSuppressions, suppressionsText, writeSuppressions } from '../../src/cli/suppressions-file';

const key = (file: string, rule: string, path: string) => keyText({ file, rule, path });

describe('suppressionsText', () => {
  test('sorts every level by code unit, whatever the order the counts came in', () => {
    const counts = new Map([
      [key('b.yaml', 'rule-b', '/z'), 1],
      [key('B.yaml', 'rule-a', '/a'), 2],
      [key('b.yaml', 'rule-a', '/b'), 3],
      [key('b.yaml', 'rule-a', ''), 4],
    ]);
    expect(suppressionsText(counts)).toBe(
      `${JSON.stringify(
        { 'B.yaml': { 'rule-a': { '/a': 2 } }, 'b.yaml': { 'rule-a': { '': 4, '/b': 3 }, 'rule-b': { '/z': 1 } } },
        null,
        2,
      )}\n`,
    );
    expect(suppressionsText(new Map([...counts].reverse()))).toBe(suppressionsText(counts));
  });

  test('leaves out keys counted 0, and writes {} when nothing is left', () => {
    expect(suppressionsText(new Map([[key('a.yaml', 'r', '/x'), 0]]))).toBe('{}\n');
  });
});

describe('writeSuppressions and readSuppressions', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'sar-suppressions-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('read back what was written, a document named __proto__ included', async () => {
    const counts = new Map([
      [key('__proto__', 'rule', '/a'), 1],
      [key('apis/x.yaml', 'rule', 'shared/errors.yaml#/components/responses/Denied'), 2],
    ]);
    const file = join(folder, 'nested/folder/suppressions.json');
    writeSuppressions(file, counts);
    expect(await readSuppressions(file)).toEqual(counts);
  });

  test('an absent file holds no suppressions', async () => {
    expect(await readSuppressions(join(folder, 'absent.json'))).toEqual(new Map());
  });

  test('a folder in its place is a problem naming it', async () => {
    expect(await readSuppressions(folder)).toMatchObject({
      file: folder,
      message: expect.stringMatching(/^cannot read the suppressions file \(.*EISDIR/),
    });
  });
});
