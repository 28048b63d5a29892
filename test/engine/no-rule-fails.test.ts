import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { documentFrom, FIXTURES, lint } from '../helpers/lint';

/**
 * A rule function that throws would abort Spectral's whole run (for every file): the ruleset turns an exception
 * into a "could not check this document" finding instead. Neither may ever happen on our fixtures, including
 * fixtures/shared/odd-shapes.*, where every value has a shape OpenAPI does not allow.
 */
const documents = (readdirSync(FIXTURES, { recursive: true }) as string[])
  .filter((name) => /\.(ya?ml|json)$/.test(name))
  .map((name) => relative(FIXTURES, join(FIXTURES, name)))
  .sort();

test('the fixtures include the documents of odd shapes', () => {
  expect(documents).toEqual(expect.arrayContaining(['shared/odd-shapes.oas3.yaml', 'shared/odd-shapes.oas2.yaml']));
});

test.each(documents)('no rule fails on %s', async (name) => {
  const results = await lint(documentFrom({ file: name }));
  const failures = results.filter((result) => result.message.includes('could not check this document'));
  expect(failures.map((failure) => `${failure.code}: ${failure.message}`)).toEqual([]);
});

test('the odd shapes still get the findings their readable parts deserve', async () => {
  const results = await lint(documentFrom({ file: 'shared/odd-shapes.oas3.yaml' }));
  const found = results.map((result) => `${result.code} ${result.path.join('.')}`);
  expect(found).toEqual(
    expect.arrayContaining([
      'auth-exception-invalid paths./calls.get.x-auth-exceptions',
      'auth-exception-invalid paths./calls/{callId}.delete.x-auth-exceptions',
      'auth-404-protected-item paths./calls/{callId}.get.responses',
      'auth-403-describes-scopes paths./calls/{callId}.get.responses.403',
    ]),
  );
});
