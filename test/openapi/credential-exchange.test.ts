import {
  exchangesCredentials,
  isUnsecuredCredentialExchange,
  issuesCredentials,
  requiresNoSecurity,
} from '../../src/openapi/credential-exchange';
import { factsOf, operationOf } from './facts';

const json = (properties: object) => ({ content: { 'application/json': { schema: { properties } } } });

describe('an operation that exchanges credentials (a login, a token endpoint)', () => {
  const facts = factsOf({
    openapi: '3.0.3',
    paths: {
      '/auth/login': { post: {} },
      '/oauth/TOKEN': { post: {} },
      '/2fa-login': { post: {} },
      '/sso_token': { post: {} },
      '/sign-in': { post: {} },
      '/users/signin': { post: {} },
      '/authenticate': { post: {} },
      '/catalogue': { post: {} },
      '/logins': { post: {} },
      '/tokenizer': { post: {} },
      '/mytoken': { post: {} },
      '/sessions': {
        post: { requestBody: json({ Client_Secret: {} }) },
        put: { requestBody: json({ refresh_token: {} }) },
        patch: { requestBody: json({ 'grant-type': {} }) },
        delete: { requestBody: json({ passwordHint: {} }) },
      },
      '/': { post: {} },
    },
  });
  const exchanges = (label: string) => exchangesCredentials(facts, operationOf(facts, label));

  test('its path ends in login, signin, sign-in, token or authenticate, alone or as the last - or _ word', () => {
    const exchanging = ['/auth/login', '/oauth/TOKEN', '/2fa-login', '/sso_token', '/sign-in', '/users/signin'];
    for (const path of [...exchanging, '/authenticate']) expect(exchanges(`POST ${path}`)).toBe(true);
    for (const path of ['/catalogue', '/logins', '/tokenizer', '/mytoken', '/']) {
      expect(exchanges(`POST ${path}`)).toBe(false);
    }
  });

  test('or its body has a password, client secret, refresh token or grant type field, however spelt', () => {
    expect(['POST', 'PUT', 'PATCH'].map((method) => exchanges(`${method} /sessions`))).toEqual([true, true, true]);
    expect(exchanges('DELETE /sessions')).toBe(false);
  });

  test('or its 2.0 form has such a field', () => {
    const v2 = factsOf({
      swagger: '2.0',
      paths: { '/sessions': { post: { parameters: [{ name: 'password', in: 'formData' }] }, put: {} } },
    });
    expect(exchangesCredentials(v2, operationOf(v2, 'POST /sessions'))).toBe(true);
    expect(exchangesCredentials(v2, operationOf(v2, 'PUT /sessions'))).toBe(false);
  });
});

test('an unsecured credential exchange requires no security: none declared, or security: []', () => {
  const facts = factsOf({
    openapi: '3.0.3',
    paths: {
      '/login': { post: {}, put: { security: [] }, patch: { security: [{ bearer: [] }] } },
      '/calls': { post: { security: [] } },
    },
  });
  const of = (label: string) => operationOf(facts, label);
  const labels = ['POST /login', 'PUT /login', 'PATCH /login', 'POST /calls'];
  expect(labels.map((label) => requiresNoSecurity(of(label)))).toEqual([true, true, false, true]);
  expect(labels.map((label) => isUnsecuredCredentialExchange(facts, of(label)))).toEqual([true, true, false, false]);
});

describe('an operation that issues credentials', () => {
  const token = (properties: object) => ({ responses: { '200': json(properties) } });
  const facts = factsOf({
    openapi: '3.0.3',
    paths: {
      '/auth/{provider}': { get: token({ access_token: {} }) },
      '/OAuth2/{flow}': { get: token({ data: { properties: { idToken: {} } } }) },
      '/sessions/{flow}': { get: token({ data: { properties: { deeper: { properties: { token: {} } } } } }) },
      '/login/{step}': { get: { responses: { '500': json({ token: {} }) } } },
      '/calls/{callId}': { get: token({ token: {} }) },
      '/token/{kind}': { get: token({ 'Refresh-Token': {} }) },
    },
  });
  const issues = (label: string) => issuesCredentials(facts, operationOf(facts, label));

  test('a step of a login whose success body carries a token, at the top or one level down', () => {
    expect(issues('GET /auth/{provider}')).toBe(true);
    expect(issues('GET /OAuth2/{flow}')).toBe(true);
    expect(issues('GET /token/{kind}')).toBe(true);
  });

  test.each(['auth', 'oauth', 'oauth2', 'login', 'signin', 'sign-in', 'token', 'authenticate', 'session', 'sessions'])(
    'each step of a login counts: /%s/{step}',
    (segment) => {
      const step = factsOf({ openapi: '3.0.3', paths: { [`/${segment}/{step}`]: { get: token({ token: {} }) } } });
      expect(issuesCredentials(step, operationOf(step, `GET /${segment}/{step}`))).toBe(true);
    },
  );

  test.each(['token', 'access_token', 'refresh_token', 'id_token'])('each issued credential counts: %s', (field) => {
    const login = factsOf({ openapi: '3.0.3', paths: { '/login/{step}': { get: token({ [field]: {} }) } } });
    expect(issuesCredentials(login, operationOf(login, 'GET /login/{step}'))).toBe(true);
  });

  test('one media type of the success that carries a token is enough', () => {
    const content = { 'application/json': { schema: { properties: { token: {} } } }, 'text/html': { schema: {} } };
    const login = factsOf({
      openapi: '3.0.3',
      paths: { '/login/{step}': { get: { responses: { 200: { content } } } } },
    });
    expect(issuesCredentials(login, operationOf(login, 'GET /login/{step}'))).toBe(true);
  });

  test('not deeper, not without a success response, not outside a login', () => {
    expect(issues('GET /sessions/{flow}')).toBe(false);
    expect(issues('GET /login/{step}')).toBe(false);
    expect(issues('GET /calls/{callId}')).toBe(false);
  });
});
