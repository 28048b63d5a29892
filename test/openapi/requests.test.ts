import {
  addressesAnItem,
  formFieldNamesOf,
  namesAnItem,
  parametersOf,
  queryParameterNamesOf,
  requestBodySchemasOf,
  requiredQueryParameterNamesOf,
} from '../../src/openapi/requests';
import { factsOf, operationOf } from './facts';

describe('parameters', () => {
  const facts = factsOf({
    openapi: '3.0.3',
    paths: {
      '/calls': {
        parameters: [
          { name: 'limit', in: 'query', required: true },
          { name: 'limit', in: 'header' },
          { $ref: '#/components/parameters/Cursor' },
          null,
          { in: 'query' },
        ],
        get: {
          parameters: [
            { name: 'limit', in: 'query', required: false },
            { name: 'q', in: 'query', required: true },
          ],
        },
      },
    },
    components: { parameters: { Cursor: { name: 'cursor', in: 'query', required: true } } },
  });
  const get = operationOf(facts, 'GET /calls');

  test("the path item's, by $ref too, with the operation's own replacing one of the same name and place", () => {
    expect(parametersOf(facts, get).map((parameter) => `${String(parameter.in)}:${String(parameter.name)}`)).toEqual([
      'query:limit',
      'header:limit',
      'query:cursor',
      'query:q',
    ]);
    expect(parametersOf(facts, get)[0].required).toBe(false);
  });

  test('query parameters, and those of them that are required (true, not truthy)', () => {
    expect(queryParameterNamesOf(facts, get)).toEqual(['limit', 'cursor', 'q']);
    expect(requiredQueryParameterNamesOf(facts, get)).toEqual(['cursor', 'q']);
  });
});

test('the request body: 3.x every media type with a schema; 2.0 the body parameter, and form fields apart', () => {
  const v3 = factsOf({
    openapi: '3.0.3',
    paths: {
      '/login': {
        post: {
          // `in: formData` is 2.0's: in 3.x it is no form field.
          parameters: [{ name: 'password', in: 'formData' }],
          requestBody: { content: { 'application/json': { schema: { type: 'object' } }, 'text/plain': {} } },
        },
      },
    },
  });
  // toStrictEqual: toEqual would not tell `[schema, undefined]` from `[schema]`.
  expect(requestBodySchemasOf(v3, operationOf(v3, 'POST /login'))).toStrictEqual([{ type: 'object' }]);
  expect(formFieldNamesOf(v3, operationOf(v3, 'POST /login'))).toEqual([]);
  const v2 = factsOf({
    swagger: '2.0',
    paths: {
      '/login': {
        post: {
          parameters: [
            { name: 'body', in: 'body', schema: { type: 'object' } },
            { name: 'other', in: 'body' },
            { name: 'password', in: 'formData' },
            { name: 'q', in: 'query' },
            // Only the body parameter's schema is the body's, even if another parameter has one.
            { name: 'sort', in: 'query', schema: { type: 'string' } },
          ],
        },
      },
    },
  });
  expect(requestBodySchemasOf(v2, operationOf(v2, 'POST /login'))).toStrictEqual([{ type: 'object' }]);
  expect(formFieldNamesOf(v2, operationOf(v2, 'POST /login'))).toEqual(['password']);
});

describe('which path parameters name an item the caller may not see', () => {
  const v3 = factsOf({ openapi: '3.0.3', paths: {} });
  const v2 = factsOf({ swagger: '2.0', paths: {} });

  test('an undeclared one, or any id, does; so does one without a name (total over any JSON shape)', () => {
    expect(namesAnItem(undefined, v3)).toBe(true);
    expect(namesAnItem({ in: 'path', schema: { type: 'string' } }, v3)).toBe(true);
    expect(namesAnItem({ name: 'callId', in: 'path', schema: { type: 'string' } }, v3)).toBe(true);
  });

  test('a place (location, region, zone, any case), one of a fixed set, or a URL does not', () => {
    const places = ['location', 'Region', 'ZONE'];
    expect(places.map((name) => namesAnItem({ name, in: 'path' }, v3))).toEqual([false, false, false]);
    expect(namesAnItem({ name: 'kind', schema: { enum: ['a', 'b'] } }, v3)).toBe(false);
    expect(namesAnItem({ name: 'target', schema: { format: 'uri' } }, v3)).toBe(false);
    expect(namesAnItem({ name: 'target', schema: { format: 'url' } }, v3)).toBe(false);
  });

  test('2.0 writes the schema keywords on the parameter itself', () => {
    expect(namesAnItem({ name: 'kind', enum: ['a'] }, v2)).toBe(false);
    expect(namesAnItem({ name: 'kind', enum: ['a'] }, v3)).toBe(true);
  });

  test('an operation addresses an item when one of its templates names one', () => {
    const facts = factsOf({
      openapi: '3.0.3',
      paths: {
        '/regions/{region}/calls/{callId}': { get: {} },
        '/regions/{region}': { get: { parameters: [{ name: 'region', in: 'path' }] } },
        '/kinds/{kind}': { get: { parameters: [{ name: 'kind', in: 'path', schema: { enum: ['a'] } }] } },
        // Only path parameters fill templates: a query parameter of the same name says nothing about the path.
        '/calls/{callId}': {
          get: {
            parameters: [
              { name: 'callId', in: 'path' },
              { name: 'callId', in: 'query', schema: { enum: ['x'] } },
            ],
          },
        },
      },
    });
    expect(addressesAnItem(facts, operationOf(facts, 'GET /calls/{callId}'))).toBe(true);
    expect(addressesAnItem(facts, operationOf(facts, 'GET /regions/{region}/calls/{callId}'))).toBe(true);
    expect(addressesAnItem(facts, operationOf(facts, 'GET /regions/{region}'))).toBe(false);
    expect(addressesAnItem(facts, operationOf(facts, 'GET /kinds/{kind}'))).toBe(false);
  });
});
