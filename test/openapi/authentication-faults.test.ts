import { authenticationFailureIn } from '../../src/openapi/authentication-faults';

// What makes a description speak of a caller without valid credentials: a 403 that does is misnumbered, and a 401
// that does is about credentials whatever else it says. Each word of the vocabulary must count on its own.

const AUTHENTICATION_PHRASES = [
  'unauthenticated',
  'not authenticated',
  'authentication required',
  'authentication is required',
  'not logged in',
  'login required',
];
const CREDENTIALS = [
  'token',
  'tokens',
  'credential',
  'credentials',
  'api key',
  'api keys',
  'apikey',
  'secret',
  'secrets',
];
const FAULTS_AFTER = ['missing', 'invalid', 'expired', 'incorrect', 'wrong', 'revoked'];
const FAULTS_BEFORE = [...FAULTS_AFTER, 'no'];

test.each(AUTHENTICATION_PHRASES)('"%s" is an authentication failure', (phrase) => {
  expect(authenticationFailureIn(`Refused: the caller is ${phrase}.`)).toBe(phrase);
});

test.each(['not authenticated as', 'not logged in as'])('"%s" someone is an identity check, no failure', (phrase) => {
  expect(authenticationFailureIn(`Refused: the caller is ${phrase} the owner.`)).toBeUndefined();
});

test.each(FAULTS_BEFORE)('"%s" before a credential is a fault', (fault) => {
  expect(authenticationFailureIn(`Refused: ${fault} token.`)).toBe(`${fault} token`);
});

test.each(CREDENTIALS)('"%s" is a credential, after a fault or before one', (credential) => {
  expect(authenticationFailureIn(`Refused: invalid ${credential}.`)).toBe(`invalid ${credential}`);
  expect(authenticationFailureIn(`Refused: the ${credential} expired.`)).toBe(`${credential} expired`);
});

test.each(FAULTS_AFTER)('"%s" after a credential is a fault', (fault) => {
  expect(authenticationFailureIn(`Refused: the secret was ${fault}.`)).toBe(`secret was ${fault}`);
});

test('a fault and a credential count up to three words apart, either way round', () => {
  expect(authenticationFailureIn('no valid access token')).toBe('no valid access token');
  expect(authenticationFailureIn('no valid, current access token')).toBeUndefined();
  expect(authenticationFailureIn('the credentials sent are incorrect')).toBe('credentials sent are incorrect');
  expect(authenticationFailureIn('the credentials you sent are incorrect')).toBeUndefined();
});

test('"no" after a credential speaks of what it grants, not of a fault', () => {
  expect(authenticationFailureIn('the token has no access to this team')).toBeUndefined();
});

test('"missing" after a credential is a fault when nothing it lacks follows', () => {
  expect(authenticationFailureIn('The API key is missing')).toBe('api key is missing');
  expect(authenticationFailureIn('The API key is missing from the request')).toBe('api key is missing');
  expect(authenticationFailureIn('The token is missing or invalid')).toBe('token is missing');
  expect(authenticationFailureIn('The token is missing, and expired')).toBe('token is missing');
  expect(authenticationFailureIn('The token is missing the calls:write scope')).toBeUndefined();
  expect(authenticationFailureIn('The API key is missing in the header')).toBe('api key is missing');
  expect(authenticationFailureIn('The secret is missing nor given')).toBe('secret is missing');
});

test('only "missing" asks what follows: another fault after a credential is one whatever comes next', () => {
  expect(authenticationFailureIn('The credentials are incorrect for this account')).toBe('credentials are incorrect');
});

test('a text without any of it speaks of no authentication failure', () => {
  expect(authenticationFailureIn('The caller may not delete this call')).toBeUndefined();
});
