import { findingsOf } from '../helpers/lint';

/**
 * Spectral's resolver leaves the `$ref` that closes a cycle in place in the resolved document, so a schema walk
 * must follow it (to see the cycle's other members) and must not follow it forever. The jest timeout is the only
 * guard against hanging: no timing is asserted.
 */
const document = { file: 'shared/circular-schemas.oas3.yaml' };

test('a listing of self-referencing items, and one whose envelope is in an allOf cycle, are listings', async () => {
  const findings = await findingsOf('auth-no-404-collection', document);
  expect(findings.map((finding) => finding.path).sort()).toEqual([
    'paths./folders.get.responses.404',
    'paths./pages.get.responses.404',
  ]);
});

test('a 403 body that names scopes through an allOf cycle passes; a self-referencing body that does not is reported', async () => {
  const findings = await findingsOf('auth-403-describes-scopes', document);
  // The self-referencing body is the shared schema Folder: reported once, at its definition.
  expect(findings.map((finding) => finding.path)).toEqual(['components.schemas.Folder']);
});

test('no rule fails on the cycles', async () => {
  const rules = ['auth-401-documented', 'auth-401-www-authenticate', 'auth-403-documented', 'auth-404-protected-item'];
  for (const rule of rules) {
    const findings = await findingsOf(rule, document);
    expect(findings.filter((finding) => finding.message.includes('could not check'))).toEqual([]);
  }
});
