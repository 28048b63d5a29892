import { findingsOf } from '../helpers/lint';

/** A deprecated operation is on its way out: no rule asks to rework how it answers (src/rule.ts operationsFor). */
const document = { file: 'shared/deprecated-operations.oas3.yaml' };

test.each([
  ['auth-401-documented', ['paths./recordings/{recordingId}.get.responses']],
  ['auth-401-www-authenticate', ['paths./recordings.get.responses.401']],
  ['auth-404-protected-item', ['paths./recordings/{recordingId}.get.responses']],
  ['auth-no-404-collection', ['paths./recordings.get.responses.404']],
  ['auth-401-misused-for-permissions', ['paths./recordings.get.responses.401']],
  ['auth-403-misused-for-authentication', ['paths./recordings.get.responses.403']],
])('%s reports the live operation only', async (rule, paths) => {
  const findings = await findingsOf(rule, document);
  expect(findings.map((finding) => finding.path).sort()).toEqual(paths);
});
