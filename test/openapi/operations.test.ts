import { documentFactsOf, OPERATION_METHODS } from '../../src/openapi/operations';
import { factsOf } from './facts';

test('one operation per HTTP method of each path item; nothing else in it, nor a path item of another shape', () => {
  const facts = factsOf({
    openapi: '3.0.3',
    paths: {
      '/calls/{callId}': Object.fromEntries([...OPERATION_METHODS, 'parameters', 'x-extra'].map((key) => [key, {}])),
      '/odd': 'text',
      '/empty': { get: null, post: [] },
    },
  });
  expect(facts.operations.map((operation) => operation.label)).toEqual(
    OPERATION_METHODS.map((method) => `${method.toUpperCase()} /calls/{callId}`),
  );
  expect(facts.operations[0]).toMatchObject({
    path: '/calls/{callId}',
    method: 'get',
    location: ['paths', '/calls/{callId}', 'get'],
  });
});

test('what each operation carries: responses, item path, deprecated (true only), its exceptions (a map only)', () => {
  const facts = factsOf({
    openapi: '3.0.3',
    paths: {
      '/calls': {
        get: { responses: { '200': {} }, deprecated: true, 'x-auth-exceptions': { 'auth-401-documented': 'public' } },
        post: { responses: 'odd', deprecated: 'yes', 'x-auth-exceptions': ['auth-401-documented'] },
      },
      '/calls/{callId}': { get: {} },
    },
  });
  const [list, create, item] = facts.operations;
  expect(list).toMatchObject({ responses: { '200': {} }, itemPath: false, deprecated: true });
  expect(list.exceptions).toEqual({ 'auth-401-documented': 'public' });
  expect(create).toMatchObject({ responses: {}, deprecated: false, exceptions: {} });
  expect(item).toMatchObject({ itemPath: true, responses: {}, exceptions: {} });
});

test('the error keys the operations use, upper-cased, and how many operations document default', () => {
  const facts = factsOf({
    swagger: '2.0',
    paths: {
      '/a': { get: { responses: { '404': {}, '5xx': {}, default: {}, '200': {} } } },
      '/b': { get: { responses: { '404': {}, default: {} } } },
      '/c': { get: { responses: { Default: {} } } },
    },
  });
  expect([...facts.errorKeys]).toEqual(['404', '5XX']);
  expect(facts.operationsWithDefault).toBe(2);
  expect(facts.version).toBe('2.0');
});

test('security facts per operation, and scopes that every operation asks alike make none scoped', () => {
  const document = (second: string[]) => ({
    openapi: '3.0.3',
    security: [{ oauth: ['read'] }],
    paths: { '/a': { get: {} }, '/b': { get: { security: [{ oauth: second }] } }, '/c': { get: { security: [] } } },
    components: { securitySchemes: { oauth: { type: 'oauth2' } } },
  });
  const alike = documentFactsOf(document(['read']), {});
  expect(alike.operations.map((operation) => operation.security.scoped)).toEqual([false, false, false]);
  expect(alike.operations.map((operation) => operation.security.listsScopes)).toEqual([true, true, false]);
  const apart = documentFactsOf(document(['write']), {});
  expect(apart.operations.map((operation) => operation.security.scoped)).toEqual([true, true, false]);
  expect(apart.securitySchemes).toEqual({ oauth: { type: 'oauth2' } });
});

test('a value that is no document gives no operations, not a crash', () => {
  expect(documentFactsOf(null, null)).toMatchObject({ operations: [], version: '3.x', operationsWithDefault: 0 });
});

test('scope lists compare as sets of strings: an entry that is not a string does not set an operation apart', () => {
  const facts = factsOf({
    openapi: '3.0.3',
    paths: {
      '/a': { get: { security: [{ oauth: ['calls:read'] }] } },
      '/b': { get: { security: [{ oauth: ['calls:read', 7] }] } },
    },
    components: { securitySchemes: { oauth: { type: 'oauth2', flows: {} } } },
  });
  expect(facts.operations.map((operation) => operation.security.scoped)).toEqual([false, false]);
});
