import { documentDescribing, testRule, WARN } from '../helpers/lint';

const remove404 =
  'lists a collection, which never 404s (no visible members is 200 with an empty list): remove the 404 response if it is ' +
  'boilerplate; if the API really answers 404 when the list is empty, answer 200 with an empty list instead; if it ' +
  "answers 404 to callers who may not list this collection, say so in the 404's description (better: answer 403).";

/** Every word by which a listing's 404 says it is about access: then it documents a design, and is not reported. */
const ACCESS_WORDS = [
  'permission',
  'permissions',
  'scope',
  'scopes',
  'authorized',
  'authorised',
  'authorization',
  'access',
  'token',
  'allowed',
];

/** A listing's success: an array of members. */
const ARRAY_BODY = '{ description: OK, content: { application/json: { schema: { type: array, items: {} } } } }';

testRule('auth-no-404-collection', WARN, [
  {
    name: 'OAS 3.0: array body, envelopes, a property named like the segment, allOf, 2XX, first 2xx; shared 404s',
    document: { file: 'auth-no-404-collection/invalid.oas3.yaml' },
    findings: [
      { path: 'paths./calls.get.responses.404', messageIncludes: ['GET /calls', remove404], line: 14 },
      // A shared 404 is reported at each operation's own `404` entry (the line to delete), once per operation.
      {
        path: 'paths./recordings.get.responses.404',
        messageIncludes: ['GET /recordings', remove404],
        source: 'auth-no-404-collection/invalid.oas3.yaml',
        line: 28,
      },
      {
        path: 'paths./teams.get.responses.404',
        messageIncludes: ['GET /teams'],
        source: 'auth-no-404-collection/invalid.oas3.yaml',
        line: 41,
      },
      // Shared from another file: still reported here, not in shared/responses.yaml.
      {
        path: 'paths./v1/invoices.get.responses.404',
        messageIncludes: ['GET /v1/invoices'],
        source: 'auth-no-404-collection/invalid.oas3.yaml',
        line: 56,
      },
      { path: 'paths./reports.get.responses.404', messageIncludes: ['GET /reports'] },
      { path: 'paths./exports.get.responses.404', messageIncludes: ['GET /exports'] },
    ],
  },
  {
    name: 'OAS 3.0: nested and item paths, not a get, not a listing, 200 before 2XX, the first 2xx, no 404',
    document: { file: 'auth-no-404-collection/valid.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 2.0: the body is `schema`; shared #/responses/NotFound; a nested listing may 404',
    document: { file: 'auth-no-404-collection/invalid.oas2.yaml' },
    findings: [
      { path: 'paths./calls.get.responses.404', messageIncludes: ['GET /calls', remove404], line: 11 },
      { path: 'paths./recordings.get.responses.404', messageIncludes: ['GET /recordings'], line: 21 },
    ],
  },
  {
    name: 'OAS 3.1: type lists that include array',
    document: { file: 'auth-no-404-collection/invalid.oas31.yaml' },
    findings: [
      { path: 'paths./calls.get.responses.404', messageIncludes: ['GET /calls'] },
      { path: 'paths./recordings.get.responses.404', messageIncludes: ['GET /recordings'] },
    ],
  },
  {
    name: 'x-auth-exceptions with a reason silences the operation; an empty reason silences nothing',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /calls:
    get:
      x-auth-exceptions: { auth-no-404-collection: "v1 clients rely on it; removed in v2" }
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array } } } }
        '404': { description: none }
  /recordings:
    get:
      x-auth-exceptions: { auth-no-404-collection: "  " }
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array } } } }
        '404': { description: none }
`,
    },
    findings: [{ path: 'paths./recordings.get.responses.404', messageIncludes: ['GET /recordings'] }],
  },
  // Contract B: a get with a required query parameter is a query, not a plain listing.
  {
    name: 'OAS 3.0: a required query parameter on the operation, on the path item, by $ref, or made required by the operation: not reported',
    document: { file: 'auth-no-404-collection/required-query-parameter.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 3.0: optional query parameters, a required one the operation makes optional, a required header: still reported',
    document: { file: 'auth-no-404-collection/optional-query-parameter.oas3.yaml' },
    findings: [
      { path: 'paths./calls.get.responses.404', messageIncludes: ['GET /calls', remove404] },
      { path: 'paths./recordings.get.responses.404', messageIncludes: ['GET /recordings', remove404] },
      { path: 'paths./teams.get.responses.404', messageIncludes: ['GET /teams', remove404] },
    ],
  },
  {
    name: 'OAS 2.0: a required query parameter by $ref is not reported; an optional one is',
    document: { file: 'auth-no-404-collection/required-query-parameter.oas2.yaml' },
    findings: [{ path: 'paths./calls.get.responses.404', messageIncludes: ['GET /calls', remove404] }],
  },
  {
    name: 'parameters of any shape are read as none, not a crash',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /calls:
    parameters: { q: { in: query, required: true } }
    get:
      parameters: [null, 1, { in: query, required: true }, { name: 5, in: query, required: true }, { $ref: '#/nowhere' }]
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array } } } }
        '404': { description: none }
`,
    },
    findings: [{ path: 'paths./calls.get.responses.404', messageIncludes: ['GET /calls'] }],
  },
  // A literal segment that stands for an item (`/users/me/keys` beside `/users/{id}/keys`) makes a nested listing.
  {
    name: 'OAS 3.0: /v3/gardens/main/plots beside /v3/gardens/{gardenId}/plots, /members/self/badges, two literal segments: not reported',
    document: { file: 'auth-no-404-collection/literal-item-segment.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 3.0: only the last segment templated, another last segment, another length, another case, no such path: still reported',
    document: { file: 'auth-no-404-collection/literal-segment-still-reported.oas3.yaml' },
    findings: [
      { path: 'paths./seeds/featured.get.responses.404', messageIncludes: ['GET /seeds/featured', remove404] },
      { path: 'paths./ponds/koi/frogs.get.responses.404', messageIncludes: ['GET /ponds/koi/frogs'] },
      { path: 'paths./ponds/lily/fish/today.get.responses.404', messageIncludes: ['GET /ponds/lily/fish/today'] },
      { path: 'paths./ponds/reed/snails.get.responses.404', messageIncludes: ['GET /ponds/reed/snails'] },
      { path: 'paths./beds/raised/rows.get.responses.404', messageIncludes: ['GET /beds/raised/rows'] },
    ],
  },
  // A query parameter naming the members to return (`ids`, `*_ids`, `*-ids`, `*Ids`) makes a lookup.
  {
    name: 'OAS 3.0: optional ids, bulb_ids, sapling-ids, SPORE_IDS, cuttingIds on the path item by $ref: not reported',
    document: { file: 'auth-no-404-collection/ids-lookup.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 3.0: kids, trayIDs, a header named ids: still reported',
    document: { file: 'auth-no-404-collection/ids-lookup-still-reported.oas3.yaml' },
    findings: [
      { path: 'paths./kits.get.responses.404', messageIncludes: ['GET /kits', remove404] },
      { path: 'paths./trays.get.responses.404', messageIncludes: ['GET /trays'] },
      { path: 'paths./pots.get.responses.404', messageIncludes: ['GET /pots'] },
    ],
  },
  // A 404 whose description speaks of access documents a deliberate design.
  {
    name: 'OAS 3.0: a 404 that speaks of permission, scopes, what is allowed, or a shared one of authorisation: not reported',
    document: { file: 'auth-no-404-collection/access-404.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 3.0: a shared plain 404, "accessible", "tokenized", access only in the operation description: still reported',
    document: { file: 'auth-no-404-collection/access-404-still-reported.oas3.yaml' },
    findings: [
      { path: 'paths./harvests.get.responses.404', messageIncludes: ['GET /harvests', remove404] },
      { path: 'paths./silos.get.responses.404', messageIncludes: ['GET /silos'] },
      { path: 'paths./tractors.get.responses.404', messageIncludes: ['GET /tractors'] },
      { path: 'paths./barns.get.responses.404', messageIncludes: ['GET /barns'] },
    ],
  },
  {
    name: 'OAS 2.0: a shared #/responses 404 that speaks of access is not reported; a plain one is',
    document: {
      yaml: `
swagger: '2.0'
info: { title: t, version: '1' }
paths:
  /orchards:
    get:
      responses:
        '200': { description: ok, schema: { type: array, items: { type: string } } }
        '404': { $ref: '#/responses/NotVisible' }
  /fields:
    get:
      responses:
        '200': { description: ok, schema: { type: array, items: { type: string } } }
        '404': { $ref: '#/responses/Missing' }
responses:
  NotVisible: { description: Also answered when the caller is not allowed to see the list }
  Missing: { description: Not found }
`,
    },
    findings: [{ path: 'paths./fields.get.responses.404', messageIncludes: ['GET /fields', remove404] }],
  },
  {
    name: 'a 10,000-word 404 description whose last word speaks of access',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /calls:
    get:
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array } } } }
        '404': { description: "${'not found '.repeat(5_000)}token" }
`,
    },
    findings: [],
  },
  {
    name: "each access word, alone in a listing's 404 description, says it is about access: not reported; no word is",
    document: documentDescribing(
      '404',
      [...ACCESS_WORDS, 'nothing'].map((word) => `Not found, or ${word} is lacking`),
      { success: ARRAY_BODY },
    ),
    findings: [{ path: `paths./${ACCESS_WORDS.length + 1}.get.responses.404`, messageIncludes: [remove404] }],
  },
  {
    name: 'a 404 $ref that does not resolve says nothing of access: still reported, not a crash',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: Calls, version: 1.0.0 }
paths:
  /calls:
    get:
      responses:
        '200': ${ARRAY_BODY}
        '404': { $ref: '#/components/responses/NoSuchResponse' }
`,
    },
    findings: [{ path: 'paths./calls.get.responses.404', messageIncludes: ['GET /calls', remove404] }],
  },
]);
