import { testRule, WARN } from '../helpers/lint';

const use401 = 'speaks of an authentication failure';

testRule('auth-403-misused-for-authentication', WARN, [
  {
    name: 'OAS 3.0: authentication phrases, a fault within three words of a credential, a shared 403 once',
    document: { file: 'auth-403-misused-for-authentication/invalid.oas3.yaml' },
    findings: [
      {
        path: 'paths./missing-or-invalid.get.responses.403',
        messageIncludes: ['The 403 response of GET /missing-or-invalid', use401, '("invalid access token")', 'with 401'],
        line: 11,
      },
      { path: 'paths./three-words-apart.get.responses.403', messageIncludes: ['("missing a bearer token")'] },
      { path: 'paths./unauthenticated.get.responses.403', messageIncludes: ['("unauthenticated")'] },
      { path: 'paths./not-authenticated.get.responses.403', messageIncludes: ['("not authenticated")'] },
      { path: 'paths./authentication-is-required.get.responses.403', messageIncludes: ['("authentication is required")'] },
      { path: 'paths./not-logged-in.get.responses.403', messageIncludes: ['("not logged in")'] },
      { path: 'paths./expired-credentials.get.responses.403', messageIncludes: ['("expired credentials")'] },
      { path: 'paths./no-api-key.get.responses.403', messageIncludes: ['("no valid api key")'] },
      {
        path: 'components.responses.LoginRequired',
        messageIncludes: ['Shared response "LoginRequired" (#/components/responses/LoginRequired)', '("login required")'],
      },
    ],
  },
  {
    name: 'OAS 3.0: permission failures, "tokenized", words four apart, credential before fault, a 401 is not read',
    document: { file: 'auth-403-misused-for-authentication/valid.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 2.0: read on an unsecured operation too',
    document: { file: 'auth-403-misused-for-authentication/invalid.oas2.yaml' },
    findings: [{ path: 'paths./calls.get.responses.403', messageIncludes: ['GET /calls', '("no token")'] }],
  },
  {
    name: 'x-auth-exceptions with a reason silences the operation',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /excepted:
    get:
      x-auth-exceptions: { auth-403-misused-for-authentication: "legacy clients match on this text" }
      responses: { '200': { description: ok }, '403': { description: Invalid token } }
`,
    },
    findings: [],
  },
]);
