import { documentWithLongDescription, testRule, WARN } from '../helpers/lint';

const use401 = 'speaks of an authentication failure';

testRule('auth-403-misused-for-authentication', WARN, [
  {
    name: 'OAS 3.0: authentication phrases, a fault within three words of a credential, a shared 403 once',
    document: { file: 'auth-403-misused-for-authentication/invalid.oas3.yaml' },
    findings: [
      {
        path: 'paths./missing-or-invalid.get.responses.403',
        messageIncludes: [
          'The 403 response of GET /missing-or-invalid',
          use401,
          '("invalid access token")',
          'with 401',
        ],
        line: 11,
      },
      { path: 'paths./three-words-apart.get.responses.403', messageIncludes: ['("missing a bearer token")'] },
      { path: 'paths./unauthenticated.get.responses.403', messageIncludes: ['("unauthenticated")'] },
      { path: 'paths./not-authenticated.get.responses.403', messageIncludes: ['("not authenticated")'] },
      {
        path: 'paths./authentication-is-required.get.responses.403',
        messageIncludes: ['("authentication is required")'],
      },
      { path: 'paths./not-logged-in.get.responses.403', messageIncludes: ['("not logged in")'] },
      { path: 'paths./expired-credentials.get.responses.403', messageIncludes: ['("expired credentials")'] },
      { path: 'paths./no-api-key.get.responses.403', messageIncludes: ['("no valid api key")'] },
      {
        path: 'components.responses.LoginRequired',
        messageIncludes: [
          'Shared response "LoginRequired" (#/components/responses/LoginRequired)',
          '("login required")',
        ],
      },
    ],
  },
  {
    name: 'OAS 3.0: permission failures, "tokenized", words four apart, "token has no access", a 401 is not read',
    document: { file: 'auth-403-misused-for-authentication/valid.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 2.0: read on an unsecured operation too',
    document: { file: 'auth-403-misused-for-authentication/invalid.oas2.yaml' },
    findings: [{ path: 'paths./calls.get.responses.403', messageIncludes: ['GET /calls', '("no token")'] }],
  },
  // Contract C: secrets, incorrect/wrong/revoked, either order; "not authenticated as ..." is an identity check.
  {
    name: 'OAS 3.0: the fault before or after the credential (secrets too), incorrect, wrong, revoked, "missing from"',
    document: { file: 'auth-403-misused-for-authentication/credential-faults-either-order.oas3.yaml' },
    findings: [
      {
        path: 'paths./incorrect-or-missing.get.responses.403',
        messageIncludes: ['("credentials are incorrect")', use401, 'with 401'],
      },
      { path: 'paths./secret-missing-or-invalid.get.responses.403', messageIncludes: ['("secret is missing")'] },
      { path: 'paths./british-spelling.get.responses.403', messageIncludes: ['("credentials are incorrect")'] },
      { path: 'paths./missing-from-request.get.responses.403', messageIncludes: ['("api key is missing")'] },
      { path: 'paths./revoked.get.responses.403', messageIncludes: ['("token was revoked")'] },
      { path: 'paths./wrong-secret.get.responses.403', messageIncludes: ['("wrong client secret")'] },
      { path: 'paths./incorrect-key.get.responses.403', messageIncludes: ['("incorrect api key")'] },
      { path: 'paths./not-authenticated-then-as.get.responses.403', messageIncludes: ['("not authenticated")'] },
    ],
  },
  {
    name: 'OAS 3.0: not authenticated/logged in as someone, a token missing a scope, "secret has no access", faults six words after',
    document: { file: 'auth-403-misused-for-authentication/identity-checks-and-lacking.oas3.yaml' },
    findings: [],
  },
  // Contract D: AWS Signature Version 4 answers signature failures with 403 by design.
  {
    name: 'OAS 3.0: the 403s of SigV4-only operations (root or own security) are not read; SigV4-or-bearer is',
    document: { file: 'auth-403-misused-for-authentication/aws-sigv4.oas3.yaml' },
    findings: [{ path: 'paths./reports.get.responses.403', messageIncludes: ['GET /reports', '("invalid token")'] }],
  },
  {
    name: 'a 10,000-word "not authenticated as ..." and "token is valid ..." text says nothing of a failed login',
    document: documentWithLongDescription(
      '403',
      10_000,
      ['not', 'authenticated', 'as', 'the', 'token', 'is', 'valid'],
      'here',
    ),
    findings: [],
  },
  {
    name: 'a 10,000-word text whose last words are a credential and its fault',
    document: documentWithLongDescription(
      '403',
      10_000,
      ['not', 'authenticated', 'as', 'the', 'token', 'is', 'valid'],
      'but the secret was revoked',
    ),
    findings: [{ path: 'paths./calls.get.responses.403', messageIncludes: ['("secret was revoked")'] }],
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
  // Contract E: an unsecured credential exchange checks the credentials in its body, not HTTP authentication.
  {
    name: 'OAS 3.0: unsecured login, token, signin, a password body: not reported; secured ones and a license key: still reported',
    document: { file: 'auth-403-misused-for-authentication/credential-exchange.oas3.yaml' },
    findings: [
      {
        path: 'components.responses.BadLogin',
        messageIncludes: ['Shared response "BadLogin" (#/components/responses/BadLogin)', '("token was revoked")'],
      },
      {
        path: 'paths./auth/login.post.responses.403',
        messageIncludes: ['POST /auth/login', '("invalid access token")'],
      },
      {
        path: 'paths./oauth2/introspect/token.post.responses.403',
        messageIncludes: ['POST /oauth2/introspect/token', '("wrong client credentials")'],
      },
      {
        path: 'paths./licenses/activate.post.responses.403',
        messageIncludes: ['POST /licenses/activate', '("invalid license api key")'],
      },
    ],
  },
  // OAS 3.1 lets a reference carry a description of its own; one that does not resolve is not read at all.
  {
    name: "OAS 3.1: an unresolved 403 $ref's own description is not read (Spectral reports the $ref)",
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
        '403': { $ref: '#/components/responses/NoSuchResponse', description: Invalid access token }
  /recordings:
    get:
      responses:
        '200': { description: The recordings }
        '403': { description: Invalid access token }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
`,
    },
    findings: [
      { path: 'paths./recordings.get.responses.403', messageIncludes: ['GET /recordings', '("invalid access token")'] },
    ],
  },
  {
    name: 'OAS 2.0, no security anywhere: a form login is not reported; another operation is',
    document: { file: 'auth-403-misused-for-authentication/credential-exchange.oas2.yaml' },
    findings: [
      { path: 'paths./greenhouses.get.responses.403', messageIncludes: ['GET /greenhouses', '("no valid token")'] },
    ],
  },
]);
