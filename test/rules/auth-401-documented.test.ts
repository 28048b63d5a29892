import { ERROR, testRule } from '../helpers/lint';

const add401 = 'add a 401 response with a WWW-Authenticate header';

testRule('auth-401-documented', ERROR, [
  {
    name: 'OAS 3.0: a secured operation with 4XX and default but no 401',
    document: { file: 'auth-401-documented/invalid.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls/{callId}.get.responses',
        messageIncludes: ['GET /calls/{callId} requires authentication but documents no 401', add401, '(Bearer)', 'if it is public, say so with `security: []`'],
        line: 11,
      },
    ],
  },
  {
    name: 'OAS 3.1: a secured operation without responses is reported at the operation',
    document: { file: 'auth-401-documented/operation-without-responses.oas31.yaml' },
    findings: [{ path: 'paths./calls.post', messageIncludes: ['POST /calls requires authentication', add401, '(Bearer)'], line: 8 }],
  },
  {
    name: 'OAS 3.1: 401 documented (numeric key, $ref), security [] / [{}] / mutualTLS-only, webhooks and callbacks ignored',
    document: { file: 'auth-401-documented/valid.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 2.0: an undefined scheme name still means secured',
    document: { file: 'auth-401-documented/invalid.oas2.yaml' },
    findings: [{ path: 'paths./calls/{callId}.get.responses', messageIncludes: ['GET /calls/{callId}', add401] }],
  },
  {
    name: 'OAS 2.0 (JSON): 401 inline and as a #/responses $ref; security: [] needs none',
    document: { file: 'auth-401-documented/valid.oas2.json' },
    findings: [],
  },
  {
    name: 'x-auth-exceptions with a reason silences the rule for that operation; an empty reason silences nothing',
    document: { file: 'auth-401-documented/excepted.oas3.yaml' },
    findings: [{ path: 'paths./calls.get.responses', messageIncludes: ['GET /calls', add401] }],
  },
]);
