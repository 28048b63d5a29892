import { testRule, WARN } from '../helpers/lint';

testRule('auth-www-authenticate-scheme', WARN, [
  {
    name: 'OAS 3.0: challenges for another scheme (an undefined scheme beside a known one does not skip); shared header and shared response reported once each',
    document: { file: 'auth-www-authenticate-scheme/invalid.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls/{callId}.get.responses.401.headers.WWW-Authenticate',
        messageIncludes: [
          'The WWW-Authenticate header of the 401 of GET /calls/{callId}',
          '(basic)',
          'starts with Bearer.',
        ],
        line: 16,
      },
      {
        path: 'paths./calls/{callId}.delete.responses.401.headers.www-authenticate',
        messageIncludes: ['DELETE /calls/{callId}', '(digest)', 'starts with Bearer.'],
      },
      {
        path: 'paths./legacy.get.responses.401.headers.WWW-Authenticate',
        messageIncludes: ['GET /legacy', '(digest)', 'starts with Bearer.'],
      },
      {
        path: 'components.responses.DigestChallenge.headers.WWW-Authenticate',
        messageIncludes: [
          'Shared response "DigestChallenge" (#/components/responses/DigestChallenge)',
          'accepted by the operations that use it',
          'starts with Bearer or Basic.',
        ],
        line: 79,
      },
      {
        path: 'components.headers.BasicChallenge',
        messageIncludes: [
          'Shared header "BasicChallenge" (#/components/headers/BasicChallenge)',
          '(basic)',
          'starts with Bearer.',
        ],
        line: 73,
      },
    ],
  },
  {
    name: 'OAS 3.1: matching first tokens (any case, any value; oauth2/openIdConnect are Bearer, http uses its scheme); apiKey, only undefined schemes, no values, unsecured, callbacks and webhooks skipped',
    document: { file: 'auth-www-authenticate-scheme/valid.oas3.yaml' },
    findings: [],
  },
  {
    name: "OAS 2.0: the header's default and x-example are challenge values; basic is Basic, oauth2 is Bearer",
    document: { file: 'auth-www-authenticate-scheme/invalid.oas2.yaml' },
    findings: [
      {
        path: 'paths./calls/{callId}.get.responses.401.headers.WWW-Authenticate',
        messageIncludes: ['GET /calls/{callId}', '(bearer)', 'starts with Basic.'],
      },
      {
        path: 'paths./calls.get.responses.401.headers.WWW-Authenticate',
        messageIncludes: ['GET /calls', '(basic)', 'starts with Bearer.'],
      },
    ],
  },
  {
    name: 'OAS 2.0: enum and example match; an apiKey operation is skipped',
    document: { file: 'auth-www-authenticate-scheme/valid.oas2.yaml' },
    findings: [],
  },
  {
    name: 'x-auth-exceptions with a reason silences the operation; a blank reason silences nothing',
    document: { file: 'auth-www-authenticate-scheme/excepted.oas3.yaml' },
    findings: [{ path: 'paths./calls.get.responses.401.headers.WWW-Authenticate', messageIncludes: ['GET /calls'] }],
  },
  {
    name: "an operation's own header lists every challenge it documents; one with leading spaces names its scheme",
    document: {
      yaml: `
openapi: 3.0.3
info: { title: Calls, version: 1.0.0 }
security: [{ bearer: [] }, { basic: [] }]
paths:
  /calls:
    get:
      responses:
        '200': { description: The calls }
        '401':
          description: No valid credentials
          headers:
            WWW-Authenticate: { schema: { type: string, enum: ['Digest realm="api"', 'Negotiate'] } }
  /reports:
    get:
      responses:
        '200': { description: The reports }
        '401':
          description: No valid credentials
          headers:
            WWW-Authenticate: { schema: { type: string, example: '  Bearer realm="api"' } }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
    basic: { type: http, scheme: basic }
`,
    },
    findings: [
      {
        path: 'paths./calls.get.responses.401.headers.WWW-Authenticate',
        messageIncludes: [
          'The WWW-Authenticate header of the 401 of GET /calls documents challenges (digest, negotiate) for none of ' +
            'the schemes the operation accepts: document a challenge that starts with Bearer or Basic.',
        ],
      },
    ],
  },
  {
    name: 'an unresolved 401 $ref is not read, whatever is written beside it (Spectral reports the $ref)',
    document: {
      yaml: `
openapi: 3.1.0
info: { title: Calls, version: 1.0.0 }
security: [{ bearer: [] }]
paths:
  /calls:
    get:
      responses:
        '200': { description: The calls }
        '401':
          $ref: '#/components/responses/NoSuchResponse'
          headers:
            WWW-Authenticate: { schema: { type: string, example: 'Digest realm="api"' } }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
`,
    },
    findings: [],
  },
]);
