import { testRule, WARN } from '../helpers/lint';

const add403 = 'documents no 403: add a 403 response whose body names the missing scopes';

testRule('auth-403-documented', WARN, [
  {
    name: 'OAS 3.0: scoped by the root security and by the operation; 4XX and default do not document 403; alternatives',
    document: { file: 'auth-403-documented/invalid.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls/{callId}.get.responses',
        messageIncludes: ['GET /calls/{callId} requires scopes (calls:read)', add403],
        line: 13,
      },
      {
        path: 'paths./calls/{callId}.delete.responses',
        messageIncludes: ['DELETE /calls/{callId} requires scopes (calls:read, calls:write)'],
      },
      {
        path: 'paths./calls/{callId}/audio.get.responses',
        messageIncludes: [
          'GET /calls/{callId}/audio requires one of the scope sets (calls:read, audio:read) or (admin) but',
          add403,
        ],
      },
    ],
  },
  {
    name: 'OAS 3.1: a role on an http bearer scheme is a scope; an operation without responses is reported at itself',
    document: { file: 'auth-403-documented/invalid.oas31.yaml' },
    findings: [
      {
        path: 'paths./admin/calls.get.responses',
        messageIncludes: ['GET /admin/calls requires scopes (admin)', add403],
      },
      { path: 'paths./admin/calls/{callId}.delete', messageIncludes: ['DELETE /admin/calls/{callId}'], line: 16 },
    ],
  },
  {
    name: 'OAS 2.0: an oauth2 scope from securityDefinitions',
    document: { file: 'auth-403-documented/invalid.oas2.yaml' },
    findings: [
      {
        path: 'paths./calls/{callId}.get.responses',
        messageIncludes: ['GET /calls/{callId} requires scopes (calls:read)'],
      },
    ],
  },
  {
    name: 'OAS 3.1: 403 documented by a shared response; no scopes, security [], optional {}, mutualTLS, webhooks',
    document: { file: 'auth-403-documented/valid.oas31.yaml' },
    findings: [],
  },
  {
    name: 'OAS 3.0: no 403 anywhere: one finding at the root counts the scoped operations, not the excepted or unscoped',
    document: { file: 'auth-403-documented/no-403-anywhere.oas3.yaml' },
    findings: [
      {
        path: '',
        line: 3, // the root mapping starts at its first key, after the comment
        messageIncludes: [
          '4 operations require scopes but no operation of this document documents a 403 (GET /calls, POST /calls, GET /calls/{callId} and 1 more)',
          'add one shared 403 response to `components.responses`, whose body names the missing scopes (RFC 6750 insufficient_scope), and reference it from each of them',
          '`spectral-auth-responses fix` does this',
        ],
      },
    ],
  },
  {
    name: 'OAS 2.0: no 403 anywhere: the shared response goes to the root `responses`',
    document: { file: 'auth-403-documented/no-403-anywhere.oas2.yaml' },
    findings: [
      {
        path: '',
        messageIncludes: [
          '2 operations require scopes',
          '(GET /calls, DELETE /calls/{callId})',
          'to the root `responses`',
        ],
      },
    ],
  },
  {
    name: 'a 403 on an excepted operation shows the convention: each gap is reported on its own',
    document: { file: 'auth-403-documented/excepted-operation-documents-403.oas3.yaml' },
    findings: [
      { path: 'paths./calls.get.responses', messageIncludes: ['GET /calls requires scopes (calls:read)', add403] },
      { path: 'paths./calls/{callId}.get.responses', messageIncludes: ['GET /calls/{callId}', add403] },
    ],
  },
  {
    name: 'no 403 anywhere, but one operation left to report (the other is excepted): reported on its operation',
    document: { file: 'auth-403-documented/one-operation-without-403.oas3.yaml' },
    findings: [
      { path: 'paths./calls.get.responses', messageIncludes: ['GET /calls requires scopes (calls:read)', add403] },
    ],
  },
  {
    name: 'scopes that tell nothing (Azure): the same one scope on every operation makes none scoped, even without a 403 anywhere',
    document: { file: 'auth-403-documented/uniform-scopes.oas3.yaml' },
    findings: [],
  },
  {
    name: 'scopes that tell nothing (Google, OAS 2.0): the same alternatives, in any order, on every operation; a 403 elsewhere',
    document: { file: 'auth-403-documented/uniform-scopes.oas2.yaml' },
    findings: [],
  },
  {
    name: 'scopes that differ between reads and writes stay scoped: each operation without a 403 is reported',
    document: { file: 'auth-403-documented/read-write-scopes.oas3.yaml' },
    findings: [
      {
        path: 'paths./instances.post.responses',
        messageIncludes: ['POST /instances requires scopes (cloud-platform)', add403],
      },
      {
        path: 'paths./instances/{instanceId}.get.responses',
        messageIncludes: [
          'GET /instances/{instanceId} requires one of the scope sets (cloud-platform) or (cloud-platform.read-only) but',
          add403,
        ],
      },
      {
        path: 'paths./instances/{instanceId}.delete.responses',
        messageIncludes: ['DELETE /instances/{instanceId} requires scopes (cloud-platform)'],
      },
    ],
  },
  {
    name: 'one operation with scopes of its own among many alike: the scopes tell operations apart, every one stays scoped',
    document: {
      yaml: `
openapi: 3.1.0
info: { title: t, version: '1' }
security: [{ oauth: [calls] }]
paths:
  /calls:
    get:
      responses: { '200': { description: ok }, '403': { description: The token lacks a scope } }
  /calls/{callId}:
    get:
      responses: { '200': { description: ok } }
  /admin:
    get:
      security: [{ oauth: [calls, admin] }]
      responses: { '200': { description: ok } }
components:
  securitySchemes:
    oauth: { type: oauth2, flows: { implicit: { authorizationUrl: 'https://example.com/authorize', scopes: { calls: c, admin: a } } } }
`,
    },
    findings: [
      { path: 'paths./calls/{callId}.get.responses', messageIncludes: ['GET /calls/{callId} requires scopes (calls)'] },
      { path: 'paths./admin.get.responses', messageIncludes: ['GET /admin requires scopes (calls, admin)'] },
    ],
  },
  {
    name: 'the only operation that lists scopes (the others are secured without) is scoped: there is nothing to compare',
    document: {
      yaml: `
openapi: 3.1.0
info: { title: t, version: '1' }
security: [{ bearer: [] }]
paths:
  /calls:
    get:
      responses: { '200': { description: ok }, '403': { description: The caller may not list calls } }
  /admin:
    get:
      security: [{ oauth: [admin] }]
      responses: { '200': { description: ok } }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
    oauth: { type: oauth2, flows: { implicit: { authorizationUrl: 'https://example.com/authorize', scopes: { admin: a } } } }
`,
    },
    findings: [{ path: 'paths./admin.get.responses', messageIncludes: ['GET /admin requires scopes (admin)'] }],
  },
  {
    name: 'x-auth-exceptions with a reason silences the operation; an empty reason silences nothing',
    document: {
      yaml: `
openapi: 3.1.0
info: { title: t, version: '1' }
security: [{ oauth: [calls:read] }]
paths:
  /excepted:
    get:
      x-auth-exceptions: { auth-403-documented: "the gateway answers 403 before us" }
      security: [{ oauth: [calls:write] }]
      responses: { '200': { description: ok } }
  /empty-reason:
    get:
      x-auth-exceptions: { auth-403-documented: "" }
      responses: { '200': { description: ok }, '400': { description: malformed } }
components:
  securitySchemes:
    oauth: { type: oauth2, flows: { implicit: { authorizationUrl: 'https://example.com/authorize', scopes: { calls:read: r, calls:write: w } } } }
`,
    },
    findings: [{ path: 'paths./empty-reason.get.responses', messageIncludes: ['GET /empty-reason'] }],
  },
  {
    name: 'odd requirement shapes: entries that are not requirement objects, scopes that are not strings, repeated sets',
    document: {
      yaml: `
openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /calls/{callId}:
    get:
      security: [{ oauth: [calls:read, 7, calls:read] }, 'not a requirement', { oauth: [calls:read] }, { key: [] }]
      responses: { '200': { description: ok }, '404': { description: No such call } }
  /calls:
    get:
      security: [{ oauth: [calls:list] }]
      responses: { '200': { description: ok }, '403': { description: The token lacks calls:list } }
components:
  securitySchemes:
    oauth: { type: oauth2, flows: { implicit: { authorizationUrl: 'https://example.com/authorize', scopes: { calls:read: r, calls:list: l } } } }
    key: { type: apiKey, in: header, name: X-Key }
`,
    },
    findings: [
      {
        path: 'paths./calls/{callId}.get.responses',
        messageIncludes: ['requires one of the scope sets (calls:read) or (no scope) but'],
      },
    ],
  },
  {
    name: 'errors answered by `default` only (no 4xx code listed but 404): the document lists no status codes, no 403 is asked for',
    document: { file: 'auth-403-documented/errors-by-default.oas3.yaml' },
    findings: [],
  },
  {
    name: 'errors by `default`, one operation also lists 400: `default` is still how most operations answer, none is asked',
    document: { file: 'auth-403-documented/errors-by-default-and-400.oas3.yaml' },
    findings: [],
  },
  {
    name: '`default` on 1 of 3 operations is not the convention: the scoped operations without a 403 are reported',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /a: { get: { security: [{ oauth: [a:read] }], responses: { '200': { description: ok }, default: { description: error } } } }
  /b: { get: { security: [{ oauth: [b:read] }], responses: { '200': { description: ok }, '400': { description: malformed } } } }
  /c: { get: { security: [{ oauth: [c:read] }], responses: { '200': { description: ok } } } }
components:
  securitySchemes:
    oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://example.com/token', scopes: { a:read: a, b:read: b, c:read: c } } } }
`,
    },
    findings: [
      { path: '', messageIncludes: ['3 operations require scopes but no operation of this document documents a 403'] },
    ],
  },
  {
    name: '`default` on 3 of 5 operations is the convention: of the two without it, only the one that lists codes is reported',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /a: { get: { security: [{ oauth: [a:read] }], responses: { '200': { description: ok }, default: { description: error } } } }
  /b: { get: { security: [{ oauth: [b:read] }], responses: { '200': { description: ok }, '400': { description: malformed }, default: { description: error } } } }
  /c: { get: { security: [{ oauth: [c:read] }], responses: { '200': { description: ok }, '400': { description: malformed } } } }
  /d: { get: { security: [{ oauth: [c:read] }], responses: { '200': { description: ok }, default: { description: error } } } }
  /e: { get: { security: [{ oauth: [a:read] }], responses: { '200': { description: ok } } } }
components:
  securitySchemes:
    oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://example.com/token', scopes: { a:read: a, b:read: b, c:read: c } } } }
`,
    },
    findings: [
      { path: 'paths./c.get.responses', messageIncludes: ['GET /c requires scopes (c:read) but documents no 403'] },
    ],
  },
  {
    name: 'each scheme always asked for the same scope (a sandbox and a production server, both `payments`): not scoped, not reported',
    document: { file: 'auth-403-documented/one-scope-per-scheme.oas3.yaml' },
    findings: [],
  },
  {
    name: 'a document that documents no error at all is asked for its 401 first: no 403 is asked for',
    document: { file: 'auth-403-documented/no-errors-documented.oas3.yaml' },
    findings: [],
  },
  {
    name: 'an operation written in another file (a path item $ref) is reported in that file',
    document: { file: 'shared/path-item-in-another-file.oas3.yaml' },
    findings: [
      {
        path: 'get.responses',
        messageIncludes: ['GET /calls/{callId} requires scopes (calls:read) but documents no 403'],
        source: 'shared/path-items/call.yaml',
        line: 7,
      },
    ],
  },
]);
