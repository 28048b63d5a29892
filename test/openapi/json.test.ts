import {
  asArray,
  asObject,
  decodedPointerSegment,
  isNonEmptyString,
  isObject,
  lastRefAlong,
  localRefTarget,
  pointerTarget,
  refOf,
  valueAt,
} from '../../src/openapi/json';

// The type guards make every helper total over any JSON value: a description may hold anything anywhere.

test('only a plain object is an object: not null, an array or a scalar', () => {
  expect([{}, { a: 1 }].map(isObject)).toEqual([true, true]);
  expect([null, [], 'a', 1, undefined].map(isObject)).toEqual([false, false, false, false, false]);
  expect(asObject({ a: 1 })).toEqual({ a: 1 });
  expect([null, [1], 'a'].map(asObject)).toEqual([{}, {}, {}]);
  expect(asArray([1])).toEqual([1]);
  expect([null, { 0: 1 }, 'a'].map(asArray)).toEqual([[], [], []]);
});

test('a non-empty string has something besides white space', () => {
  expect(['a reason', ' x '].map(isNonEmptyString)).toEqual([true, true]);
  expect(['', '  \t', 5, null].map(isNonEmptyString)).toEqual([false, false, false, false]);
});

test('refOf gives the $ref of a reference object, and nothing for anything else', () => {
  expect(refOf({ $ref: '#/a' })).toBe('#/a');
  expect([{ $ref: 5 }, { ref: '#/a' }, '#/a', null].map(refOf)).toEqual([undefined, undefined, undefined, undefined]);
});

describe('JSON pointers (RFC 6901)', () => {
  const root = { components: { schemas: { 'A/B': { type: 'object' }, 'C~D': 1, '{id}': 2 } }, list: ['x', 'y'] };

  test('the empty pointer is the whole document; one without a leading slash points nowhere', () => {
    expect(pointerTarget(root, '')).toBe(root);
    expect(pointerTarget(root, 'components')).toBeUndefined();
    expect(pointerTarget(root, '#list')).toBeUndefined();
  });

  test('segments are unescaped, %-escapes first, then ~1 and ~0, every one of them', () => {
    expect(pointerTarget(root, '/components/schemas/A~1B')).toEqual({ type: 'object' });
    expect(pointerTarget(root, '/components/schemas/C~0D')).toBe(1);
    expect(pointerTarget(root, '/components/schemas/%7Bid%7D')).toBe(2);
    expect(decodedPointerSegment('a~1b~1c~0~0')).toBe('a/b/c~~');
    expect(decodedPointerSegment('~01')).toBe('~1');
  });

  test('a malformed %-escape is read as written', () => {
    expect(decodedPointerSegment('50%')).toBe('50%');
  });

  test('array items by index; an object own property only; anything else is undefined', () => {
    expect(pointerTarget(root, '/list/1')).toBe('y');
    expect(pointerTarget(root, '/list/first')).toBeUndefined();
    // An index is digits only, and any number of them; a string's characters are not items.
    expect(pointerTarget(root, '/list/ 1')).toBeUndefined();
    expect(pointerTarget(root, '/list/1 ')).toBeUndefined();
    expect(pointerTarget({ long: Array.from({ length: 12 }, (_, index) => index) }, '/long/11')).toBe(11);
    expect(pointerTarget(root, '/list/0/0')).toBeUndefined();
    expect(pointerTarget(root, '/components/constructor')).toBeUndefined();
    expect(pointerTarget(root, '/components/schemas/A~1B/type/more')).toBeUndefined();
  });

  test('a local $ref points into the document; one into another file, or not a fragment, points nowhere here', () => {
    expect(localRefTarget(root, '#/list/0')).toBe('x');
    expect(localRefTarget(root, 'other.yaml#/list/0')).toBeUndefined();
    expect(localRefTarget(root, '#list')).toBeUndefined();
    expect(localRefTarget(root, './list/0')).toBeUndefined();
  });
});

test('valueAt walks a path of keys and indexes, own properties only', () => {
  const root = { paths: { '/calls': { get: { tags: ['calls'] } } } };
  expect(valueAt(root, ['paths', '/calls', 'get', 'tags', 0])).toBe('calls');
  expect(valueAt(root, ['paths', '/calls', 'get', 'tags', '0'])).toBeUndefined();
  expect(valueAt(root, ['paths', 'toString'])).toBeUndefined();
  expect(valueAt(root, [])).toBe(root);
});

describe('lastRefAlong: the shared component a path passes through, as the document is written', () => {
  const unresolved = {
    paths: {
      '/calls': {
        get: { responses: { '401': { $ref: '#/components/responses/Unauthorized' }, '403': { description: 'no' } } },
      },
      '/files': { $ref: 'files.yaml' },
    },
    components: {
      responses: { Unauthorized: { $ref: '#/components/responses/Base' }, Base: { description: 'No token' } },
    },
  };

  test('the last $ref met, following a chain of local references, with the depth where it stands', () => {
    const path = ['paths', '/calls', 'get', 'responses', '401'];
    const base = { ref: '#/components/responses/Base', depth: 5 };
    expect(lastRefAlong(unresolved, path)).toEqual(base);
    expect(lastRefAlong(unresolved, [...path, 'description'])).toEqual(base);
  });

  test('a path written in place passes through none', () => {
    expect(lastRefAlong(unresolved, ['paths', '/calls', 'get', 'responses', '403'])).toBeUndefined();
  });

  test('a reference into another file ends the walk there', () => {
    expect(lastRefAlong(unresolved, ['paths', '/files', 'get', 'responses'])).toEqual({ ref: 'files.yaml', depth: 2 });
  });

  test('a reference that closes a cycle does not loop', () => {
    const cyclic = { a: { $ref: '#/a' } };
    expect(lastRefAlong(cyclic, ['a', 'b'])).toEqual({ ref: '#/a', depth: 1 });
  });

  test('a chain of references is followed for 16 hops at most: in a cycle of two, the 16th is the last met', () => {
    const cycle = { a: { $ref: '#/b' }, b: { $ref: '#/a' } };
    expect(lastRefAlong(cycle, ['a'])).toEqual({ ref: '#/a', depth: 1 });
  });

  test('a path that leaves the document, or passes through null or a scalar, is walked without error', () => {
    expect(lastRefAlong(unresolved, ['paths', '/nothing', 'get', 'responses'])).toBeUndefined();
    expect(lastRefAlong({ a: null, b: 'text' }, ['a', 'x'])).toBeUndefined();
    expect(lastRefAlong({ a: null, b: 'text' }, ['b', 'length'])).toBeUndefined();
  });
});
