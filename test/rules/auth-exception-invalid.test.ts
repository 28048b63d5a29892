import { findingsOf, testRule, WARN } from '../helpers/lint';

const unknownRule = 'which is not a rule of this ruleset: use one of auth-401-documented';
/** The rules an entry may name, all of them, as the message lists them (the README's order). */
const SILENCEABLE =
  'auth-401-documented, auth-401-www-authenticate, auth-www-authenticate-scheme, auth-403-documented, ' +
  'auth-403-describes-scopes, auth-404-protected-item, auth-no-404-collection, auth-401-without-security, ' +
  'auth-401-misused-for-permissions, auth-403-misused-for-authentication.';
const noReason = 'without a reason: give a non-empty string';
const notAMap = 'must be a map from rule name to reason';

testRule('auth-exception-invalid', WARN, [
  {
    name: 'OAS 3.0: an unknown rule name; empty, blank, missing, boolean and number reasons; a list; a string',
    document: { file: 'auth-exception-invalid/invalid.oas3.yaml' },
    findings: [
      {
        path: 'paths./calls/{callId}.get.x-auth-exceptions.auth-404-protected-items',
        messageIncludes: ['x-auth-exceptions of GET /calls/{callId} names "auth-404-protected-items"', unknownRule],
        line: 12,
      },
      {
        path: 'paths./calls/{callId}.get.x-auth-exceptions.auth-403-documented',
        messageIncludes: ['silences auth-403-documented', noReason],
        line: 13,
      },
      {
        path: 'paths./calls/{callId}.get.x-auth-exceptions.auth-401-documented',
        messageIncludes: ['GET /calls/{callId}', noReason],
      },
      {
        path: 'paths./calls/{callId}.delete.x-auth-exceptions.auth-404-protected-item',
        messageIncludes: ['DELETE /calls/{callId}', noReason],
      },
      { path: 'paths./calls/{callId}.delete.x-auth-exceptions.auth-403-documented', messageIncludes: [noReason] },
      { path: 'paths./calls/{callId}.delete.x-auth-exceptions.auth-401-documented', messageIncludes: [noReason] },
      {
        path: 'paths./calls/{callId}.put.x-auth-exceptions',
        messageIncludes: ['x-auth-exceptions of PUT /calls/{callId}', notAMap],
        line: 26,
      },
      { path: 'paths./calls/{callId}.patch.x-auth-exceptions', messageIncludes: ['PATCH /calls/{callId}', notAMap] },
    ],
  },
  {
    name: 'OAS 3.0: known rules with reasons, and an empty map',
    document: { file: 'auth-exception-invalid/valid.oas3.yaml' },
    findings: [],
  },
  {
    name: 'OAS 2.0: a known rule with a reason',
    document: { file: 'auth-exception-invalid/valid.oas2.yaml' },
    findings: [],
  },
  {
    name: 'operations without x-auth-exceptions are not its concern; an unknown name is told every rule it may be',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /calls:
    get:
      responses: { '200': { description: ok } }
    post:
      x-auth-exceptions: { auth-403-missing: "a misspelt rule" }
      responses: { '201': { description: created } }
`,
    },
    findings: [
      { path: 'paths./calls.post.x-auth-exceptions.auth-403-missing', messageIncludes: [`use one of ${SILENCEABLE}`] },
    ],
  },
  {
    name: 'an entry of an operation written in another file (a path item $ref) is reported in that file',
    document: { file: 'shared/path-item-in-another-file.oas3.yaml' },
    findings: [
      {
        path: 'get.x-auth-exceptions.auth-404-missing',
        messageIncludes: ['x-auth-exceptions of GET /calls/{callId} names "auth-404-missing"', unknownRule],
        source: 'shared/path-items/call.yaml',
        line: 6,
      },
    ],
  },
  {
    name: 'the rule cannot silence itself: it is not a rule an exception may name',
    document: {
      yaml: `
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /calls:
    get:
      x-auth-exceptions: { auth-exception-invalid: "quiet, please" }
      responses: { '200': { description: ok } }
`,
    },
    findings: [{ path: 'paths./calls.get.x-auth-exceptions.auth-exception-invalid', messageIncludes: [unknownRule] }],
  },
]);

describe('an invalid x-auth-exceptions entry silences nothing', () => {
  const document = { file: 'auth-exception-invalid/invalid.oas3.yaml' };
  const operations = ['get', 'delete', 'put', 'patch'];

  // No operation documents the code, so the rule reports once for the document: every operation must be counted.
  test.each(['auth-401-documented', 'auth-403-documented', 'auth-404-protected-item'])(
    '%s still counts every operation',
    async (rule) => {
      const findings = await findingsOf(rule, document);
      expect(findings.map((finding) => finding.path)).toEqual(['']);
      expect(findings[0].message).toMatch(new RegExp(`\\b${operations.length} (protected )?operations\\b`));
      for (const method of operations.slice(0, 3))
        expect(findings[0].message).toContain(`${method.toUpperCase()} /calls/{callId}`);
      expect(findings[0].message).toContain('and 1 more');
    },
  );

  test('the same entries with reasons silence those rules', async () => {
    const findings = await Promise.all(
      ['auth-401-documented', 'auth-403-documented', 'auth-404-protected-item'].map((rule) =>
        findingsOf(rule, { file: 'auth-exception-invalid/valid.oas3.yaml' }),
      ),
    );
    expect(findings.flat().map((finding) => finding.path)).toEqual([]);
  });
});
