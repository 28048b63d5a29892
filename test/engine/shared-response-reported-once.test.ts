import { findingsOf } from '../helpers/lint';

test('a shared 401 without WWW-Authenticate, used by twenty operations, is reported once at its definition', async () => {
  const findings = await findingsOf('auth-401-www-authenticate', {
    file: 'shared/shared-401-twenty-operations.oas3.yaml',
  });
  expect(findings).toEqual([
    expect.objectContaining({
      path: 'components.responses.Unauthorized',
      message: expect.stringContaining('Shared response "Unauthorized" (#/components/responses/Unauthorized)'),
      line: 111,
    }),
  ]);
});
