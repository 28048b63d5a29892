import { checkedFindingsOf, testRule, WARN } from '../helpers/lint';

const add404 = 'documents no 404: add a 404 for items that do not exist or are not visible to the caller';
const renumber = (code: string, evidence: string) =>
  `its ${code} response (${evidence}) looks like a not-found answer: give it the code 404, and answer 404 also for ` +
  'items that are not visible to the caller, so ids cannot be probed.';
const sharedNotFound =
  'add one shared 404 response to `components.responses`, for items that do not exist or are not visible to the caller';

testRule('auth-404-protected-item', WARN, [
  {
    name: 'OAS 3.0: /calls/{callId}, nested /users/{phoneNumber}/calls, /files/{name}.json; 4XX and default do not count',
    document: { file: 'auth-404-protected-item/invalid.oas3.yaml' },
    findings: [
      { path: 'paths./calls/{callId}.get.responses', messageIncludes: ['GET /calls/{callId}', add404], line: 12 },
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
    findings: [{ path: 'paths./calls/{callId}.delete', messageIncludes: ['DELETE /calls/{callId}'], line: 7 }],
  },
  {
    name: 'OAS 3.1: 404 inline or shared; not secured ([], optional {}, mutualTLS); not an item path; webhooks',
    document: { file: 'auth-404-protected-item/valid.oas31.yaml' },
    findings: [],
  },
  {
    name: 'OAS 3.0: no 404 anywhere: one finding at the root counts the protected item operations only',
    document: { file: 'auth-404-protected-item/no-404-anywhere.oas3.yaml' },
    findings: [
      {
        path: '',
        messageIncludes: [
          '3 protected operations on item paths document no 404, and no operation of this document does (GET /calls/{callId}, PATCH /calls/{callId}, GET /users/{userId}/calls)',
          'add one shared 404 response to `components.responses`, for items that do not exist or are not visible to the caller, and reference it from each of them',
          '`spectral-auth-responses fix` does this',
        ],
      },
    ],
  },
  {
    name: 'OAS 2.0: no 404 anywhere: the shared response goes to the root `responses`',
    document: { file: 'auth-404-protected-item/no-404-anywhere.oas2.yaml' },
    findings: [
      {
        path: '',
        messageIncludes: [
          '2 protected operations',
          '(GET /calls/{callId}, DELETE /calls/{callId})',
          'to the root `responses`',
        ],
      },
    ],
  },
  {
    name: 'a 404 on an excepted operation shows the convention: each gap is reported on its own',
    document: { file: 'auth-404-protected-item/excepted-operation-documents-404.oas3.yaml' },
    findings: [
      { path: 'paths./calls/{callId}.get.responses', messageIncludes: ['GET /calls/{callId}', add404] },
      { path: 'paths./calls/{callId}.patch.responses', messageIncludes: ['PATCH /calls/{callId}', add404] },
    ],
  },
  {
    name: 'a PUT that creates (201), a 410, a DELETE whose success covers missing items need no 404; the near misses do',
    document: { file: 'auth-404-protected-item/missing-item-answered-otherwise.oas3.yaml' },
    findings: [
      { path: 'paths./calls/{callId}.patch.responses', messageIncludes: ['PATCH /calls/{callId}', add404] },
      { path: 'paths./notes/{noteId}.put.responses', messageIncludes: ['PUT /notes/{noteId}', add404] },
      { path: 'paths./tags/{tagId}.delete.responses', messageIncludes: ['DELETE /tags/{tagId}', add404] },
    ],
  },
  {
    name: 'OAS 3.0: 404 documented elsewhere: a not-found answer under another code is reported on its own, asking for 404; a 403 is not one',
    document: { file: 'auth-404-protected-item/misnumbered-not-found.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls/{callId}.get.responses',
        messageIncludes: ['GET /calls/{callId}', renumber('480', 'ResourceNotFoundException')],
      },
      {
        path: 'paths./notes/{noteId}.get.responses',
        messageIncludes: ['GET /notes/{noteId}', renumber('422', 'ItemNotFound')],
      },
      {
        path: 'paths./tags/{tagId}.get.responses',
        messageIncludes: ['GET /tags/{tagId}', renumber('400', '"The tag id is malformed, or the tag was Not Found"')],
      },
      { path: 'paths./folders/{folderId}.get.responses', messageIncludes: ['GET /folders/{folderId}', add404] },
      { path: 'paths./files/{fileId}.get.responses', messageIncludes: ['GET /files/{fileId}', add404] },
    ],
  },
  {
    name: 'OAS 2.0: a not-found answer whose body is a definition named NotFoundError',
    document: { file: 'auth-404-protected-item/misnumbered-not-found.oas2.yaml' },
    findings: [{ path: 'paths./calls/{callId}.get.responses', messageIncludes: [renumber('460', 'NotFoundError')] }],
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
  {
    name: 'odd shapes: responses and descriptions that are not objects or strings, a long description quoted short',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
security: [{ bearer: [] }]
paths:
  /a/{id}:
    delete:
      responses: { '204': null, '2XX': 'a string', '409': { description: 42 } }
  /b/{id}:
    get:
      responses: { '200': { description: ok }, '499': { description: "${'The thing you asked for was not found. '.repeat(20)}" } }
  /c/{id}:
    get:
      responses: { '200': { description: ok }, '404': { description: no such c } }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
`,
    },
    findings: [
      { path: 'paths./a/{id}.delete.responses', messageIncludes: [add404] },
      {
        path: 'paths./b/{id}.get.responses',
        messageIncludes: ['its 499 response ("The thing you asked for was not found. The thing you asked…")'],
      },
    ],
  },
  {
    name: 'templates that hold a place, one of a fixed set or a URL name no item; one beside them that names an item does',
    document: { file: 'auth-404-protected-item/templates-that-name-no-item.oas3.yaml' },
    findings: [
      {
        path: 'paths./locations/{location}/machines/{machineId}.get.responses',
        messageIncludes: ['GET /locations/{location}/machines/{machineId}', add404],
      },
      { path: 'paths./disks/{diskId}.get.responses', messageIncludes: ['GET /disks/{diskId}', add404] },
    ],
  },
  {
    name: 'errors answered by `default` only (no 4xx code listed but 404): not reported',
    document: { file: 'auth-404-protected-item/errors-by-default.oas3.yaml' },
    findings: [],
  },
  {
    name: 'a document that documents no error at all is asked for its 401 first: not reported',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
security: [{ bearer: [] }]
paths:
  /a/{id}: { get: { responses: { '200': { description: ok } } } }
  /b/{id}: { get: { responses: { '200': { description: ok } } } }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
`,
    },
    findings: [],
  },
  {
    name: '`default` is how most operations answer errors: those that have it, or document no error, are not asked for a 404; one that lists codes is',
    document: { file: 'auth-404-protected-item/default-convention.oas3.yaml' },
    findings: [{ path: 'paths./apps/{appId}/logs.get.responses', messageIncludes: ['GET /apps/{appId}/logs', add404] }],
  },
  {
    name: '`default` on 1 of 4 operations is not the convention: every gap is reported, the one with `default` included',
    document: { file: 'auth-404-protected-item/default-not-the-convention.oas3.yaml' },
    findings: [
      { path: 'paths./apps/{appId}.get.responses', messageIncludes: ['GET /apps/{appId}', add404] },
      { path: 'paths./apps/{appId}/teams.get.responses', messageIncludes: ['GET /apps/{appId}/teams', add404] },
      { path: 'paths./apps/{appId}/logs.get.responses', messageIncludes: ['GET /apps/{appId}/logs', add404] },
    ],
  },
  {
    name: 'a login step whose success body carries a token issues credentials: not reported; a login path without one, and a token elsewhere, are',
    document: { file: 'auth-404-protected-item/issues-credentials.oas3.yaml' },
    findings: [
      {
        path: 'paths./auth/providers/{provider}.get.responses',
        messageIncludes: ['GET /auth/providers/{provider}', add404],
      },
      { path: 'paths./links/{linkId}.get.responses', messageIncludes: ['GET /links/{linkId}', add404] },
    ],
  },
  {
    name: 'no 404 anywhere, one of three answers not-found under another code: a shared 404 for two, one renumbering',
    document: { file: 'auth-404-protected-item/no-404-anywhere-some-misnumbered.oas3.yaml' },
    findings: [
      {
        path: '',
        messageIncludes: [
          '3 protected operations on item paths document no 404, and no operation of this document does',
          `: ${sharedNotFound}, and reference it from the 2 others, so ids cannot be probed; `,
          '; 1 of them answer not-found under another code (GET /calls/{callId}: its 460 response, ' +
            '"The call was not found"): give that response the code 404.',
        ],
      },
    ],
  },
  {
    name: 'no 404 anywhere, every one answers not-found under another code: renumber those responses, no shared 404',
    document: { file: 'auth-404-protected-item/no-404-anywhere-all-misnumbered.oas3.yaml' },
    findings: [
      {
        path: '',
        messageIncludes: [
          '2 protected operations on item paths document no 404, and no operation of this document does ' +
            '(GET /calls/{callId}, GET /users/{userId}); they answer not-found under another code ' +
            '(GET /calls/{callId}: its 460 response, "The call was not found"): give those responses the code 404, ' +
            'and answer 404 also for ' +
            'items that are not visible to the caller, so ids cannot be probed.',
        ],
      },
    ],
  },
  {
    name: "a search's 404 (no match) is not the hidden-item convention: one finding at the root, naming the search",
    document: { file: 'auth-404-protected-item/search-404-only.oas3.yaml' },
    findings: [
      {
        path: '',
        messageIncludes: [
          '2 protected operations on item paths document no 404, and no operation of this document does but a ' +
            'search when nothing matches (GET /{team}/members/find) (GET /{team}/members/{memberId}, ' +
            'DELETE /{team}/members/{memberId})',
          sharedNotFound,
        ],
      },
    ],
  },
  {
    name: "two searches' 404s: still one finding at the root, naming both",
    document: {
      yaml: [
        'openapi: 3.0.3',
        'info: { title: Team, version: 1.0.0 }',
        'security: [{ bearer: [] }]',
        'paths:',
        '  /{team}/members/find:',
        "    get: { responses: { '200': { description: Found }, '404': { description: No match } } }",
        '  /{team}/notes/search:',
        "    get: { responses: { '200': { description: Found }, '404': { description: No match } } }",
        '  /{team}/members/{memberId}:',
        "    get: { responses: { '200': { description: The member } } }",
        "    delete: { responses: { '204': { description: Removed } } }",
        'components: { securitySchemes: { bearer: { type: http, scheme: bearer } } }',
      ].join('\n'),
    },
    findings: [
      {
        path: '',
        messageIncludes: [
          'and no operation of this document does but searches when nothing matches (GET /{team}/members/find, ' +
            'GET /{team}/notes/search) (GET /{team}/members/{memberId}, DELETE /{team}/members/{memberId})',
        ],
      },
    ],
  },
  {
    name: 'a search and an item operation answer 404: the convention is there, each operation without it is reported',
    document: { file: 'auth-404-protected-item/search-beside-item-404.oas3.yaml' },
    findings: [
      {
        path: 'paths./{team}/members/{memberId}.get.responses',
        messageIncludes: ['GET /{team}/members/{memberId}', add404],
      },
      {
        path: 'paths./{team}/members/{memberId}.delete.responses',
        messageIncludes: ['DELETE /{team}/members/{memberId}'],
      },
    ],
  },
  {
    name: 'Azure Resource Manager: an action that documents no error is asked for `default` first, not for a 404',
    document: { file: 'auth-404-protected-item/azure-resource-manager-without-default.oas3.yaml' },
    findings: [
      {
        path: 'paths./subscriptions/{subscriptionId}/providers/Microsoft.Example/machines/{machineName}.patch.responses',
        messageIncludes: [
          'PATCH /subscriptions/{subscriptionId}/providers/Microsoft.Example/machines/{machineName}',
          add404,
        ],
      },
    ],
  },
  {
    name: 'outside Azure Resource Manager, an action without any error beside reads that answer 404 is reported',
    document: { file: 'auth-404-protected-item/404-only-on-reads.oas3.yaml' },
    findings: [
      {
        path: 'paths./machines/{machineId}/restart.post.responses',
        messageIncludes: ['POST /machines/{machineId}/restart', add404],
      },
    ],
  },
  {
    name: 'an operation written in another file (a path item $ref) is reported in that file',
    document: { file: 'shared/path-item-in-another-file.oas3.yaml' },
    findings: [
      {
        path: 'get.responses',
        messageIncludes: ['GET /calls/{callId}', add404],
        source: 'shared/path-items/call.yaml',
        line: 7,
      },
    ],
  },
]);

// `fix` adds the shared 404 where a document-level finding says one is missing, and only there: renumbering a
// response changes the API's contract, so an operation that answers not-found under another code is not covered.
test('the document-level finding covers the operations that get the shared 404, not the one to renumber', async () => {
  const findings = await checkedFindingsOf('auth-404-protected-item', {
    file: 'auth-404-protected-item/no-404-anywhere-some-misnumbered.oas3.yaml',
  });
  expect(findings.map((finding) => ({ path: finding.path, covers: finding.covers }))).toEqual([
    {
      path: [],
      covers: [
        ['paths', '/calls/{callId}', 'patch', 'responses'],
        ['paths', '/users/{userId}', 'get', 'responses'],
      ],
    },
  ]);
});
