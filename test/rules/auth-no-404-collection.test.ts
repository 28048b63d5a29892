import { testRule, WARN } from '../helpers/lint';

const remove404 =
  'lists a collection, which never 404s (no visible members is 200 with an empty list): remove the 404 response if it is ' +
  'boilerplate, or, if the API really answers 404 when the list is empty, answer 200 with an empty list instead.';

testRule('auth-no-404-collection', WARN, [
  {
    name: 'OAS 3.0: array body, envelopes, a property named like the segment, allOf, 2XX, first 2xx; shared 404s',
    document: { file: 'auth-no-404-collection/invalid.oas3.yaml' },
    findings: [
      { path: 'paths./calls.get.responses.404', messageIncludes: ['GET /calls', remove404], line: 14 },
      // A shared 404 is reported at each operation's own `404` entry (the line to delete), once per operation.
      {
        path: 'paths./recordings.get.responses.404',
        messageIncludes: ['GET /recordings', remove404],
        source: 'auth-no-404-collection/invalid.oas3.yaml',
        line: 28,
      },
      {
        path: 'paths./teams.get.responses.404',
        messageIncludes: ['GET /teams'],
        source: 'auth-no-404-collection/invalid.oas3.yaml',
        line: 41,
      },
      // Shared from another file: still reported here, not in shared/responses.yaml.
      {
        path: 'paths./v1/invoices.get.responses.404',
        messageIncludes: ['GET /v1/invoices'],
        source: 'auth-no-404-collection/invalid.oas3.yaml',
        line: 56,
      },
      { path: 'paths./reports.get.responses.404', messageIncludes: ['GET /reports'] },
      { path: 'paths./exports.get.responses.404', messageIncludes: ['GET /exports'] },
    ],
  },
  {
    name: 'OAS 3.0: nested and item paths, not a get, not a listing, 200 before 2XX, the first 2xx, no 404',
    document: { file: 'auth-no-404-collection/valid.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 2.0: the body is `schema`; shared #/responses/NotFound; a nested listing may 404',
    document: { file: 'auth-no-404-collection/invalid.oas2.yaml' },
    findings: [
      { path: 'paths./calls.get.responses.404', messageIncludes: ['GET /calls', remove404], line: 11 },
      { path: 'paths./recordings.get.responses.404', messageIncludes: ['GET /recordings'], line: 21 },
    ],
  },
  {
    name: 'OAS 3.1: type lists that include array',
    document: { file: 'auth-no-404-collection/invalid.oas31.yaml' },
    findings: [
      { path: 'paths./calls.get.responses.404', messageIncludes: ['GET /calls'] },
      { path: 'paths./recordings.get.responses.404', messageIncludes: ['GET /recordings'] },
    ],
  },
  {
    name: 'x-auth-exceptions with a reason silences the operation; an empty reason silences nothing',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /calls:
    get:
      x-auth-exceptions: { auth-no-404-collection: "v1 clients rely on it; removed in v2" }
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array } } } }
        '404': { description: none }
  /recordings:
    get:
      x-auth-exceptions: { auth-no-404-collection: "  " }
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array } } } }
        '404': { description: none }
`,
    },
    findings: [{ path: 'paths./recordings.get.responses.404', messageIncludes: ['GET /recordings'] }],
  },
  // Contract B: a get with a required query parameter is a query, not a plain listing.
  {
    name: 'OAS 3.0: a required query parameter on the operation, on the path item, by $ref, or made required by the operation: not reported',
    document: { file: 'auth-no-404-collection/required-query-parameter.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 3.0: optional query parameters, a required one the operation makes optional, a required header: still reported',
    document: { file: 'auth-no-404-collection/optional-query-parameter.oas3.yaml' },
    findings: [
      { path: 'paths./calls.get.responses.404', messageIncludes: ['GET /calls', remove404] },
      { path: 'paths./recordings.get.responses.404', messageIncludes: ['GET /recordings', remove404] },
      { path: 'paths./teams.get.responses.404', messageIncludes: ['GET /teams', remove404] },
    ],
  },
  {
    name: 'OAS 2.0: a required query parameter by $ref is not reported; an optional one is',
    document: { file: 'auth-no-404-collection/required-query-parameter.oas2.yaml' },
    findings: [{ path: 'paths./calls.get.responses.404', messageIncludes: ['GET /calls', remove404] }],
  },
  {
    name: 'parameters of any shape are read as none, not a crash',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /calls:
    parameters: { q: { in: query, required: true } }
    get:
      parameters: [null, 1, { in: query, required: true }, { name: 5, in: query, required: true }, { $ref: '#/nowhere' }]
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array } } } }
        '404': { description: none }
`,
    },
    findings: [{ path: 'paths./calls.get.responses.404', messageIncludes: ['GET /calls'] }],
  },
]);
