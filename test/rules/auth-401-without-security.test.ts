import { testRule, WARN } from '../helpers/lint';

testRule('auth-401-without-security', WARN, [
  {
    name: 'OAS 3.0: no security anywhere and three 401s: one finding for the document, with the count',
    document: { file: 'auth-401-without-security/no-security-anywhere.oas3.yaml' },
    findings: [
      {
        path: '',
        messageIncludes: [
          'The document declares no security, yet 3 operations document a 401 (GET /calls, POST /calls, GET /calls/{callId})',
          'declare how callers authenticate with `components.securitySchemes` and a root `security` requirement',
          'or, if the API takes no credentials, remove the 401s.',
        ],
      },
    ],
  },
  {
    name: 'OAS 2.0: no security anywhere and two 401s (numeric keys): one finding naming securityDefinitions',
    document: { file: 'auth-401-without-security/no-security-anywhere.oas2.yaml' },
    findings: [
      { path: '', messageIncludes: ['2 operations document a 401', '`securityDefinitions` and a root `security`'] },
    ],
  },
  {
    name: 'a single 401 without security is reported at that 401',
    document: { file: 'auth-401-without-security/one-operation-without-security.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls.get.responses.401',
        messageIncludes: [
          'GET /calls documents a 401 but no security applies to it',
          'declare its security requirement',
        ],
      },
    ],
  },
  {
    name: "OAS 3.0: security: [] in a secured document is reported at the operation's own $ref entry, not the shared response",
    document: { file: 'auth-401-without-security/security-opt-out.oas3.yaml' },
    findings: [
      {
        path: 'paths./status.get.responses.401',
        messageIncludes: [
          'GET /status documents a 401 but requires no authentication (security: [])',
          'remove the 401',
        ],
        source: 'auth-401-without-security/security-opt-out.oas3.yaml',
        line: 17,
      },
    ],
  },
  {
    name: 'OAS 3.1: none and [] are reported; secured, optional [{}], mutualTLS, undefined schemes, webhooks are not',
    document: { file: 'auth-401-without-security/mixed-security.oas31.yaml' },
    findings: [
      { path: 'paths./calls.post.responses.401', messageIncludes: ['POST /calls', 'no security applies to it'] },
      { path: 'paths./status.get.responses.401', messageIncludes: ['GET /status', '(security: [])'] },
    ],
  },
  {
    name: 'OAS 2.0 (JSON): a secured 401 and an open operation without 401',
    document: { file: 'auth-401-without-security/valid.oas2.json' },
    findings: [],
  },
  {
    name: 'x-auth-exceptions with a reason takes the operation out of the count; an empty reason silences nothing',
    document: { file: 'auth-401-without-security/excepted.oas3.yaml' },
    findings: [{ path: 'paths./calls/{callId}.get.responses.401', messageIncludes: ['GET /calls/{callId}'] }],
  },
  // Contract A: credential exchanges answer 401 legitimately (RFC 6749 §5.2).
  {
    name: 'OAS 3.0: a password (through $ref and allOf), grant_type in a form, a credential in every oneOf branch, /auth/login, /oauth/Token: not reported',
    document: { file: 'auth-401-without-security/credential-exchanges.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 2.0: a formData password, a $ref body parameter with client_secret, /v1/authenticate: not reported',
    document: { file: 'auth-401-without-security/credential-exchanges.oas2.yaml' },
    findings: [],
  },
  {
    name: 'OAS 3.1: login not last, tokens, a templated last segment, new_password, a nested password, one oneOf branch, a query password: still reported',
    document: { file: 'auth-401-without-security/not-credential-exchanges.oas31.yaml' },
    findings: [
      { path: 'paths./login/history.get.responses.401', messageIncludes: ['GET /login/history', '(security: [])'] },
      { path: 'paths./tokens.get.responses.401', messageIncludes: ['GET /tokens'] },
      { path: 'paths./relogins.get.responses.401', messageIncludes: ['GET /relogins'] },
      { path: 'paths./login/{attemptId}.get.responses.401', messageIncludes: ['GET /login/{attemptId}'] },
      { path: 'paths./users.post.responses.401', messageIncludes: ['POST /users'] },
      { path: 'paths./invitations.post.responses.401', messageIncludes: ['POST /invitations'] },
      { path: 'paths./reports.get.responses.401', messageIncludes: ['GET /reports'] },
    ],
  },
  {
    name: 'no security anywhere: a login is not counted, so the one other 401 is reported where it is',
    document: { file: 'auth-401-without-security/one-left-besides-login.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls.get.responses.401',
        messageIncludes: ['GET /calls documents a 401 but no security applies to it'],
      },
    ],
  },
  {
    name: 'OAS 3.0: a defined scheme that no operation applies is named, with the root requirement to add; /signin is not counted',
    document: { file: 'auth-401-without-security/defined-scheme-not-applied.oas3.yaml' },
    findings: [
      {
        path: '',
        messageIncludes: [
          'The document declares no security, yet 2 operations document a 401 (GET /calls, GET /calls/{callId})',
          'it defines `bearerAuth` but no operation applies it: add a root `security: [{bearerAuth: []}]`',
          'or, if the API takes no credentials, remove the 401s.',
        ],
      },
    ],
  },
  {
    name: 'OAS 2.0: two defined schemes are both named; the suggested requirement quotes a name with a space',
    document: { file: 'auth-401-without-security/defined-schemes-not-applied.oas2.yaml' },
    findings: [
      {
        path: '',
        messageIncludes: [
          'it defines `api key`, `basic` but no operation applies them',
          'add a root `security` requirement with the ones callers use (for example `security: [{"api key": []}]`)',
          'remove the 401s',
        ],
      },
    ],
  },
  {
    name: 'odd shapes in request bodies and parameters are read as nothing, not a crash',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
security: [{ bearer: [] }]
paths:
  /a:
    post:
      security: []
      parameters: { password: 1 }
      requestBody: null
      responses: { '401': { description: x } }
  /b:
    post:
      security: []
      parameters: [null, 3, { in: formData }, { name: 7, in: body }]
      requestBody: { content: { application/json: null, text/plain: { schema: null } } }
      responses: { '401': { description: x } }
  /c:
    post:
      security: []
      requestBody: { content: { application/json: { schema: { properties: null, allOf: 5, oneOf: [] } } } }
      responses: { '401': { description: x } }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
`,
    },
    findings: [
      { path: 'paths./a.post.responses.401' },
      { path: 'paths./b.post.responses.401' },
      { path: 'paths./c.post.responses.401' },
    ],
  },
]);
