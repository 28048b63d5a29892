import { testRule, WARN } from '../helpers/lint';

const add404 = 'documents no 404: add a 404 for items that do not exist or are not visible to the caller';

testRule('auth-404-protected-item', WARN, [
  {
    name: 'OAS 3.0: /calls/{callId}, nested /users/{phoneNumber}/calls, /files/{name}.json; 4XX and default do not count',
    document: { file: 'auth-404-protected-item/invalid.oas3.yaml' },
    findings: [
      { path: 'paths./calls/{callId}.get.responses', messageIncludes: ['GET /calls/{callId}', add404], line: 11 },
      { path: 'paths./calls/{callId}.delete.responses', messageIncludes: ['DELETE /calls/{callId}'] },
      { path: 'paths./users/{phoneNumber}/calls.get.responses', messageIncludes: ['GET /users/{phoneNumber}/calls'] },
      { path: 'paths./files/{name}.json.get.responses', messageIncludes: ['GET /files/{name}.json'] },
    ],
  },
  {
    name: 'OAS 2.0: secured by the root basic scheme',
    document: { file: 'auth-404-protected-item/invalid.oas2.yaml' },
    findings: [{ path: 'paths./calls/{callId}.get.responses', messageIncludes: ['GET /calls/{callId}', add404] }],
  },
  {
    name: 'OAS 3.1: an operation without responses is reported at itself',
    document: { file: 'auth-404-protected-item/invalid.oas31.yaml' },
    findings: [{ path: 'paths./calls/{callId}.delete', messageIncludes: ['DELETE /calls/{callId}'], line: 6 }],
  },
  {
    name: 'OAS 3.1: 404 inline or shared; not secured ([], optional {}, mutualTLS); not an item path; webhooks',
    document: { file: 'auth-404-protected-item/valid.oas31.yaml' },
    findings: [],
  },
  {
    name: 'x-auth-exceptions with a reason silences the operation',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
security: [{ bearer: [] }]
paths:
  /links/{token}:
    get:
      x-auth-exceptions: { auth-404-protected-item: "an expired link answers 410" }
      parameters: [{ name: token, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
`,
    },
    findings: [],
  },
]);
