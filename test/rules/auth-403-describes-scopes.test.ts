import { testRule, WARN } from '../helpers/lint';

const scopesMissing = 'does not say which scopes are missing: add a body property such as missing_scopes';
const noBody = 'has no body: add a body schema';

testRule('auth-403-describes-scopes', WARN, [
  {
    name: 'OAS 3.0 scoped: no body, no grant property, two levels down, one oneOf branch, a plain challenge, a shared 403',
    document: { file: 'auth-403-describes-scopes/scoped-invalid.oas3.yaml' },
    findings: [
      { path: 'paths./no-body.get.responses.403', messageIncludes: ['The 403 response of GET /no-body', scopesMissing], line: 11 },
      { path: 'paths./message-only.get.responses.403', messageIncludes: ['GET /message-only'] },
      { path: 'paths./two-levels-down.get.responses.403', messageIncludes: ['GET /two-levels-down'] },
      { path: 'paths./one-branch-only.get.responses.403', messageIncludes: ['GET /one-branch-only'] },
      { path: 'paths./challenge-without-insufficient-scope.get.responses.403', messageIncludes: ['insufficient_scope'] },
      // Two operations use it; one finding, at the definition, naming the component.
      {
        path: 'components.responses.Forbidden',
        messageIncludes: ['Shared response "Forbidden" (#/components/responses/Forbidden)', scopesMissing],
        line: 91,
      },
    ],
  },
  {
    name: 'OAS 3.0 scoped: top level, one level down, allOf merged, every oneOf/anyOf branch, challenge value or description',
    document: { file: 'auth-403-describes-scopes/scoped-valid.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 3.1: const and examples-list challenges, a nullable object body; "roles" is no scope or permission',
    document: { file: 'auth-403-describes-scopes/scoped.oas31.yaml' },
    findings: [{ path: 'paths./roles-property.get.responses.403', messageIncludes: ['GET /roles-property', scopesMissing] }],
  },
  {
    name: 'OAS 3.1: the missingGrantPropertyNames option adds "role"',
    document: { file: 'auth-403-describes-scopes/scoped.oas31.yaml' },
    options: { missingGrantPropertyNames: ['Role'] },
    findings: [],
  },
  {
    name: 'OAS 2.0 scoped: the body is `schema`; the challenge may be the header x-example',
    document: { file: 'auth-403-describes-scopes/scoped.oas2.yaml' },
    findings: [{ path: 'paths./body-says-nothing.get.responses.403', messageIncludes: ['GET /body-says-nothing', scopesMissing] }],
  },
  {
    name: 'OAS 3.0 secured without scopes: any body will do; no body (a challenge alone) is reported',
    document: { file: 'auth-403-describes-scopes/unscoped.oas3.yaml' },
    findings: [
      { path: 'paths./no-body.get.responses.403', messageIncludes: ['The 403 response of GET /no-body', noBody] },
      { path: 'paths./challenge-but-no-body.get.responses.403', messageIncludes: ['GET /challenge-but-no-body', noBody] },
    ],
  },
  {
    name: 'OAS 2.0 secured without scopes: a 403 without `schema` is reported',
    document: { file: 'auth-403-describes-scopes/unscoped.oas2.yaml' },
    findings: [{ path: 'paths./no-body.get.responses.403', messageIncludes: ['GET /no-body', noBody] }],
  },
  {
    name: 'x-auth-exceptions with a reason silences the operation',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
security: [{ bearer: [] }]
paths:
  /excepted:
    get:
      x-auth-exceptions: { auth-403-describes-scopes: "the body is plain text written by the gateway" }
      responses: { '200': { description: ok }, '403': { description: Forbidden } }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
`,
    },
    findings: [],
  },
]);
