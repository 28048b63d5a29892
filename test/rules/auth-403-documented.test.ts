import { testRule, WARN } from '../helpers/lint';

const add403 = 'documents no 403: add a 403 response whose body names the missing scopes';

testRule('auth-403-documented', WARN, [
  {
    name: 'OAS 3.0: scoped by the root security and by the operation; 4XX and default do not document 403',
    document: { file: 'auth-403-documented/invalid.oas3.yaml' },
    findings: [
      { path: 'paths./calls/{callId}.get.responses', messageIncludes: ['GET /calls/{callId} requires scopes (calls:read)', add403], line: 12 },
      { path: 'paths./calls/{callId}.delete.responses', messageIncludes: ['DELETE /calls/{callId} requires scopes (calls:read, calls:write)'] },
    ],
  },
  {
    name: 'OAS 3.1: a role on an http bearer scheme is a scope; an operation without responses is reported at itself',
    document: { file: 'auth-403-documented/invalid.oas31.yaml' },
    findings: [
      { path: 'paths./admin/calls.get.responses', messageIncludes: ['GET /admin/calls requires scopes (admin)', add403] },
      { path: 'paths./admin/calls/{callId}.delete', messageIncludes: ['DELETE /admin/calls/{callId}'], line: 14 },
    ],
  },
  {
    name: 'OAS 2.0: an oauth2 scope from securityDefinitions',
    document: { file: 'auth-403-documented/invalid.oas2.yaml' },
    findings: [{ path: 'paths./calls/{callId}.get.responses', messageIncludes: ['GET /calls/{callId} requires scopes (calls:read)'] }],
  },
  {
    name: 'OAS 3.1: 403 documented by a shared response; no scopes, security [], optional {}, mutualTLS, webhooks',
    document: { file: 'auth-403-documented/valid.oas31.yaml' },
    findings: [],
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
      responses: { '200': { description: ok } }
  /empty-reason:
    get:
      x-auth-exceptions: { auth-403-documented: "" }
      responses: { '200': { description: ok } }
components:
  securitySchemes:
    oauth: { type: oauth2, flows: { implicit: { authorizationUrl: 'https://example.com/authorize', scopes: { calls:read: r } } } }
`,
    },
    findings: [{ path: 'paths./empty-reason.get.responses', messageIncludes: ['GET /empty-reason'] }],
  },
]);
