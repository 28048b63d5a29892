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
