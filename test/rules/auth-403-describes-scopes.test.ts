import { documentDescribing, testRule, WARN } from '../helpers/lint';

const scopesMissing =
  'add a body property such as missing_scopes, or a WWW-Authenticate challenge with error="insufficient_scope"';
const requires = (scopes: string) => `does not say which scopes are missing (the operation requires ${scopes}): `;
const noBody = 'has no body, while other error responses of this document have one';
const addBody = 'add a body schema that tells the caller which permission it lacks';

/** Words by which a 403's description says it refuses for state or a limit: there is no grant to name. */
const STATE_OR_LIMIT_WORDS = [
  'maximum',
  'limit',
  'limits',
  'reached',
  'exceeded',
  'quota',
  'immutable',
  'locked',
  'not confirmed',
  'pending',
  'not yet',
  'yet',
];
/** Words by which it speaks of a permission after all. */
const PERMISSION_WORDS = [
  'permission',
  'permissions',
  'access',
  'scope',
  'scopes',
  'authorized',
  'authorised',
  'authorization',
  'allowed',
  'role',
  'roles',
  'privilege',
];

const BEARER = {
  head: 'security: [{ bearer: [] }]',
  tail: 'components: { securitySchemes: { bearer: { type: http, scheme: bearer } } }',
};
/** An operation whose other error, a 404, has a body: the document writes error bodies. */
const NOT_FOUND_WITH_BODY = `
  /calls/{callId}:
    get:
      parameters: [{ name: callId, in: path, required: true, schema: { type: string } }]
      responses:
        '200': { description: The call }
        '404': { description: No such call, content: { application/json: { schema: { type: object } } } }`;

/** Bearer-secured operations (no scopes) whose 403s, one per text, have no body, where the 404 has one. */
const bodiless403s = (texts: string[]) => documentDescribing('403', texts, { ...BEARER, paths: NOT_FOUND_WITH_BODY });

testRule('auth-403-describes-scopes', WARN, [
  {
    name: 'OAS 3.0 scoped: no body (other errors have one), no grant property, two levels down, one oneOf branch, a plain challenge, alternatives, a shared 403',
    document: { file: 'auth-403-describes-scopes/scoped-invalid.oas3.yaml' },
    findings: [
      {
        path: 'paths./no-body.get.responses.403',
        messageIncludes: ['The 403 response of GET /no-body', requires('scopes (calls:read)'), scopesMissing],
        line: 13,
      },
      { path: 'paths./message-only.get.responses.403', messageIncludes: ['GET /message-only'] },
      { path: 'paths./two-levels-down.get.responses.403', messageIncludes: ['GET /two-levels-down'] },
      { path: 'paths./one-branch-only.get.responses.403', messageIncludes: ['GET /one-branch-only'] },
      {
        path: 'paths./challenge-without-insufficient-scope.get.responses.403',
        messageIncludes: ['insufficient_scope'],
      },
      {
        path: 'paths./alternatives.get.responses.403',
        messageIncludes: ['GET /alternatives', requires('one of the scope sets (calls:read, calls:export) or (admin)')],
      },
      // Two operations use it; one finding, at the definition, naming the component (and no one operation's scopes).
      {
        path: 'components.responses.Forbidden',
        messageIncludes: [
          'Shared response "Forbidden" (#/components/responses/Forbidden) does not say which scopes are missing: add',
          scopesMissing,
        ],
        line: 106,
      },
    ],
  },
  {
    name: 'OAS 3.0 scoped: top level, one level down, allOf merged, every oneOf/anyOf branch, challenge value or description',
    document: { file: 'auth-403-describes-scopes/scoped-valid.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 3.0: a shared body schema is reported once, at its definition, counting every operation whose 403 it is',
    document: { file: 'auth-403-describes-scopes/shared-body-schema.oas3.yaml' },
    findings: [
      {
        path: 'components.schemas.Error',
        messageIncludes: [
          'Shared schema "Error" (#/components/schemas/Error), the 403 body of 6 operations (GET /calls, GET /calls/{callId}, DELETE /calls/{callId} and 3 more), does not say which scopes are missing',
          'add a property such as missing_scopes to it, or a WWW-Authenticate challenge with error="insufficient_scope" to those 403 responses',
        ],
        line: 90,
      },
      {
        path: 'paths./mixed.get.responses.403',
        messageIncludes: ['The 403 response of GET /mixed', requires('scopes (calls:read)')],
      },
    ],
  },
  {
    name: 'OAS 3.0: a shared body schema in another file is reported there, once',
    document: { file: 'auth-403-describes-scopes/shared-body-schema-in-another-file.oas3.yaml' },
    findings: [
      {
        path: 'Error',
        messageIncludes: [
          'Shared schema "Error" (shared/schemas.yaml#/Error), the 403 body of 2 operations (GET /calls, GET /calls/{callId})',
        ],
        source: 'auth-403-describes-scopes/shared/schemas.yaml',
        line: 2,
      },
    ],
  },
  {
    name: 'OAS 3.1: const and examples-list challenges, a nullable object body; "roles" is no scope or permission',
    document: { file: 'auth-403-describes-scopes/scoped.oas31.yaml' },
    findings: [
      {
        path: 'paths./roles-property.get.responses.403',
        messageIncludes: ['GET /roles-property', requires('scopes (admin)'), scopesMissing],
      },
    ],
  },
  {
    name: 'OAS 3.1: the missingGrantPropertyNames option adds "role"',
    document: { file: 'auth-403-describes-scopes/scoped.oas31.yaml' },
    options: { missingGrantPropertyNames: ['Role'] },
    findings: [],
  },
  {
    name: 'OAS 2.0 scoped: the body is `schema`, here a shared definition; the challenge may be the header x-example',
    document: { file: 'auth-403-describes-scopes/scoped.oas2.yaml' },
    findings: [
      {
        path: 'definitions.Error',
        messageIncludes: [
          'Shared schema "Error" (#/definitions/Error), the 403 body of 1 operation (GET /body-says-nothing), does not say which scopes',
        ],
      },
    ],
  },
  {
    name: 'OAS 3.0 secured without scopes: any body will do; no body (a challenge alone) is reported when other errors have one',
    document: { file: 'auth-403-describes-scopes/unscoped.oas3.yaml' },
    findings: [
      {
        path: 'paths./no-body.get.responses.403',
        messageIncludes: [
          'The 403 response of GET /no-body',
          noBody,
          '(2 of the 2 4xx responses other than 400, 403 and 422, such as the 401 response of GET /no-body)',
          addBody,
        ],
      },
      {
        path: 'paths./challenge-but-no-body.get.responses.403',
        messageIncludes: ['GET /challenge-but-no-body', noBody],
      },
    ],
  },
  {
    name: 'OAS 2.0 secured without scopes: a 403 without `schema` is reported when another 4xx has one',
    document: { file: 'auth-403-describes-scopes/unscoped.oas2.yaml' },
    findings: [
      {
        path: 'paths./no-body.get.responses.403',
        messageIncludes: [
          'GET /no-body',
          noBody,
          '(1 of the 1 4xx responses',
          'the 404 response of GET /any-body',
          addBody,
        ],
      },
    ],
  },
  {
    name: 'OAS 3.0 secured without scopes: no 4xx of the document has a body, so a 403 without one is not reported',
    document: { file: 'auth-403-describes-scopes/no-error-bodies.oas3.yaml' },
    findings: [],
  },
  {
    name: 'scopes that tell nothing (Azure): one scope on every operation makes none scoped, so any 403 body will do',
    document: { file: 'auth-403-describes-scopes/uniform-scopes.oas3.yaml' },
    findings: [],
  },
  {
    name: 'scopes that differ between reads and writes stay scoped: the same 403 bodies are reported',
    document: { file: 'auth-403-describes-scopes/read-write-scopes.oas3.yaml' },
    findings: [
      {
        path: 'components.schemas.CloudError',
        messageIncludes: [
          'Shared schema "CloudError" (#/components/schemas/CloudError), the 403 body of 2 operations (GET /vaults, GET /vaults/{vaultName})',
        ],
      },
      {
        path: 'paths./vaults/{vaultName}.delete.responses.403',
        messageIncludes: ['DELETE /vaults/{vaultName}', requires('scopes (vaults.manage)')],
      },
    ],
  },
  {
    name: 'fewer than half of the other 4xx have a body (400, 422 and 4XX aside, a shared one counted once): no bodiless 403 is reported',
    document: { file: 'auth-403-describes-scopes/error-bodies-minority.oas3.yaml' },
    findings: [],
  },
  {
    name: 'half of the other 4xx have a body (a shared one counted once): bodiless 403s are reported, scoped or not',
    document: { file: 'auth-403-describes-scopes/error-bodies-convention.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls.get.responses.403',
        messageIncludes: ['The 403 response of GET /calls', requires('scopes (calls:read)'), scopesMissing],
      },
      {
        path: 'paths./calls.post.responses.403',
        messageIncludes: ['The 403 response of POST /calls', requires('scopes (calls:write)')],
      },
      {
        path: 'paths./calls/{callId}.delete.responses.403',
        messageIncludes: [
          'The 403 response of DELETE /calls/{callId}',
          noBody,
          '(1 of the 2 4xx responses other than 400, 403 and 422, such as the 404 response of GET /calls/{callId})',
          addBody,
        ],
      },
    ],
  },
  {
    name: 'a 403 whose description speaks of state or a limit, and not of a permission, is not reported; one that speaks of both is',
    document: { file: 'auth-403-describes-scopes/state-or-limit.oas3.yaml' },
    findings: [
      {
        path: 'paths./webhooks/{webhookId}/pings.post.responses.403',
        messageIncludes: ['POST /webhooks/{webhookId}/pings', requires('scopes (webhooks:write)')],
      },
      {
        path: 'paths./webhooks/{webhookId}/deliveries.get.responses.403',
        messageIncludes: ['GET /webhooks/{webhookId}/deliveries', requires('scopes (webhooks:read)')],
      },
    ],
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
  /other:
    get:
      responses: { '200': { description: ok }, '404': { description: Gone, content: { application/json: { schema: { type: object } } } } }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
`,
    },
    findings: [],
  },
  {
    name: 'a body schema reference that leads nowhere is reported at the 403; odd content shapes do not fail the rule',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
security: [{ oauth: [calls:read] }]
paths:
  /broken:
    get:
      responses:
        '200': { description: ok }
        '403': { description: Forbidden, content: { application/json: { schema: { $ref: '#/components/schemas/Missing' } } } }
  /odd:
    get:
      security: [{ oauth: [calls:read, calls:write] }]
      responses:
        '200': { description: ok }
        '403': { description: Forbidden, content: { application/json: null, text/plain: { schema: null } } }
components:
  securitySchemes:
    oauth: { type: oauth2, flows: { implicit: { authorizationUrl: 'https://example.com/authorize', scopes: { calls:read: r, calls:write: w } } } }
`,
    },
    findings: [
      // The reference leads nowhere, so there is no definition to report on: the 403 is reported where it is.
      {
        path: 'paths./broken.get.responses.403',
        messageIncludes: ['The 403 response of GET /broken', requires('scopes (calls:read)')],
      },
      {
        path: 'paths./odd.get.responses.403',
        messageIncludes: ['The 403 response of GET /odd', requires('scopes (calls:read, calls:write)')],
      },
    ],
  },
  {
    name: "each state or limit word, alone in a bodiless 403's description, leaves nothing to name; no word does",
    document: bodiless403s([...STATE_OR_LIMIT_WORDS, 'nothing'].map((word) => `Refused: ${word}.`)),
    findings: [
      { path: `paths./${STATE_OR_LIMIT_WORDS.length + 1}.get.responses.403`, messageIncludes: [noBody, addBody] },
    ],
  },
  {
    name: 'a limit beside each permission word is a refusal for a permission after all: reported',
    document: bodiless403s(PERMISSION_WORDS.map((word) => `Refused: limit or ${word}.`)),
    findings: PERMISSION_WORDS.map((_, index) => ({
      path: `paths./${index + 1}.get.responses.403`,
      messageIncludes: [noBody],
    })),
  },
  {
    name: 'a document whose only 4xx are 403s writes no error bodies: a bodiless 403 is not asked for one',
    document: documentDescribing('403', ['Refused.'], BEARER),
    findings: [],
  },
  {
    name: 'two shared 4xx responses count as two; a response extension that ends like a code (x-example-409) is none',
    document: documentDescribing('403', ['Refused.'], {
      head: BEARER.head,
      paths: `
  /calls/{callId}:
    get:
      parameters: [{ name: callId, in: path, required: true, schema: { type: string } }]
      responses:
        '200': { description: The call }
        '404': { $ref: '#/components/responses/NotFound' }
        x-example-409: { description: Not a response, content: { application/json: { schema: { type: object } } } }
    put:
      parameters: [{ name: callId, in: path, required: true, schema: { type: string } }]
      responses:
        '200': { description: Changed }
        '409': { $ref: '#/components/responses/Conflict' }`,
      tail: `
components:
  securitySchemes: { bearer: { type: http, scheme: bearer } }
  responses:
    NotFound: { description: No such call, content: { application/json: { schema: { type: object } } } }
    Conflict: { description: Changed meanwhile }`,
    }),
    findings: [
      {
        path: 'paths./1.get.responses.403',
        messageIncludes: [
          '(1 of the 2 4xx responses other than 400, 403 and 422, such as the 404 response of GET /calls/{callId})',
        ],
      },
    ],
  },
  {
    name: 'a bodiless 403 with an insufficient_scope challenge (value or description) names what is missing',
    document: { file: 'auth-403-describes-scopes/insufficient-scope-challenge.oas3.yaml' },
    findings: [
      {
        path: 'paths./plain-challenge.get.responses.403',
        messageIncludes: ['The 403 response of GET /plain-challenge', requires('scopes (calls:read)'), scopesMissing],
      },
    ],
  },
  {
    name: 'a 403 $ref that does not resolve is not read (Spectral reports the reference)',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: Calls, version: 1.0.0 }
security: [{ oauth: [calls:read] }]
paths:
  /calls:
    get:
      responses:
        '200': { description: The calls }
        '403': { $ref: '#/components/responses/NoSuchResponse' }${NOT_FOUND_WITH_BODY}
    delete:
      security: [{ oauth: [calls:write] }]
      parameters: [{ name: callId, in: path, required: true, schema: { type: string } }]
      responses:
        '204': { description: Deleted }
        '403':
          description: Lacks calls:write
          content: { application/json: { schema: { properties: { missing_scopes: {} } } } }
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows: { implicit: { authorizationUrl: 'https://example.com/a', scopes: { calls:read: r, calls:write: w } } }
`,
    },
    findings: [],
  },
  {
    name: "a path item in another file holds the operation's own 403: reported there, naming the scopes required",
    document: { file: 'auth-403-describes-scopes/path-item-in-another-file.oas3.yaml' },
    findings: [
      {
        path: 'get.responses.403',
        messageIncludes: ['The 403 response of GET /calls/{callId}', requires('scopes (calls:read)')],
        source: 'auth-403-describes-scopes/shared/call-path-item.yaml',
      },
    ],
  },
]);
