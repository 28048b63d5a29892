import { allOfParts, followed, hasPropertyNamed, isArraySchema, mergedProperties } from '../../src/openapi/schemas';

// Schema questions on the resolved document, where a `$ref` that closes a cycle is left in place.

const root = {
  components: {
    schemas: {
      Node: { type: 'object', properties: { parent: { $ref: '#/components/schemas/Node' } } },
      Alias: { $ref: '#/components/schemas/Node' },
      List: { type: 'array' },
      Loop: { allOf: [{ $ref: '#/components/schemas/Loop' }, { properties: { id: {} } }] },
    },
  },
};

test('followed reads through local $refs, and leaves a schema that is no reference, or leads nowhere, as it is', () => {
  expect(followed({ $ref: '#/components/schemas/Alias' }, root)).toBe(root.components.schemas.Node);
  expect(followed({ $ref: '#/components/schemas/Missing' }, root)).toEqual({ $ref: '#/components/schemas/Missing' });
  expect(followed({ $ref: '#/components/schemas/Node' })).toEqual({ $ref: '#/components/schemas/Node' });
  expect(followed('text', root)).toBe('text');
});

test('allOf parts are the schema and its parts, recursively, each once, cycles included', () => {
  const parts = allOfParts({ $ref: '#/components/schemas/Loop' }, root);
  expect(parts).toEqual([root.components.schemas.Loop, { properties: { id: {} } }]);
  expect(allOfParts(null, root)).toEqual([]);
});

test('merged properties: every part adds its own, and the first definition of a name wins', () => {
  const schema = {
    properties: { id: { type: 'string' } },
    allOf: [{ properties: { id: { type: 'integer' }, name: {} } }, { properties: 'odd' }],
  };
  expect([...mergedProperties(schema).entries()]).toEqual([
    ['id', { type: 'string' }],
    ['name', {}],
  ]);
});

test('an array schema: type array, a 3.1 type list with array, or no type and items, in any allOf part', () => {
  const arrays = [{ type: 'array' }, { type: ['null', 'array'] }, { items: {} }, { allOf: [{ type: 'array' }] }];
  expect(arrays.map((schema) => isArraySchema(schema))).toEqual([true, true, true, true]);
  const others = [{ type: 'object' }, { type: ['object'] }, { type: 'object', items: {} }, {}];
  expect(others.map((schema) => isArraySchema(schema))).toEqual([false, false, false, false]);
  expect(isArraySchema({ $ref: '#/components/schemas/List' }, root)).toBe(true);
});

describe('hasPropertyNamed', () => {
  const isScopes = (name: string) => name === 'missing_scopes';

  test('at the top level, or as many object levels down as asked', () => {
    const nested = { properties: { error: { properties: { details: { properties: { missing_scopes: {} } } } } } };
    expect(hasPropertyNamed({ properties: { missing_scopes: {} } }, isScopes, 0)).toBe(true);
    expect(hasPropertyNamed(nested, isScopes, 1)).toBe(false);
    expect(hasPropertyNamed(nested, isScopes, 2)).toBe(true);
  });

  test('through allOf parts, and through oneOf or anyOf only when every branch has it', () => {
    const branch = { properties: { missing_scopes: {} } };
    expect(hasPropertyNamed({ allOf: [{}, branch] }, isScopes, 0)).toBe(true);
    expect(hasPropertyNamed({ oneOf: [branch, branch] }, isScopes, 0)).toBe(true);
    expect(hasPropertyNamed({ anyOf: [branch, {}] }, isScopes, 0)).toBe(false);
    expect(hasPropertyNamed({ oneOf: [] }, isScopes, 0)).toBe(false);
  });

  test('a cycle back to a schema adds nothing, and ends', () => {
    expect(hasPropertyNamed({ $ref: '#/components/schemas/Node' }, isScopes, 5, root)).toBe(false);
    expect(hasPropertyNamed({ $ref: '#/components/schemas/Node' }, (name) => name === 'parent', 5, root)).toBe(true);
  });
});

test('followed gives up a chain of references that loops after 16 hops, and reads nothing without a root', () => {
  const root = { a: { $ref: '#/b' }, b: { $ref: '#/a' } };
  // Hop 1 reaches a, hop 2 b, ...: the 16th reaches b.
  expect(followed({ $ref: '#/a' }, root)).toBe(root.b);
  expect(followed({ $ref: '#/a' })).toEqual({ $ref: '#/a' });
});

test('hasPropertyNamed: a schema met again keeps its answer, and a cycle back to it adds nothing', () => {
  const token = (name: string) => name === 'token';
  const other = { properties: { id: {} } };
  const carrier = { properties: { token: {} } };
  // `other` is met twice before `carrier`: each schema must keep its own answer.
  expect(hasPropertyNamed({ allOf: [other, other, carrier] }, token, 0)).toBe(true);
  const loop: { allOf: unknown[] } = { allOf: [] };
  loop.allOf.push(loop);
  expect(hasPropertyNamed(loop, token, 0)).toBe(false);
});
