import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from '../../src/fix/engine';
import { parseSource } from '../../src/fix/source';
import { writeAtomically } from '../../src/fix/write';
import { removeDirectory } from './helpers';

/** The last checks before a write: the repaired text must parse to exactly the intended data, and the file must be unchanged. */
describe('the check of a repaired text', () => {
  const source = parseSource(
    '/api/openapi.yaml',
    "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200': { description: ok }\n",
  );
  const added = [
    { kind: 'set' as const, path: ['paths', '/a', 'get', 'responses', '401'], value: { description: 'no' } },
  ];

  test('accepts a text that says exactly what was intended', () => {
    expect(
      verify(source, source.text.replace('ok }\n', "ok }\n        '401': { description: no }\n"), added),
    ).toBeUndefined();
  });

  test('refuses a text that does not parse', () => {
    expect(verify(source, source.text.replace('ok }\n', "ok }\n        '401': { description: no\n"), added)).toEqual({
      file: '/api/openapi.yaml',
      line: expect.any(Number),
      column: expect.any(Number),
      reason: expect.stringMatching(/\S/),
    });
  });

  test('refuses a text that parses to something else (an edit that touched more than intended)', () => {
    const touchedMore = source.text
      .replace('ok }\n', "ok }\n        '401': { description: no }\n")
      .replace('3.0.3', '3.0.4');
    expect(verify(source, touchedMore, added)).toEqual({
      file: '/api/openapi.yaml',
      reason: 'the repaired text would not say what was intended',
    });
  });

  test('refuses JSON that YAML could read but JSON.parse cannot', () => {
    const json = parseSource('/api/openapi.json', '{\n  "openapi": "3.0.3"\n}\n');
    expect(verify(json, "{\n  openapi: '3.0.3'\n}\n", [])).toEqual({
      file: '/api/openapi.json',
      reason: expect.stringContaining('the repaired text is not valid JSON'),
    });
  });
});

describe('writeAtomically', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'write-'));
  });
  afterEach(() => removeDirectory(directory));

  test('replaces the text through a temporary file that it renames: nothing else is left in the directory', () => {
    const file = join(directory, 'openapi.yaml');
    writeFileSync(file, 'old\n');
    writeAtomically(file, 'old\n', 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(readdirSync(directory)).toEqual(['openapi.yaml']);
  });

  test('leaves a file that changed since it was read', () => {
    const file = join(directory, 'openapi.yaml');
    writeFileSync(file, 'changed by someone else\n');
    expect(() => writeAtomically(file, 'old\n', 'new\n')).toThrow('changed while it was being fixed');
    expect(readFileSync(file, 'utf8')).toBe('changed by someone else\n');
    expect(readdirSync(directory)).toEqual(['openapi.yaml']);
  });
});
