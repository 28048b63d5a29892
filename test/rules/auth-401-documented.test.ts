import { ERROR, testRule } from '../helpers/lint';

testRule('auth-401-documented', ERROR, [
  {
    name: 'OAS 3.0: a secured operation without 401, and one without responses',
    document: { file: 'auth-401-documented/invalid.oas3.yaml' },
    findings: [
      { path: 'paths./calls/{callId}.get.responses', messageIncludes: ['GET /calls/{callId}', 'add a 401', '(Bearer)'] },
      { path: 'paths./calls.post', messageIncludes: ['POST /calls'] },
    ],
  },
  {
    name: 'OAS 3.1: 401 documented (numeric key), security [] / [{}] / mutualTLS-only, webhooks ignored',
    document: { file: 'auth-401-documented/valid.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 2.0: an undefined scheme name still means secured',
    document: { file: 'auth-401-documented/invalid.oas2.yaml' },
    findings: [{ path: 'paths./calls/{callId}.get.responses', messageIncludes: ['GET /calls/{callId}'] }],
  },
  {
    name: 'x-auth-exceptions with a reason silences the rule for that operation',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
security: [{ key: [] }]
paths:
  /ping:
    get:
      x-auth-exceptions: { auth-401-documented: "the gateway answers 401 before us" }
      responses: { '200': { description: ok } }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
`,
    },
    findings: [],
  },
]);
