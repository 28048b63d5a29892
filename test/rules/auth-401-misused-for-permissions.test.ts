import { documentDescribing, documentWithLongDescription, testRule, WARN } from '../helpers/lint';

const use403 = 'answer a known caller who may not do this with 403';

const TOKEN_FILLER = ['the', 'token', 'is', 'missing', 'or', 'invalid'];

/** Every phrase by which a 401 speaks of a permission failure, besides "not authorized to <verb>". */
const PERMISSION_PHRASES = [
  'permission',
  'permissions',
  'forbidden',
  'not allowed',
  'insufficient scope',
  'insufficient scopes',
  'insufficient_scope',
  'missing scope',
  'missing scopes',
  'privilege',
  'privileges',
  'not sufficiently authorized',
  'not sufficiently authorised',
  'does not have access',
  'do not have access',
  "doesn't have access",
  "don't have access",
  'no access to',
];

testRule('auth-401-misused-for-permissions', WARN, [
  {
    name: 'OAS 3.0: each permission phrase, as a whole word in any case; a shared 401 used twice is reported once',
    document: { file: 'auth-401-misused-for-permissions/invalid.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls/{callId}.get.responses.401',
        messageIncludes: ['The 401 response of GET /calls/{callId}', '("permission")', use403],
        line: 13,
      },
      {
        path: 'paths./calls/{callId}.delete.responses.401',
        messageIncludes: ['DELETE /calls/{callId}', '("forbidden")'],
      },
      {
        path: 'paths./calls/{callId}.patch.responses.401',
        messageIncludes: ['PATCH /calls/{callId}', '("not allowed")'],
      },
      {
        path: 'components.responses.Unauthorized',
        messageIncludes: [
          'Shared response "Unauthorized" (#/components/responses/Unauthorized)',
          '("permissions")',
          use403,
        ],
        line: 72,
      },
      { path: 'paths./recordings.get.responses.401', messageIncludes: ['GET /recordings', '("insufficient_scope")'] },
      { path: 'paths./recordings.post.responses.401', messageIncludes: ['POST /recordings', '("insufficient scope")'] },
      { path: 'paths./admin.get.responses.401', messageIncludes: ['GET /admin', '("privileges")'] },
      { path: 'paths./status.get.responses.401', messageIncludes: ['GET /status', '("permissions")'] },
    ],
  },
  {
    name: 'OAS 3.1: credential words only; permission words in 403, 4XX, default, longer words, callbacks, webhooks do not count',
    document: { file: 'auth-401-misused-for-permissions/valid.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 2.0: an inline 401 and a shared #/responses/Unauthorized',
    document: { file: 'auth-401-misused-for-permissions/invalid.oas2.yaml' },
    findings: [
      { path: 'paths./calls/{callId}.get.responses.401', messageIncludes: ['GET /calls/{callId}', '("permission")'] },
      {
        path: 'responses.Unauthorized',
        messageIncludes: ['Shared response "Unauthorized" (#/responses/Unauthorized)', '("forbidden")'],
        line: 26,
      },
    ],
  },
  {
    name: 'OAS 2.0: a 401 about credentials and a 403 about permissions',
    document: { file: 'auth-401-misused-for-permissions/valid.oas2.yaml' },
    findings: [],
  },
  {
    name: 'a 401 $ref into another file is reported once, in that file, naming the component',
    document: { file: 'auth-401-misused-for-permissions/shared-response-in-another-file.oas3.yaml' },
    findings: [
      {
        path: 'components.responses.Unauthorized',
        messageIncludes: [
          'Shared response "Unauthorized" (shared/responses.yaml#/components/responses/Unauthorized)',
          '("not allowed")',
        ],
        source: 'auth-401-misused-for-permissions/shared/responses.yaml',
        line: 4,
      },
    ],
  },
  {
    name: 'x-auth-exceptions with a reason silences the operation; an empty reason silences nothing',
    document: { file: 'auth-401-misused-for-permissions/excepted.oas3.yaml' },
    findings: [{ path: 'paths./calls.get.responses.401', messageIncludes: ['GET /calls'] }],
  },
  {
    name: 'each permission phrase, alone in a 401 description, is reported with that phrase',
    document: documentDescribing(
      '401',
      PERMISSION_PHRASES.map((phrase) => `Refused: ${phrase} this call.`),
    ),
    findings: PERMISSION_PHRASES.map((phrase, index) => ({
      path: `paths./${index + 1}.get.responses.401`,
      messageIncludes: [`("${phrase}")`],
    })),
  },
  {
    name: 'the British "not authorised to <verb>" beside a credential fault is the plain name of 401 too',
    document: documentDescribing('401', ['Not authorised to access this API: the token is missing or invalid.']),
    findings: [],
  },
  {
    name: 'a 10,000-word description about credentials only',
    document: documentWithLongDescription('401', 10_000, TOKEN_FILLER, 'token.'),
    findings: [],
  },
  {
    name: 'a 10,000-word description whose last words speak of a permission',
    document: documentWithLongDescription('401', 10_000, TOKEN_FILLER, 'or the caller has insufficient scope'),
    findings: [{ path: 'paths./calls.get.responses.401', messageIncludes: ['("insufficient scope")'] }],
  },
  // Contract C: "not authorized to <verb>", "not sufficiently authorized", "does not have access", "no access to".
  {
    name: "OAS 3.0: not sufficiently authorized, not authorized/authorised to <verb>, does/don't have access, no access to",
    document: { file: 'auth-401-misused-for-permissions/access-phrases.oas3.yaml' },
    findings: [
      { path: 'paths./sufficiently.get.responses.401', messageIncludes: ['("not sufficiently authorized")', use403] },
      { path: 'paths./authorized-to-access.get.responses.401', messageIncludes: ['("not authorized to access")'] },
      { path: 'paths./authorised-to-perform.post.responses.401', messageIncludes: ['("not authorised to perform")'] },
      { path: 'paths./does-not-have-access.get.responses.401', messageIncludes: ['("does not have access")'] },
      { path: 'paths./do-not-have-access.get.responses.401', messageIncludes: [`("don't have access")`] },
      { path: 'paths./no-access-to.get.responses.401', messageIncludes: ['("no access to")'] },
    ],
  },
  {
    name: 'OAS 3.0: "not authorized" alone, or followed by a reason, and "no access token" are not permission failures',
    document: { file: 'auth-401-misused-for-permissions/not-authorized-alone.oas3.yaml' },
    findings: [],
  },
  {
    name: 'a 10,000-word "not authorized not authorized ..." with no verb after "to"',
    document: documentWithLongDescription('401', 10_000, ['not', 'authorized'], 'not authorized to'),
    findings: [],
  },
  {
    name: 'a 10,000-word "not authorized not authorized ..." whose last words name a verb',
    document: documentWithLongDescription('401', 10_000, ['not', 'authorized'], 'not authorized to delete'),
    findings: [{ path: 'paths./calls.get.responses.401', messageIncludes: ['("not authorized to delete")'] }],
  },
  {
    name: 'a malformed 401 (no response object) is skipped, not a crash',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: Calls, version: 1.0.0 }
paths:
  /calls:
    get:
      responses:
        '200': { description: The calls }
        '401':
`,
    },
    findings: [],
  },
  // "Not authorized to <verb> this request", or beside a credential fault, is the plain name of 401.
  {
    name: 'OAS 3.0: not authorized/authorised to <verb> this/the request, or to <verb> beside a credential fault: not reported',
    document: { file: 'auth-401-misused-for-permissions/not-authorized-request.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 3.0: not authorized to <verb> something else, a later one after "this request", other phrases beside a fault: still reported',
    document: { file: 'auth-401-misused-for-permissions/not-authorized-request-still-reported.oas3.yaml' },
    findings: [
      {
        path: 'paths./orchards.delete.responses.401',
        messageIncludes: ['DELETE /orchards', '("not authorized to remove")', use403],
      },
      { path: 'paths./trees.get.responses.401', messageIncludes: ['GET /trees', '("not authorized to prune")'] },
      { path: 'paths./ladders.get.responses.401', messageIncludes: ['GET /ladders', '("no access to")'] },
      { path: 'paths./baskets.get.responses.401', messageIncludes: ['GET /baskets', '("permission")'] },
    ],
  },
  {
    name: 'a 10,000-word "not authorized to ... this request" text: the credential faults are not read',
    document: documentWithLongDescription(
      '401',
      10_000,
      ['not', 'authorized', 'to', 'make', 'this', 'request'],
      'this request',
    ),
    findings: [],
  },
  {
    name: 'a 10,000-word "not authorized to delete" text whose last words are a credential fault',
    document: documentWithLongDescription(
      '401',
      10_000,
      ['not', 'authorized', 'to', 'delete', 'calls'],
      'the token expired',
    ),
    findings: [],
  },
]);
