import { ERROR, testRule } from '../helpers/lint';

const addHeader = 'has no WWW-Authenticate header: add one';

testRule('auth-401-www-authenticate', ERROR, [
  {
    name: 'OAS 3.0: inline 401s (secured or not) without the header; a shared 401 used three times is reported once',
    document: { file: 'auth-401-www-authenticate/invalid.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls/{callId}.get.responses.401',
        messageIncludes: ['The 401 response of GET /calls/{callId}', addHeader],
        line: 13,
      },
      { path: 'paths./status.get.responses.401', messageIncludes: ['The 401 response of GET /status', addHeader] },
      {
        path: 'components.responses.Unauthorized',
        messageIncludes: ['Shared response "Unauthorized" (#/components/responses/Unauthorized)', addHeader],
        line: 42,
      },
    ],
  },
  {
    name: 'OAS 3.1: lower-case header name, header $ref, shared response; callbacks, webhooks, no responses ignored',
    document: { file: 'auth-401-www-authenticate/valid.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 2.0 (JSON): an inline 401 and a shared #/responses/Unauthorized without the header',
    document: { file: 'auth-401-www-authenticate/invalid.oas2.json' },
    findings: [
      { path: 'paths./calls/{callId}.get.responses.401', messageIncludes: ['The 401 response of GET /calls/{callId}', addHeader] },
      { path: 'responses.Unauthorized', messageIncludes: ['Shared response "Unauthorized" (#/responses/Unauthorized)'], line: 32 },
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
        messageIncludes: ['Shared response "Unauthorized" (shared/responses.yaml#/Unauthorized)', addHeader],
        source: 'auth-401-www-authenticate/shared/responses.yaml',
        line: 4,
      },
    ],
  },
  {
    name: 'x-auth-exceptions with a reason silences the operation; an empty reason silences nothing',
    document: { file: 'auth-401-www-authenticate/excepted.oas3.yaml' },
    findings: [{ path: 'paths./calls.get.responses.401', messageIncludes: ['GET /calls'] }],
  },
]);
