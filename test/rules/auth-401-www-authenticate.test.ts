import { ERROR, testRule } from '../helpers/lint';

const addHeader = 'has no WWW-Authenticate header: add one with the challenge clients must answer';
const bearer = 'WWW-Authenticate: Bearer realm="api"';
const basic = 'WWW-Authenticate: Basic realm="api"';

testRule('auth-401-www-authenticate', ERROR, [
  {
    name: 'OAS 3.0: an inline 401 and a shared 401 used three times without the header, where another 401 has it',
    document: { file: 'auth-401-www-authenticate/invalid.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls/{callId}.get.responses.401',
        messageIncludes: ['The 401 response of GET /calls/{callId}', addHeader, `(for example ${bearer})`],
        line: 14,
      },
      {
        path: 'components.responses.Unauthorized',
        messageIncludes: ['Shared response "Unauthorized" (#/components/responses/Unauthorized)', addHeader, bearer],
        line: 45,
      },
    ],
  },
  {
    name: 'OAS 3.1: lower-case header name, header $ref, shared response; callbacks, webhooks, no responses ignored',
    document: { file: 'auth-401-www-authenticate/valid.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 2.0 (JSON): an inline 401 and a shared #/responses/Unauthorized without the header, where another has it',
    document: { file: 'auth-401-www-authenticate/invalid.oas2.json' },
    findings: [
      {
        path: 'paths./calls/{callId}.get.responses.401',
        messageIncludes: ['The 401 response of GET /calls/{callId}', addHeader, basic],
      },
      {
        path: 'responses.Unauthorized',
        messageIncludes: ['Shared response "Unauthorized" (#/responses/Unauthorized)', basic],
        line: 40,
      },
    ],
  },
  {
    name: 'OAS 2.0: the header inline (numeric key) and in a shared response, in any case',
    document: { file: 'auth-401-www-authenticate/valid.oas2.yaml' },
    findings: [],
  },
  {
    name: 'a 401 $ref into another file is reported once, in that file, naming the component',
    document: { file: 'auth-401-www-authenticate/shared-response-in-another-file.oas3.yaml' },
    findings: [
      {
        path: 'Unauthorized',
        messageIncludes: ['Shared response "Unauthorized" (shared/responses.yaml#/Unauthorized)', addHeader, bearer],
        source: 'auth-401-www-authenticate/shared/responses.yaml',
        line: 4,
      },
    ],
  },
  {
    name: 'x-auth-exceptions with a reason silences the operation; an empty reason silences nothing',
    document: { file: 'auth-401-www-authenticate/excepted.oas3.yaml' },
    findings: [{ path: 'paths./calls.get.responses.401', messageIncludes: ['GET /calls', bearer] }],
  },

  // Decision 1: a convention no 401 follows is one finding for the document; a gap in it is its own.
  {
    name: 'no 401 declares the header: one finding at the root, counting a shared 401 once, leaving out excepted and unsecured ones',
    document: { file: 'auth-401-www-authenticate/no-header-anywhere.oas3.yaml' },
    findings: [
      {
        path: '',
        messageIncludes: [
          'No 401 response of the document declares a WWW-Authenticate header, and 3 need one (Unauthorized, GET /calls/{callId}, DELETE /calls/{callId})',
          `(for example ${bearer} or ${basic})`,
          '`spectral-auth-responses fix` does it',
        ],
      },
    ],
  },
  {
    name: 'OAS 2.0: no 401 declares the header, an apiKey in Authorization (Kubernetes BearerToken) and Basic: one finding',
    document: { file: 'auth-401-www-authenticate/no-header-anywhere.oas2.yaml' },
    findings: [
      {
        path: '',
        messageIncludes: ['and 2 need one (GET /calls, GET /reports)', `(for example ${bearer} or ${basic})`],
      },
    ],
  },

  // Decision 2: only where a scheme defines a challenge.
  {
    name: 'not reported: 401s of operations secured by API keys of their own header or query, unsecured, or optional',
    document: { file: 'auth-401-www-authenticate/no-challenge-scheme.oas3.yaml' },
    findings: [],
  },
  {
    name: 'reported: an apiKey in Authorization, and a shared 401 used by one Basic operation among API-key and unsecured ones',
    document: { file: 'auth-401-www-authenticate/challenge-scheme-among-others.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls/{callId}.get.responses.401',
        messageIncludes: ['The 401 response of GET /calls/{callId}', `(for example ${bearer})`],
      },
      {
        path: 'components.responses.Unauthorized',
        messageIncludes: ['Shared response "Unauthorized"', `(for example ${basic})`],
      },
    ],
  },

  // Decision 3: AWS SigV4 answers 403.
  {
    name: 'AWS SigV4 alone: not reported; SigV4 or a Cognito token (a bearer token in Authorization): reported',
    document: { file: 'auth-401-www-authenticate/aws-sigv4.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls/{callId}.get.responses.401',
        messageIncludes: ['GET /calls/{callId}', `(for example ${bearer})`],
      },
    ],
  },

  // Decision 4: the challenge of the schemes of the operations that use the 401.
  {
    name: "each message gives the challenge of its operations' schemes; a shared one, of all of them",
    document: { file: 'auth-401-www-authenticate/challenges.oas3.yaml' },
    findings: [
      { path: 'paths./basic.get.responses.401', messageIncludes: [`(for example ${basic})`] },
      {
        path: 'paths./digest.get.responses.401',
        messageIncludes: ['(for example WWW-Authenticate: Digest realm="api")'],
      },
      { path: 'paths./oidc.get.responses.401', messageIncludes: [`(for example ${bearer})`] },
      {
        path: 'components.responses.Unauthorized',
        messageIncludes: ['(for example WWW-Authenticate: Basic realm="api", Bearer realm="api")'],
      },
    ],
  },
  {
    name: 'a 401 written without a value, or as text, on a bearer operation lacks the header too (no throw)',
    document: {
      yaml: [
        'openapi: 3.0.3',
        'info: { title: Calls, version: 1.0.0 }',
        'security: [{ bearer: [] }]',
        'paths:',
        '  /calls: { get: { responses: { "401": null } } }',
        '  /recordings: { get: { responses: { "401": "Unauthorized" } } }',
        'components: { securitySchemes: { bearer: { type: http, scheme: bearer } } }',
      ].join('\n'),
    },
    findings: [{ path: '', messageIncludes: ['and 2 need one (GET /calls, GET /recordings)', bearer] }],
  },
  {
    name: "a 401 that other operations reach by $ref to one operation's own 401 is one response, named by that operation",
    document: {
      yaml: [
        'openapi: 3.0.3',
        'info: { title: Calls, version: 1.0.0 }',
        'security: [{ bearer: [] }]',
        'paths:',
        '  /calls: { get: { responses: { "200": { description: ok }, "401": { description: No valid token } } } }',
        '  /recordings: { get: { responses: { "200": { description: ok }, "401": { $ref: "#/paths/~1calls/get/responses/401" } } } }',
        '  /tags: { get: { responses: { "200": { description: ok }, "401": { $ref: "#/paths/~1calls/get/responses/401" } } } }',
        'components: { securitySchemes: { bearer: { type: http, scheme: bearer } } }',
      ].join('\n'),
    },
    findings: [
      {
        path: 'paths./calls.get.responses.401',
        messageIncludes: ['The 401 response of GET /calls has no WWW-Authenticate header', bearer],
      },
    ],
  },
  {
    name: 'an unresolved 401 $ref is not read (Spectral reports it); a scheme without a name gets no example',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: Calls, version: 1.0.0 }
security: [{ bearer: [] }]
paths:
  /calls:
    get:
      responses:
        '200': { description: The calls }
        '401': { description: No valid token, headers: { WWW-Authenticate: { schema: { type: string } } } }
  /recordings:
    get:
      responses:
        '200': { description: The recordings }
        '401': { $ref: '#/components/responses/NoSuchResponse' }
  /reports:
    get:
      security: [{ unnamed: [] }]
      responses:
        '200': { description: The reports }
        '401': { description: No valid credentials }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
    unnamed: { type: http }
`,
    },
    findings: [
      {
        path: 'paths./reports.get.responses.401',
        messageIncludes: [`The 401 response of GET /reports ${addHeader}.`],
      },
    ],
  },
  {
    name: 'no 401 declares the header, and no scheme has a name to give an example with: the finding gives none',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: Calls, version: 1.0.0 }
security: [{ unnamed: [] }]
paths:
  /calls: { get: { responses: { '200': { description: The calls }, '401': { description: No credentials } } } }
  /reports: { get: { responses: { '200': { description: The reports }, '401': { description: No credentials } } } }
components:
  securitySchemes:
    unnamed: { type: http }
`,
    },
    findings: [
      {
        path: '',
        messageIncludes: [
          'and 2 need one (GET /calls, GET /reports): add it to each, with the challenge of the schemes its ' +
            'operations accept; `spectral-auth-responses fix` does it.',
        ],
      },
    ],
  },
]);
