import { documentFactsOf } from '../../src/openapi/operations';
import { componentNameOf, placeNamed, subjectAt } from '../../src/openapi/references';

test("a component's name for a message is the last segment of its $ref, unescaped", () => {
  expect(componentNameOf('#/components/responses/Unauthorized')).toBe('Unauthorized');
  expect(componentNameOf('shared.yaml#/responses/Not~1Found%20Here')).toBe('Not/Found Here');
  expect(componentNameOf('shared.yaml')).toBe('shared.yaml');
  // Without a `#`, the whole $ref is a file name, slashes and escapes included.
  expect(componentNameOf('schemas/Not%20Found.yaml')).toBe('schemas/Not%20Found.yaml');
  expect(componentNameOf('shared.yaml#/')).toBe('shared.yaml#/');
});

describe('how a message names the thing at a path below an operation', () => {
  const response = { description: 'No valid token' };
  const unresolved = {
    paths: {
      '/calls': { get: { responses: { '401': { description: 'No valid token' } } } },
      '/recordings': { get: { responses: { '401': { $ref: '#/paths/~1calls/get/responses/401' } } } },
      '/tags': { get: { responses: { '401': { $ref: '#/components/responses/Unauthorized' } } } },
      '/notes': {
        get: {
          responses: {
            '401': {
              headers: { 'WWW-Authenticate': { $ref: '#/components/headers/Challenge' } },
              content: { 'application/json': { $ref: '#/components/x-media/Problem' } },
            },
          },
        },
      },
      '/links': { get: { responses: { '200': { schema: { $ref: '#/definitions/Link' } } } } },
      '/files': { $ref: 'files.yaml' },
      '/odd': { get: { responses: { '401': { $ref: '#/paths/~1calls/nothing/responses/401' } } } },
      '/elsewhere': { get: { responses: { '401': { $ref: '#/x-shared/get/responses/401' } } } },
      '/written': { get: { $ref: '#/x-operations/ListWritten' } },
    },
    components: { responses: { Unauthorized: response } },
    'x-shared': { get: { responses: { '401': response } } },
    'x-operations': { ListWritten: { responses: { '401': response } } },
  };
  const resolved = {
    paths: {
      '/calls': { get: { responses: { '401': response } } },
      '/recordings': { get: { responses: { '401': response } } },
      '/tags': { get: { responses: { '401': response } } },
      '/notes': { get: { responses: { '401': response } } },
      '/links': { get: { responses: { '200': { schema: {} } } } },
      '/files': { get: { responses: { '401': response } } },
      '/odd': { get: { responses: { '401': response } } },
      '/elsewhere': { get: { responses: { '401': response } } },
      '/written': { get: { responses: { '401': response } } },
    },
  };
  const facts = documentFactsOf(resolved, unresolved);
  const name = (label: string, ...below: string[]) => {
    const operation = facts.operations.find((candidate) => candidate.label === label)!;
    return placeNamed(facts, operation, [...operation.location, 'responses', ...below], 'the thing');
  };

  test('written in place, or in a path item of another file: the thing of the operation', () => {
    expect(name('GET /calls', '401')).toEqual({ subject: 'the thing of GET /calls', label: 'GET /calls' });
    expect(name('GET /files', '401')).toEqual({ subject: 'the thing of GET /files', label: 'GET /files' });
  });

  test("a $ref to another operation's own response: named by that operation, as its own findings are", () => {
    expect(name('GET /recordings', '401')).toEqual({ subject: 'the thing of GET /calls', label: 'GET /calls' });
  });

  test('a shared component: its kind (response, header, schema, component) and name, with its $ref', () => {
    expect(name('GET /tags', '401')).toEqual({
      subject: 'shared response "Unauthorized" (#/components/responses/Unauthorized)',
      label: 'Unauthorized',
    });
    expect(name('GET /links', '200', 'schema').subject).toBe('shared schema "Link" (#/definitions/Link)');
    expect(name('GET /notes', '401', 'headers', 'WWW-Authenticate').subject).toBe(
      'shared header "Challenge" (#/components/headers/Challenge)',
    );
    expect(name('GET /notes', '401', 'content', 'application/json').subject).toBe(
      'shared component "Problem" (#/components/x-media/Problem)',
    );
    expect(subjectAt(facts, facts.operations[0], ['paths', '/calls', 'get', 'responses', '401'], 'the 401')).toBe(
      'the 401 of GET /calls',
    );
  });

  test('a $ref into the paths that names no operation is named as a component', () => {
    expect(name('GET /odd', '401').label).toBe('401');
  });

  test('a $ref outside the paths is a component, even where its segments read like a path and a method', () => {
    expect(name('GET /elsewhere', '401')).toEqual({
      subject: 'shared response "401" (#/x-shared/get/responses/401)',
      label: '401',
    });
  });

  test('an operation written by $ref is where its own things are: the thing of the operation', () => {
    expect(name('GET /written', '401')).toEqual({ subject: 'the thing of GET /written', label: 'GET /written' });
  });
});
