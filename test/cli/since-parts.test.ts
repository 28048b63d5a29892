import { parsedNameStatus } from '../../src/cli/changed-files';
import { localFileOf, mayReferToOtherFiles } from '../../src/cli/local-references';
import { isUnder } from '../../src/cli/revision-tree';
import { renamedPath } from '../../src/cli/since';

describe('parsedNameStatus', () => {
  test('both names of a rename differ; a copy adds only its new name; other statuses name one file', () => {
    const entries = ['M', 'a.yaml', 'R087', 'old/b.yaml', 'new/b.yaml', 'C100', 'c.yaml', 'c2.yaml', 'D', 'd.yaml'];
    const { changed, renamedFrom } = parsedNameStatus([...entries, 'A', 'e.yaml']);
    expect([...changed].sort()).toEqual(['a.yaml', 'c2.yaml', 'd.yaml', 'e.yaml', 'new/b.yaml', 'old/b.yaml']);
    expect([...renamedFrom]).toEqual([['new/b.yaml', 'old/b.yaml']]);
  });
});

describe('mayReferToOtherFiles', () => {
  test.each([
    ['no $ref at all', 'openapi: 3.0.3\n', false],
    ['YAML, within the file', 'a: { $ref: \'#/components/x\' }\nb:\n  $ref: "#/y"\n', false],
    ['JSON, within the file', '{"a": {"$ref" : "#/components/x"}}', false],
    ['YAML, another file', "a: { $ref: '#/x' }\nb: { $ref: shared.yaml#/y }\n", true],
    ['JSON, another file', '{"$ref": "shared.json"}', true],
    ['a value on the next line', '$ref:\n  shared.yaml\n', true],
    ['$ref in prose (parsed to be sure)', 'description: see $ref\n', true],
  ])('%s', (_name, text, expected) => {
    expect(mayReferToOtherFiles(text)).toBe(expected);
  });
});

describe('localFileOf', () => {
  test.each([
    ['#/components/x', undefined],
    ['https://example.com/x.yaml#/a', undefined],
    ['urn:x', undefined],
    ['shared.yaml#/a', '/repo/apis/shared.yaml'],
    ['../shared/my%20file.yaml', '/repo/shared/my file.yaml'],
    ['file:///repo/abs.yaml', '/repo/abs.yaml'],
  ])('%s', (ref, expected) => {
    expect(localFileOf(ref, '/repo/apis/doc.yaml')).toBe(expected);
  });
});

test('renamedPath names the other file of a key by its name now', () => {
  const newNames = new Map([['old/shared.yaml', 'new/shared.yaml']]);
  expect(renamedPath('/paths/~1a/get', newNames)).toBe('/paths/~1a/get');
  expect(renamedPath('', newNames)).toBe('');
  expect(renamedPath('old/shared.yaml#/Unauthorized', newNames)).toBe('new/shared.yaml#/Unauthorized');
  expect(renamedPath('other.yaml#', newNames)).toBe('other.yaml#');
});

test('isUnder', () => {
  expect(isUnder('apis/a.yaml', 'apis')).toBe(true);
  expect(isUnder('apis/a.yaml', '.')).toBe(true);
  expect(isUnder('apis2/a.yaml', 'apis')).toBe(false);
  expect(isUnder('apis/v1/a.yaml', 'apis/')).toBe(true);
});
