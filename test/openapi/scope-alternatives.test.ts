import { requiredScopesPhrase, scopeAlternativesOf } from '../../src/openapi/scope-alternatives';

// What a message says an operation requires: a caller holding every scope of any one set is allowed.

test('the scopes of each alternative requirement, in order, each distinct set once, strings only', () => {
  const security = [{ oauth: ['a', 'b'], key: ['c'] }, { key: [] }, { oauth: ['a', 'b', 'c', 'a'] }, 'odd'];
  expect(scopeAlternativesOf(security)).toEqual([['a', 'b', 'c'], []]);
  expect(scopeAlternativesOf([{ oauth: ['a', 5] }])).toEqual([['a']]);
  expect(scopeAlternativesOf(undefined)).toEqual([]);
});

test('one set is "scopes (a, b)"; alternatives are "one of the scope sets (a) or (b)"; none is "(no scope)"', () => {
  expect(requiredScopesPhrase([{ oauth: ['calls:read', 'calls:export'] }])).toBe('scopes (calls:read, calls:export)');
  expect(requiredScopesPhrase([{ oauth: ['a'] }, { key: [] }])).toBe('one of the scope sets (a) or (no scope)');
  const three = [{ a: ['x'] }, { b: ['y'] }, { c: ['z'] }];
  expect(requiredScopesPhrase(three)).toBe('one of the scope sets (x), (y) or (z)');
  expect(requiredScopesPhrase([])).toBe('scopes (no scope)');
  expect(requiredScopesPhrase([{ key: [] }])).toBe('scopes (no scope)');
});
