import {
  authSchemeDescribedIn,
  authSchemeOf,
  authSchemesNamed,
  challengeAuthSchemeOf,
  challengeExampleOf,
  challengeLookup,
  definesChallenge,
  effectiveSecurity,
  isApiKeyScheme,
  isAuthorizationHeaderApiKey,
  isAwsSigV4Scheme,
  registeredAuthSchemeNamedIn,
  scopesNamed,
  scopesTellNothing,
  securityFacts,
  securitySchemesOf,
} from '../../src/openapi/security';

const SCHEMES = {
  bearer: { type: 'http', scheme: 'bearer' },
  mtls: { type: 'mutualTLS' },
  key: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
  sigv4: { type: 'apiKey', in: 'header', name: 'Authorization', 'x-amazon-apigateway-authtype': 'awsSigv4' },
};

describe('effective security', () => {
  test("the operation's own security, even an empty list, else the root's, else none", () => {
    expect(effectiveSecurity({ security: [{ a: [] }] }, { security: [] })).toEqual([]);
    expect(effectiveSecurity({ security: [{ a: [] }] }, {})).toEqual([{ a: [] }]);
    expect(effectiveSecurity({}, {})).toBeUndefined();
  });

  test('schemes: 2.0 securityDefinitions, else 3.x components.securitySchemes', () => {
    const both = { securityDefinitions: { a: {} }, components: { securitySchemes: { b: {} } } };
    expect(securitySchemesOf(both)).toEqual({ a: {} });
    expect(securitySchemesOf({ components: { securitySchemes: { b: {} } } })).toEqual({ b: {} });
    expect(securitySchemesOf({})).toEqual({});
  });
});

describe('securityFacts', () => {
  test('secured: some requirement, none optional ({}), and a scheme other than mutualTLS', () => {
    expect(securityFacts([{ bearer: [] }], SCHEMES)).toMatchObject({ declared: true, secured: true, optional: false });
    expect(securityFacts([{}, { bearer: [] }], SCHEMES)).toMatchObject({ secured: false, optional: true });
    expect(securityFacts([{ mtls: [] }], SCHEMES)).toMatchObject({ secured: false });
    expect(securityFacts([{ mtls: [], bearer: [] }], SCHEMES)).toMatchObject({ secured: true });
    expect(securityFacts([{ unknown: [] }], SCHEMES)).toMatchObject({ secured: true, schemeNames: ['unknown'] });
  });

  test('declared and explicitly none: `security: []` declares that nothing is required', () => {
    expect(securityFacts([], SCHEMES)).toMatchObject({ declared: true, explicitlyNone: true, secured: false });
    expect(securityFacts(undefined, SCHEMES)).toMatchObject({ declared: false, explicitlyNone: false, secured: false });
    expect(securityFacts([{}], SCHEMES)).toMatchObject({ explicitlyNone: false });
  });

  test('lists scopes when secured and some requirement lists one; scheme names in order, once', () => {
    const facts = securityFacts([{ bearer: [] }, { key: ['read'], bearer: [] }], SCHEMES);
    expect(facts).toMatchObject({ listsScopes: true, scoped: true, schemeNames: ['bearer', 'key'] });
    expect(securityFacts([{ bearer: [] }], SCHEMES)).toMatchObject({ listsScopes: false, scoped: false });
    expect(securityFacts([{}, { key: ['read'] }], SCHEMES)).toMatchObject({ listsScopes: false });
  });

  test('AWS SigV4 only when secured and every scheme is SigV4', () => {
    expect(securityFacts([{ sigv4: [] }], SCHEMES).awsSigV4Only).toBe(true);
    expect(securityFacts([{ sigv4: [] }, { bearer: [] }], SCHEMES).awsSigV4Only).toBe(false);
    expect(securityFacts([], SCHEMES).awsSigV4Only).toBe(false);
  });
});

describe('scopesTellNothing', () => {
  test('at least two operations, each scheme always asked for the same scopes (as a set)', () => {
    expect(scopesTellNothing([[{ oauth: ['a', 'b'] }], [{ oauth: ['b', 'a', 'a'] }]])).toBe(true);
    expect(scopesTellNothing([[{ sandbox: ['pay'] }, { live: ['pay'] }], [{ live: ['pay'] }]])).toBe(true);
  });

  test('one operation, or a scheme asked for different scopes, tells them apart', () => {
    expect(scopesTellNothing([[{ oauth: ['a'] }]])).toBe(false);
    expect(scopesTellNothing([[{ oauth: ['read'] }], [{ oauth: ['write'] }]])).toBe(false);
    expect(scopesTellNothing([[{ oauth: ['read'] }], [{ oauth: ['read', 'write'] }]])).toBe(false);
  });
});

test('scheme kinds: AWS SigV4 (any case), an API key, an API key in the Authorization header (any case)', () => {
  expect(isAwsSigV4Scheme(SCHEMES.sigv4)).toBe(true);
  expect(isAwsSigV4Scheme({ ...SCHEMES.sigv4, 'x-amazon-apigateway-authtype': 'AWSSIGV4' })).toBe(true);
  expect(isAwsSigV4Scheme({ ...SCHEMES.sigv4, type: 'http' })).toBe(false);
  expect(isAwsSigV4Scheme({ ...SCHEMES.sigv4, 'x-amazon-apigateway-authtype': 'cognito_user_pools' })).toBe(false);
  expect(isAwsSigV4Scheme({ type: 'apiKey', 'x-amazon-apigateway-authtype': 5 })).toBe(false);
  expect([SCHEMES.key, SCHEMES.bearer].map(isApiKeyScheme)).toEqual([true, false]);
  expect(isAuthorizationHeaderApiKey({ type: 'apiKey', in: 'header', name: 'authorization' })).toBe(true);
  expect(isAuthorizationHeaderApiKey({ type: 'apiKey', in: 'query', name: 'Authorization' })).toBe(false);
  expect(isAuthorizationHeaderApiKey({ type: 'http', in: 'header', name: 'Authorization' })).toBe(false);
  expect(isAuthorizationHeaderApiKey({ type: 'apiKey', in: 'header', name: 5 })).toBe(false);
});

describe('auth-schemes', () => {
  test('http gives its scheme, spelt as registered when it is; oauth2 and OpenID Connect give Bearer', () => {
    expect(authSchemeOf({ type: 'http', scheme: 'BEARER' })).toBe('Bearer');
    expect(authSchemeOf({ type: 'http', scheme: 'dpop' })).toBe('DPoP');
    expect(authSchemeOf({ type: 'http', scheme: 'NetworkInsight' })).toBe('NetworkInsight');
    expect(authSchemeOf({ type: 'http', scheme: '' })).toBeUndefined();
    expect(authSchemeOf({ type: 'http' })).toBeUndefined();
    expect(authSchemeOf({ type: 'oauth2' })).toBe('Bearer');
    expect(authSchemeOf({ type: 'openIdConnect' })).toBe('Bearer');
    expect(authSchemeOf({ type: 'basic' })).toBe('Basic');
    expect(authSchemeOf({ type: 'apiKey' })).toBeUndefined();
  });

  test('the auth-schemes of named schemes, once each in any case, without unknowns', () => {
    const schemes = { a: { type: 'oauth2' }, b: { type: 'http', scheme: 'bearer' }, c: { type: 'basic' }, d: {} };
    expect(authSchemesNamed(['a', 'b', 'd', 'c', 'nope'], schemes)).toEqual(['Bearer', 'Basic']);
  });

  test('every scope or role asked for, once, strings only', () => {
    expect(scopesNamed([{ oauth: ['a', 'b'] }, { key: ['b', 5, 'c'] }, 'odd'])).toEqual(['a', 'b', 'c']);
  });
});

describe('challenges', () => {
  test('http, oauth2, OpenID Connect, 2.0 basic and an API key in Authorization define one; others do not', () => {
    const defining = [{ type: 'http' }, { type: 'oauth2' }, { type: 'openIdConnect' }, { type: 'basic' }];
    expect([...defining, { type: 'apiKey', in: 'header', name: 'Authorization' }].map(definesChallenge)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    const others = [SCHEMES.key, SCHEMES.mtls, SCHEMES.sigv4, undefined];
    expect(others.map(definesChallenge)).toEqual([false, false, false, false]);
  });

  test('a registered scheme named as a word of a text, in its registered spelling; OAuth 2 is not OAuth', () => {
    expect(registeredAuthSchemeNamedIn('Use bearer <token>')).toBe('Bearer');
    expect(registeredAuthSchemeNamedIn('An OAuth token')).toBe('OAuth');
    expect(registeredAuthSchemeNamedIn('An OAuth 2.0 token, or basic credentials')).toBe('Basic');
    expect(registeredAuthSchemeNamedIn('An OAuth v2 token')).toBeUndefined();
    expect(registeredAuthSchemeNamedIn('Bearers, or a pre-bearer step')).toBeUndefined();
    expect(registeredAuthSchemeNamedIn(42)).toBeUndefined();
    // Only a text is read: an array would otherwise be read as its joined text.
    expect(registeredAuthSchemeNamedIn(['Bearer'])).toBeUndefined();
  });

  test('a made-up scheme is a capitalised word before a placeholder', () => {
    expect(authSchemeDescribedIn('API Key - NetworkInsight {token}')).toBe('NetworkInsight');
    expect(authSchemeDescribedIn('Send SSWS <api key>')).toBe('SSWS');
    expect(authSchemeDescribedIn('send the key {key} as it is')).toBeUndefined();
    expect(authSchemeDescribedIn('Token {}')).toBeUndefined();
    expect(authSchemeDescribedIn(undefined)).toBeUndefined();
    expect(authSchemeDescribedIn(['SSWS {key}'])).toBeUndefined();
    expect(authSchemeDescribedIn('SSWS  {key}, two spaces apart')).toBe('SSWS');
  });

  test("a scheme's challenge: its auth-scheme; for an API key in Authorization, what its text shows", () => {
    const described = { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Digest please' };
    expect(challengeAuthSchemeOf(described)).toBe('Digest');
    expect(challengeAuthSchemeOf({ type: 'apiKey', in: 'header', name: 'Authorization' })).toBe('Bearer');
    expect(challengeAuthSchemeOf(SCHEMES.key)).toBeUndefined();
    expect(challengeExampleOf({ type: 'basic' })).toBe('Basic realm="api"');
    expect(challengeExampleOf({ type: 'http' })).toBeUndefined();
  });

  test('the lookup: accepts a challenge, its examples once each, keys only', () => {
    const lookup = challengeLookup({ ...SCHEMES, basic: { type: 'basic' }, constructor: { type: 'basic' } });
    expect(lookup.accepts(['key', 'bearer'])).toBe(true);
    expect(lookup.accepts(['key', 'mtls'])).toBe(false);
    expect(lookup.examples(['bearer', 'key', 'basic', 'bearer'])).toEqual(['Bearer realm="api"', 'Basic realm="api"']);
    expect(lookup.examples(['bearer', 'key', 'basic', 'bearer'])).toEqual(['Bearer realm="api"', 'Basic realm="api"']);
    expect(lookup.keysOnly(['key', 'mtls'])).toBe(true);
    expect(lookup.keysOnly(['key', 'bearer'])).toBe(false);
    expect(lookup.keysOnly(['key', 'undefined'])).toBe(false);
    expect(lookup.keysOnly(['sigv4'])).toBe(true);
  });

  test("a scheme named like an Object property is the document's own, or none", () => {
    const lookup = challengeLookup({});
    expect(lookup.accepts(['constructor', 'toString'])).toBe(false);
    expect(lookup.examples(['constructor'])).toEqual([]);
  });
});
