import { testRule, WARN } from '../helpers/lint';

testRule('auth-401-without-security', WARN, [
  {
    name: 'OAS 3.0: no security anywhere and three 401s: one finding for the document, with the count',
    document: { file: 'auth-401-without-security/no-security-anywhere.oas3.yaml' },
    findings: [
      {
        path: '',
        messageIncludes: ['The document declares no security', '3 operations document a 401', 'GET /calls', '`components.securitySchemes` and a root `security`'],
      },
    ],
  },
  {
    name: 'OAS 2.0: no security anywhere and two 401s (numeric keys): one finding naming securityDefinitions',
    document: { file: 'auth-401-without-security/no-security-anywhere.oas2.yaml' },
    findings: [{ path: '', messageIncludes: ['2 operations document a 401', '`securityDefinitions` and a root `security`'] }],
  },
  {
    name: 'a single 401 without security is reported at that 401',
    document: { file: 'auth-401-without-security/one-operation-without-security.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls.get.responses.401',
        messageIncludes: ['GET /calls documents a 401 but no security applies to it', 'declare its security requirement'],
      },
    ],
  },
  {
    name: 'OAS 3.0: security: [] in a secured document is reported at the operation\'s own $ref entry, not the shared response',
    document: { file: 'auth-401-without-security/security-opt-out.oas3.yaml' },
    findings: [
      {
        path: 'paths./status.get.responses.401',
        messageIncludes: ['GET /status documents a 401 but requires no authentication (security: [])', 'remove the 401'],
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
]);
