import { challengeExampleOf } from '../../src/openapi/security';
import { checkedFindingsOf, ERROR, findingsOf, testRule } from '../helpers/lint';

const add401 = 'add a 401 response with a WWW-Authenticate header';
const bearer = 'WWW-Authenticate: Bearer realm="api"';
const noChallenge = 'add a 401 response (no WWW-Authenticate challenge applies to an API key)';
const publicWayOut = 'if it is public, say so with `security: []`';
const fixDoesIt = '`spectral-auth-responses fix` does it';

testRule('auth-401-documented', ERROR, [
  {
    name: 'OAS 3.0: a secured operation with 4XX and default but no 401',
    document: { file: 'auth-401-documented/invalid.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls/{callId}.get.responses',
        messageIncludes: [
          'GET /calls/{callId} requires authentication but documents no 401',
          add401,
          `naming the scheme (${bearer})`,
          publicWayOut,
        ],
        line: 11,
      },
    ],
  },
  {
    name: 'OAS 3.1: a secured operation without responses is reported at the operation',
    document: { file: 'auth-401-documented/operation-without-responses.oas31.yaml' },
    findings: [
      { path: 'paths./calls.post', messageIncludes: ['POST /calls requires authentication', add401, bearer], line: 8 },
    ],
  },
  {
    name: 'OAS 3.1: 401 documented (numeric key, $ref), security [] / [{}] / mutualTLS-only, webhooks and callbacks ignored',
    document: { file: 'auth-401-documented/valid.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 2.0: an undefined scheme name still means secured; the message cannot name its challenge',
    document: { file: 'auth-401-documented/invalid.oas2.yaml' },
    findings: [
      {
        path: 'paths./calls/{callId}.get.responses',
        messageIncludes: ['GET /calls/{callId}', `${add401} naming how to authenticate`],
      },
    ],
  },
  {
    name: 'OAS 2.0 (JSON): 401 inline and as a #/responses $ref; security: [] needs none',
    document: { file: 'auth-401-documented/valid.oas2.json' },
    findings: [],
  },
  {
    name: 'x-auth-exceptions with a reason silences the rule for that operation; an empty reason silences nothing',
    document: { file: 'auth-401-documented/excepted.oas3.yaml' },
    findings: [{ path: 'paths./calls.get.responses', messageIncludes: ['GET /calls', noChallenge] }],
  },

  // Decision 1: a convention no operation follows is one finding for the document; a gap in it is its own.
  {
    name: 'no operation documents 401 and four lack it: one finding at the root, with the count, examples and the fix',
    document: { file: 'auth-401-documented/no-401-anywhere.oas3.yaml' },
    findings: [
      {
        path: '',
        messageIncludes: [
          'No operation documents a 401, yet 4 operations require authentication (GET /calls, POST /calls, GET /calls/{callId} and 1 more)',
          'add one shared 401 response to `components.responses` with a WWW-Authenticate header naming the scheme',
          bearer,
          'and reference it from each operation',
          fixDoesIt,
        ],
      },
    ],
  },
  {
    name: 'OAS 2.0: the shared 401 goes to `responses`, and names the challenge of every scheme (apiKey in Authorization as Bearer)',
    document: { file: 'auth-401-documented/no-401-anywhere.oas2.yaml' },
    findings: [
      {
        path: '',
        messageIncludes: [
          '2 operations require authentication (GET /calls, GET /reports)',
          'add one shared 401 response to the root `responses`',
          'naming the schemes (WWW-Authenticate: Bearer realm="api", Basic realm="api")',
        ],
      },
    ],
  },
  {
    name: 'one operation documents 401: each operation lacking it is reported on its own',
    document: { file: 'auth-401-documented/one-operation-documents-401.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls.post.responses',
        messageIncludes: ['POST /calls requires authentication but documents no 401', bearer],
      },
      {
        path: 'paths./calls/{callId}.get.responses',
        messageIncludes: ['GET /calls/{callId} requires authentication', bearer],
      },
    ],
  },
  {
    name: "an excepted operation's 401 still shows the convention: the others are reported on their own",
    document: { file: 'auth-401-documented/excepted-operation-documents-401.oas3.yaml' },
    findings: [
      { path: 'paths./calls.get.responses', messageIncludes: ['GET /calls requires authentication', bearer] },
      { path: 'paths./calls.post.responses', messageIncludes: ['POST /calls requires authentication', bearer] },
    ],
  },

  // Decision 2: API keys of their own header still need a 401, without a challenge.
  {
    name: 'an API key of its own header: a 401 without a challenge; the same key or Basic: the Basic challenge',
    document: { file: 'auth-401-documented/api-key-only.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls.post.responses',
        messageIncludes: ['POST /calls requires authentication', noChallenge, publicWayOut],
      },
      {
        path: 'paths./reports.get.responses',
        messageIncludes: ['GET /reports', 'WWW-Authenticate: Basic realm="api"'],
      },
    ],
  },
  {
    name: 'OAS 2.0: API keys in a query parameter and no 401 anywhere: one finding, asking for a 401 without a challenge',
    document: { file: 'auth-401-documented/api-key-no-401-anywhere.oas2.yaml' },
    findings: [
      {
        path: '',
        messageIncludes: [
          '2 operations require authentication (GET /calls, GET /reports)',
          'add one shared 401 response to the root `responses` (no WWW-Authenticate challenge applies to an API key)',
        ],
      },
    ],
  },
  {
    name: 'no 401 anywhere, an API key of its own header beside an undefined scheme: the 401 names how to authenticate',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: Calls, version: 1.0.0 }
paths:
  /calls:
    get:
      security: [{ key: [] }]
      responses: { '200': { description: The calls } }
  /reports:
    get:
      security: [{ partner: [] }]
      responses: { '200': { description: The reports } }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-API-Key }
`,
    },
    findings: [
      {
        path: '',
        messageIncludes: [
          '2 operations require authentication (GET /calls, GET /reports)',
          'add one shared 401 response to `components.responses` with a WWW-Authenticate header naming how to ' +
            'authenticate,',
        ],
      },
    ],
  },
  {
    name: 'an operation written in another file (a path item $ref) is reported in that file',
    document: { file: 'shared/path-item-in-another-file.oas3.yaml' },
    findings: [
      {
        path: 'get.responses',
        messageIncludes: ['GET /calls/{callId} requires authentication but documents no 401'],
        source: 'shared/path-items/call.yaml',
        line: 7,
      },
    ],
  },

  // Decision 3: AWS SigV4 answers 403.
  {
    name: 'AWS SigV4 alone is not asked for a 401 (nor counted); SigV4 or a Cognito token is, with the Bearer challenge',
    document: { file: 'auth-401-documented/aws-sigv4.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls/{callId}.get.responses',
        messageIncludes: ['GET /calls/{callId} requires authentication', bearer],
      },
    ],
  },

  // Decision 4: the challenge of the operation's own scheme.
  {
    name: "each message gives the challenge of the operation's scheme(s)",
    document: { file: 'auth-401-documented/challenges.oas3.yaml' },
    findings: [
      {
        path: 'paths./basic.get.responses',
        messageIncludes: ['naming the scheme (WWW-Authenticate: Basic realm="api")'],
      },
      { path: 'paths./digest.get.responses', messageIncludes: ['(WWW-Authenticate: Digest realm="api")'] },
      { path: 'paths./oauth.get.responses', messageIncludes: [`(${bearer})`] },
      { path: 'paths./oidc.get.responses', messageIncludes: [`(${bearer})`] },
      {
        path: 'paths./basic-or-bearer.get.responses',
        messageIncludes: ['naming the schemes (WWW-Authenticate: Basic realm="api", Bearer realm="api")'],
      },
      { path: 'paths./authorization-key.get.responses', messageIncludes: ['(WWW-Authenticate: Basic realm="api")'] },
      { path: 'paths./token-key.get.responses', messageIncludes: ['(WWW-Authenticate: Token realm="api")'] },
    ],
  },
  {
    name: 'errors answered by `default` only (no 4xx code listed but 404): the document lists no status codes, none is asked for',
    document: { file: 'auth-401-documented/errors-by-default.oas3.yaml' },
    findings: [],
  },
  {
    name: 'errors by `default`, but one operation lists 400: the document lists codes, its gaps are reported',
    document: { file: 'auth-401-documented/errors-by-default-and-400.oas3.yaml' },
    findings: [
      { path: '', messageIncludes: ['No operation documents a 401, yet 2 operations require authentication'] },
    ],
  },
  {
    name: 'every error under a code HTTP does not define (480, 481): the document maps no error to a status, none is asked for',
    document: { file: 'auth-401-documented/errors-without-http-codes.oas3.yaml' },
    findings: [],
  },
  {
    name: 'codes HTTP does not define beside one it does (500): the document maps errors to statuses, its gaps are reported',
    document: { file: 'auth-401-documented/errors-with-one-http-code.oas3.yaml' },
    findings: [
      { path: '', messageIncludes: ['No operation documents a 401, yet 2 operations require authentication'] },
    ],
  },
]);

test('an operation secured only by an API key of its own header is not asked for a WWW-Authenticate header', async () => {
  const findings = await findingsOf('auth-401-documented', { file: 'auth-401-documented/api-key-only.oas3.yaml' });
  const post = findings.find((finding) => finding.path === 'paths./calls.post.responses')!;
  expect(post.message).not.toContain('with a WWW-Authenticate header');
});

describe('the challenge example for a scheme (src/openapi/security.ts)', () => {
  test.each([
    [{ type: 'http', scheme: 'basic' }, 'Basic realm="api"'],
    [{ type: 'http', scheme: 'BEARER' }, 'Bearer realm="api"'],
    [{ type: 'http', scheme: 'custom' }, 'custom realm="api"'],
    [{ type: 'basic' }, 'Basic realm="api"'],
    [{ type: 'oauth2' }, 'Bearer realm="api"'],
    [{ type: 'openIdConnect' }, 'Bearer realm="api"'],
    [
      { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Bearer-token authentication' },
      'Bearer realm="api"',
    ],
    [
      { type: 'apiKey', in: 'header', name: 'authorization', description: 'An OAuth 2.0 token, or Basic credentials' },
      'Basic realm="api"',
    ],
    // A scheme the vendor made up, shown before a placeholder, is the one its challenge names.
    [{ type: 'apiKey', in: 'header', name: 'Authorization', description: 'Token <key>' }, 'Token realm="api"'],
    [
      { type: 'apiKey', in: 'header', name: 'Authorization', description: 'API Key - NetworkInsight {token}' },
      'NetworkInsight realm="api"',
    ],
    [
      { type: 'apiKey', in: 'header', name: 'Authorization', description: 'send the key {key} as it is' },
      'Bearer realm="api"',
    ],
    [{ type: 'apiKey', in: 'header', name: 'Authorization', description: 42 }, 'Bearer realm="api"'],
  ])('%j → %s', (scheme, example) => {
    expect(challengeExampleOf(scheme)).toBe(example);
  });

  test.each([
    { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    { type: 'apiKey', in: 'query', name: 'Authorization' },
    { type: 'apiKey', in: 'header', name: 'Authorization', 'x-amazon-apigateway-authtype': 'awsSigv4' },
    { type: 'mutualTLS' },
    { type: 'http' },
    null,
    'bearer',
    [],
  ])('%j has none', (scheme) => {
    expect(challengeExampleOf(scheme)).toBeUndefined();
  });
});

// `fix` repairs each operation a document-level finding stands for: the finding is at the root and lists them.
test('the document-level finding is at the root and covers the responses of each operation that lacks a 401', async () => {
  const findings = await checkedFindingsOf('auth-401-documented', {
    file: 'auth-401-documented/no-401-anywhere.oas3.yaml',
  });
  expect(findings.map((finding) => ({ path: finding.path, covers: finding.covers }))).toEqual([
    {
      path: [],
      covers: [
        ['paths', '/calls', 'get', 'responses'],
        ['paths', '/calls', 'post', 'responses'],
        ['paths', '/calls/{callId}', 'get', 'responses'],
        ['paths', '/calls/{callId}', 'delete', 'responses'],
      ],
    },
  ]);
});
