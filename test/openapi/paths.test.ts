import {
  collectionNameOf,
  isItemPath,
  isSearchPath,
  isTemplated,
  segmentsOf,
  templateNamesOf,
} from '../../src/openapi/paths';

// What a path template says about the resource it addresses: an item (`/calls/{callId}`) or a collection.

test('segments are the non-empty parts between slashes', () => {
  expect(segmentsOf('/users//{id}/calls/')).toEqual(['users', '{id}', 'calls']);
  expect(segmentsOf('/')).toEqual([]);
});

test('a templated segment holds a {template}, alone or within text', () => {
  expect(['{id}', 'file-{name}.json', '{}'].map(isTemplated)).toEqual([true, true, true]);
  expect(['id', '{id', 'id}', '}{'].map(isTemplated)).toEqual([false, false, false, false]);
});

test('an item path has a templated segment anywhere', () => {
  expect(['/calls/{callId}', '/users/{id}/calls', '/files/{name}.json'].map(isItemPath)).toEqual([true, true, true]);
  expect(['/calls', '/'].map(isItemPath)).toEqual([false, false]);
});

test('a collection is listed under the last segment, when that is not templated', () => {
  expect(collectionNameOf('/users/{id}/calls/')).toBe('calls');
  expect(collectionNameOf('/calls/{callId}')).toBeUndefined();
  expect(collectionNameOf('/')).toBeUndefined();
});

test('a search is a path whose last segment names a lookup', () => {
  const searches = ['/{team}/members/find', '/search', '/users/Lookup/', '/calls/query'];
  expect(searches.map(isSearchPath)).toEqual([true, true, true, true]);
  const others = ['/finders', '/search/{id}', '/searches', '/find/calls', '/'];
  expect(others.map(isSearchPath)).toEqual([false, false, false, false, false]);
});

test('template names, in order', () => {
  expect(templateNamesOf('/calls/{callId}/parts/{n}')).toEqual(['callId', 'n']);
  expect(templateNamesOf('/files/{name}.{ext}')).toEqual(['name', 'ext']);
  expect(templateNamesOf('/calls')).toEqual([]);
});
