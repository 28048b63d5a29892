import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CredentialsError, parseCredentials, readCredentials, secretsOf } from '../../src/probe/credentials';

const FILE = 'probe-credentials.yaml';
const VALID = [
  'owner:',
  "  headers: { Authorization: 'Bearer ${OWNER_TOKEN}' }",
  'other:',
  '  query: { api_key: other-key }',
  '  cookies: { session: other-session }',
  'items:',
  '  callId: [call-1, 42]',
  "  phoneNumber: '+15550100'",
  '',
].join('\n');

function mistakeIn(text: string, env: NodeJS.ProcessEnv = { OWNER_TOKEN: 't' }): { line?: number; message: string } {
  try {
    parseCredentials(text, FILE, env);
  } catch (error) {
    if (error instanceof CredentialsError) {
      expect(error.file).toBe(FILE);
      return { line: error.line, message: error.message };
    }
    throw error;
  }
  throw new Error('expected a CredentialsError');
}

test('a valid file: roles, ${NAME} from the environment, ids as strings, no unscoped role', () => {
  const credentials = parseCredentials(VALID, FILE, { OWNER_TOKEN: 'secret-1' });
  expect(credentials).toEqual({
    owner: { headers: { Authorization: 'Bearer secret-1' }, query: {}, cookies: {} },
    other: { headers: {}, query: { api_key: 'other-key' }, cookies: { session: 'other-session' } },
    unscoped: undefined,
    items: { callId: ['call-1', '42'], phoneNumber: ['+15550100'] },
  });
  expect(secretsOf(credentials).sort()).toEqual(['Bearer secret-1', 'other-key', 'other-session']);
});

test.each([
  ['an unset variable, at its line', VALID, {}, 2, 'environment variable OWNER_TOKEN is not set'],
  ['an unknown top-level key', `${VALID}admin:\n  headers: { A: b }\n`, undefined, 9, 'unknown key `admin`'],
  ['an unknown key of a role', VALID.replace('  query:', '  body:'), undefined, 4, 'unknown key `other.body`'],
  ['a value that is not a string', VALID.replace('other-key', '[1, 2]'), undefined, 4, 'must be a string'],
  ['a missing role', 'owner:\n  headers: { A: b }\n', undefined, 1, 'no `other` role'],
  [
    'a role that sends nothing',
    VALID.replace(/other:\n[^\n]*\n[^\n]*\n/, 'other: {}\n'),
    undefined,
    3,
    'sends nothing',
  ],
  ['invalid YAML', 'owner: [\n', undefined, 2, 'invalid YAML'],
  ['not a map', '- owner\n', undefined, 1, 'expected a map'],
])('%s is an error with the line', (_name, text, env, line, message) => {
  const mistake = mistakeIn(text, env);
  expect(mistake.message).toContain(message);
  expect(mistake.line).toBe(line);
});

test('a credentials file that cannot be read: the file and why, in a few words', async () => {
  const missing = join(tmpdir(), 'no-such-folder-for-probe', 'credentials.yaml');
  await expect(readCredentials(missing, {})).rejects.toMatchObject({
    file: missing,
    message: 'cannot read the credentials file (no such file)',
  });
  await expect(readCredentials(tmpdir(), {})).rejects.toMatchObject({
    message: 'cannot read the credentials file (is a directory)',
  });
});
