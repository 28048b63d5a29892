import {
  collectionNameOf,
  collectionPathBefore,
  filledPath,
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

test('a filled path: each template replaced by its value, percent-encoded; one without a value kept', () => {
  expect(filledPath('/users/{phone}/calls/{callId}', { phone: '+1 555/0100', callId: 'call-1' })).toBe(
    '/users/%2B1%20555%2F0100/calls/call-1',
  );
  expect(filledPath('/calls/{callId}', {})).toBe('/calls/{callId}');
  // Only the values' own keys: nothing inherited fills a template.
  expect(filledPath('/objects/{constructor}', {})).toBe('/objects/{constructor}');
});

test('the collection a path parameter names: the literal segments before it', () => {
  expect(collectionPathBefore('/calls/{callId}', 'callId')).toBe('/calls');
  expect(collectionPathBefore('/v1/calls/{callId}/transcript', 'callId')).toBe('/v1/calls');
  expect(collectionPathBefore('/{callId}', 'callId')).toBeUndefined();
  expect(collectionPathBefore('/users/{userId}/calls/{callId}', 'callId')).toBeUndefined();
  expect(collectionPathBefore('/files/{name}.json', 'name')).toBeUndefined();
  expect(collectionPathBefore('/calls/{callId}', 'userId')).toBeUndefined();
});
