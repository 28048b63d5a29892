// The probe's small parts, each a pure function: challenges, redaction, the hidden/unknown comparison, the unknown
// id, the URL guard.
import { challengesOf } from '../../src/probe/challenges';
import { differenceBetween } from '../../src/probe/compare';
import { evidenceOf, redactor } from '../../src/probe/evidence';
import type { PlannedRequest } from '../../src/probe/plan';
import { unknownIdLike } from '../../src/probe/plan';
import { Exchange, OffOrigin, urlFor } from '../../src/probe/send';

describe('challengesOf', () => {
  test.each([
    ['Bearer realm="calls"', [{ scheme: 'Bearer', params: { realm: 'calls' } }]],
    [
      'Bearer realm="calls", error="invalid_token", error_description="a, b"',
      [{ scheme: 'Bearer', params: { realm: 'calls', error: 'invalid_token', error_description: 'a, b' } }],
    ],
    [
      'Basic realm="x", Bearer scope="calls:read calls:write"',
      [
        { scheme: 'Basic', params: { realm: 'x' } },
        { scheme: 'Bearer', params: { scope: 'calls:read calls:write' } },
      ],
    ],
    ['Negotiate', [{ scheme: 'Negotiate', params: {} }]],
    ['', []],
    [undefined, []],
  ])('%s', (header, expected) => {
    expect(challengesOf(header)).toEqual(expected);
  });
});

describe('redactor', () => {
  const redact = redactor(['Bearer s3cr3t+token', 'key value/1']);
  test.each([
    ['the whole value', 'sent Bearer s3cr3t+token', 'sent [redacted]'],
    ['the token after its scheme', '{"echo":"s3cr3t+token"}', '{"echo":"[redacted]"}'],
    ['percent-encoded', 'GET /x?api_key=key%20value%2F1', 'GET /x?api_key=[redacted]'],
    ['form-encoded', 'GET /x?api_key=key+value%2F1', 'GET /x?api_key=[redacted]'],
    ['any Authorization value', '{"authorization": "Basic dXNlcjpwYXNz"}', '{"authorization": "[redacted]"}'],
  ])('%s', (_name, text, expected) => {
    expect(redact(text)).toBe(expected);
  });
});

const request = (itemId: string): PlannedRequest =>
  ({ method: 'GET', path: `/calls/${itemId}`, role: 'other', purpose: 'hidden-item', itemId }) as PlannedRequest;
const exchange = (itemId: string, changes: Partial<Exchange> = {}): Exchange => ({
  request: request(itemId),
  url: `http://127.0.0.1/calls/${itemId}`,
  status: 404,
  headers: {
    'content-type': 'application/problem+json',
    date: `Mon, 0${itemId.length} Jan 2024`,
    'x-request-id': itemId,
  },
  body: `{"title":"Not Found","detail":"No call ${itemId}","at":"2024-01-0${itemId.length}T10:00:00Z"}`,
  ...changes,
});

describe('differenceBetween a hidden item and an unknown one', () => {
  test('the same answer, ids, dates, request ids and timestamps aside, tells nothing', () => {
    expect(differenceBetween(exchange('call-1'), exchange('qzvx-77'))).toBeUndefined();
  });
  test.each([
    ['the status', { status: 403 }, 'the status (403 vs 404)'],
    [
      'the media type',
      { headers: { 'content-type': 'text/plain' } },
      'the content type (text/plain vs application/problem+json)',
    ],
    [
      'a header only one has',
      { headers: { 'content-type': 'application/problem+json', 'x-owner': 'a' } },
      'the header x-owner',
    ],
    ['a body value', { body: '{"title":"Not Found","detail":"Not yours"}' }, 'the body at $.detail'],
    ['a body key', { body: '{"title":"Not Found","at":"2024-01-06T10:00:00Z"}' }, 'the body at $.detail'],
    ['a text body', { headers: { 'content-type': 'application/problem+json' }, body: 'nope' }, 'the body at $'],
  ])('%s tells them apart', (_name, changes, expected) => {
    expect(differenceBetween(exchange('call-1', changes as Partial<Exchange>), exchange('qzvx-77'))).toContain(
      expected,
    );
  });
});

test('evidence is one line with the request, status, challenge and body start, credentials redacted', () => {
  const line = evidenceOf(
    exchange('call-1', { body: '{\n "token": "s3cr3t"\n}', headers: { 'www-authenticate': 'Bearer realm="x"' } }),
    redactor(['s3cr3t']),
  );
  expect(line).toBe(
    'GET http://127.0.0.1/calls/call-1 (as other) → 404; WWW-Authenticate: Bearer realm="x"; body: { "token": "[redacted]" }',
  );
});

test('an unknown id keeps the shape of the id it stands beside', () => {
  for (const id of ['call-1', '+15550100', 'AbC_9']) {
    const unknown = unknownIdLike(id);
    expect(unknown).not.toBe(id);
    expect(unknown.replace(/[0-9]/g, '0').replace(/[a-z]/g, 'a').replace(/[A-Z]/g, 'A')).toBe(
      id.replace(/[0-9]/g, '0').replace(/[a-z]/g, 'a').replace(/[A-Z]/g, 'A'),
    );
  }
  expect(unknownIdLike('--')).not.toBe('--');
});

test('a short number (an auto-increment id, most likely) stands beside a 9-digit one, not a random neighbour', () => {
  for (const id of ['1', '42', '12345678']) {
    expect(unknownIdLike(id)).toMatch(/^[1-9][0-9]{8}$/);
  }
  expect(unknownIdLike('123456789')).toMatch(/^[0-9]{9}$/);
  expect(unknownIdLike('123456789')).not.toBe('123456789');
});

describe('urlFor', () => {
  const server = new URL('http://127.0.0.1:8080/api/v1/');
  test('puts the path under the server path and appends query credentials', () => {
    expect(urlFor(server, '/calls/a%2Fb', { key: 'k v' }).href).toBe(
      'http://127.0.0.1:8080/api/v1/calls/a%2Fb?key=k+v',
    );
  });
  test('refuses a path that a root server URL would take to another host', () => {
    expect(() => urlFor(new URL('http://127.0.0.1:8080'), '//evil.example/x', {})).toThrow(OffOrigin);
    expect(urlFor(server, '//evil.example/x', {}).origin).toBe('http://127.0.0.1:8080');
  });
  test.each(['/../../x', '/..%2f..%2fx/../../..'])('refuses %s, which leaves the server', (path) => {
    expect(() => urlFor(server, path, {})).toThrow(OffOrigin);
  });
});
