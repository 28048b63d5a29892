import { bodySchemaPathsOf, refWrittenAt, sharedBodySchemaOf } from '../../src/openapi/body-schemas';
import { documentFactsOf } from '../../src/openapi/operations';

test('where body schemas stand: 3.x each media type that has a schema, 2.0 the response schema', () => {
  const at = ['paths', '/calls', 'get', 'responses', '403'];
  const content = { 'application/json': { schema: {} }, 'text/plain': {}, 'application/xml': { schema: {} } };
  expect(bodySchemaPathsOf({ content }, at, '3.x')).toEqual([
    [...at, 'content', 'application/json', 'schema'],
    [...at, 'content', 'application/xml', 'schema'],
  ]);
  expect(bodySchemaPathsOf({ schema: {} }, at, '2.0')).toEqual([[...at, 'schema']]);
  expect(bodySchemaPathsOf({}, at, '2.0')).toEqual([]);
});

test('the $ref written exactly at a path, through references on the way, named by its last segment', () => {
  const unresolved = {
    a: { $ref: '#/components/responses/Forbidden' },
    b: { schema: { type: 'object' } },
    components: { responses: { Forbidden: { schema: { $ref: '#/definitions/Error' } } } },
  };
  expect(refWrittenAt(unresolved, ['a', 'schema'])).toEqual({ ref: '#/definitions/Error', name: 'Error' });
  expect(refWrittenAt(unresolved, ['a'])).toEqual({ ref: '#/components/responses/Forbidden', name: 'Forbidden' });
  expect(refWrittenAt(unresolved, ['b', 'schema'])).toBeUndefined();
  expect(refWrittenAt(unresolved, ['a', 'schema', 'type'])).toBeUndefined();
});

describe('the shared schema that is a whole body', () => {
  const error = { type: 'object' };
  const body = (schemas: Record<string, unknown>) => ({
    content: Object.fromEntries(Object.entries(schemas).map(([type, schema]) => [type, { schema }])),
  });
  const toError = { $ref: '#/components/schemas/Error' };
  const unresolved = {
    openapi: '3.0.3',
    paths: {
      '/one': { get: { responses: { '403': body({ json: toError }) } } },
      '/two': { get: { responses: { '403': body({ json: toError, xml: toError }) } } },
      '/mixed': { get: { responses: { '403': body({ json: toError, xml: { type: 'object' } }) } } },
      '/other': { get: { responses: { '403': body({ json: toError, xml: { $ref: '#/components/schemas/Other' } }) } } },
      '/broken': { get: { responses: { '403': body({ json: { $ref: '#/components/schemas/Missing' } }) } } },
      '/file': { get: { responses: { '403': body({ json: { $ref: 'errors.yaml#/Error' } }) } } },
      '/unread': { get: { responses: { '403': body({ json: { $ref: 'errors.yaml#/Gone' } }) } } },
      '/none': { get: { responses: { '403': {} } } },
      '/cycle': { get: { responses: { '403': body({ json: toError }) } } },
    },
    components: { schemas: { Error: error, Other: error } },
  };
  const resolved = {
    openapi: '3.0.3',
    paths: {
      '/one': { get: { responses: { '403': body({ json: error }) } } },
      '/two': { get: { responses: { '403': body({ json: error, xml: error }) } } },
      '/mixed': { get: { responses: { '403': body({ json: error, xml: { type: 'object' } }) } } },
      '/other': { get: { responses: { '403': body({ json: error, xml: error }) } } },
      '/broken': { get: { responses: { '403': body({ json: { $ref: '#/components/schemas/Missing' } }) } } },
      '/file': { get: { responses: { '403': body({ json: error }) } } },
      '/unread': { get: { responses: { '403': body({ json: { $ref: 'errors.yaml#/Gone' } }) } } },
      '/none': { get: { responses: { '403': {} } } },
      // The resolver leaves in place a local reference that closes a cycle: it still leads to its definition.
      '/cycle': { get: { responses: { '403': body({ json: toError }) } } },
    },
  };
  const facts = documentFactsOf(resolved, unresolved);
  const shared = (path: string) => {
    const operation = facts.operations.find((candidate) => candidate.path === path)!;
    return sharedBodySchemaOf(facts, operation.responses['403'], [...operation.location, 'responses', '403']);
  };

  test('every body schema a $ref to one definition: that definition, at the first body schema', () => {
    const expected = (path: string) => ({
      ref: '#/components/schemas/Error',
      name: 'Error',
      path: ['paths', path, 'get', 'responses', '403', 'content', 'json', 'schema'],
    });
    expect(shared('/one')).toEqual(expected('/one'));
    expect(shared('/two')).toEqual(expected('/two'));
  });

  test('not when a body schema is written in place or references another definition, or there is none', () => {
    expect(shared('/mixed')).toBeUndefined();
    expect(shared('/other')).toBeUndefined();
    expect(shared('/none')).toBeUndefined();
  });

  test('not when the reference leads nowhere: a local one to nothing, one into a file that did not resolve', () => {
    expect(shared('/broken')).toBeUndefined();
    expect(shared('/unread')).toBeUndefined();
    expect(shared('/file')?.ref).toBe('errors.yaml#/Error');
  });

  test('a local reference is judged on the document as written, even where the resolver left it in place', () => {
    expect(shared('/cycle')?.ref).toBe('#/components/schemas/Error');
  });
});
