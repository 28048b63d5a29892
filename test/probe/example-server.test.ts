/**
 * The example server, examples/call-recordings-server.mjs: the correct answers of docs/probe.md's example API, and
 * each mistake variant changing exactly the answers it names. Servers listen on 127.0.0.1 (port 0); requests are
 * Node's fetch over loopback.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { CALL_RECORDINGS_SERVER, RunningServer, startCallRecordingsServer } from '../helpers/call-recordings-server';

/** The callers: the three tokens the server knows, a well-formed unknown one, none, and a scheme it does not take. */
const AUTHORIZATION = {
  owner: 'Bearer owner-token',
  other: 'Bearer other-token',
  unscoped: 'Bearer unscoped-token',
  invalid: 'Bearer not-a-token',
  basic: 'Basic b3duZXI6c2VjcmV0',
  none: undefined,
} as const;
type Caller = keyof typeof AUTHORIZATION;

interface Request {
  method: string;
  path: string;
  as: Caller;
}
const request = (method: string, path: string, as: Caller): Request => ({ method, path, as });
const nameOf = ({ method, path, as }: Request) => `${method} ${path} as ${as}`;

/** Every request the tests look at; each mistake variant is sent all of them, and must change only its own. */
const REQUESTS: Request[] = [
  request('GET', '/status', 'none'),
  request('GET', '/calls', 'none'),
  request('GET', '/calls', 'basic'),
  request('GET', '/calls', 'invalid'),
  request('GET', '/calls', 'unscoped'),
  request('GET', '/calls', 'owner'),
  request('GET', '/calls', 'other'),
  request('POST', '/calls', 'owner'),
  request('GET', '/calls/call-1', 'none'),
  request('GET', '/calls/call-1', 'invalid'),
  request('GET', '/calls/call-1', 'unscoped'),
  request('GET', '/calls/call-1', 'owner'),
  request('HEAD', '/calls/call-1', 'owner'),
  request('GET', '/calls/call-2', 'owner'),
  request('GET', '/calls/call-1', 'other'),
  request('GET', '/calls/call-2', 'other'),
  request('GET', '/calls/call-404', 'other'),
  request('GET', '/calls/call-404', 'owner'),
  request('DELETE', '/calls/call-1', 'none'),
  request('DELETE', '/calls/call-1', 'invalid'),
  request('DELETE', '/calls/call-1', 'unscoped'),
  request('DELETE', '/calls/call-1', 'other'),
  request('DELETE', '/calls/call-404', 'other'),
  request('GET', '/users/+15550100/calls', 'none'),
  request('GET', '/users/+15550100/calls', 'owner'),
  request('GET', '/users/%2B15550100/calls', 'owner'),
  request('GET', '/users/+15550100/calls', 'other'),
  request('GET', '/users/+15550199/calls', 'other'),
  request('GET', '/users/+15550199/calls', 'owner'),
  request('GET', '/users/+15550142/calls', 'owner'),
  request('GET', '/nowhere', 'owner'),
  request('GET', '/nowhere', 'none'),
];

/** An answer, without what differs on every answer (Date, X-Request-Id) and what fetch decides (Connection). */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}
const VARYING_HEADERS = ['date', 'x-request-id', 'connection', 'keep-alive'];

async function send(server: RunningServer, { method, path, as }: Request): Promise<Answer> {
  const authorization = AUTHORIZATION[as];
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: authorization === undefined ? {} : { Authorization: authorization },
  });
  const headers = Object.fromEntries([...response.headers].filter(([name]) => !VARYING_HEADERS.includes(name)));
  return { status: response.status, headers, body: await response.text() };
}

/** The answer to each request of REQUESTS, by name, sent one after the other (a DELETE could change later ones). */
async function answersOf(server: RunningServer): Promise<Record<string, Answer>> {
  const answers: Record<string, Answer> = {};
  for (const each of REQUESTS) answers[nameOf(each)] = await send(server, each);
  return answers;
}

/** The requests of REQUESTS that match, by name. */
const named = (matches: (each: Request) => boolean) => REQUESTS.filter(matches).map(nameOf);
const parsed = (answer: Answer) => JSON.parse(answer.body) as Record<string, unknown>;

/** A request to an operation of the description that takes credentials (not /status, not an unknown path). */
const secured = ({ method, path }: Request) =>
  ['GET', 'HEAD', 'DELETE'].includes(method) && path !== '/status' && path !== '/nowhere';
const withoutUsableCredentials = (each: Request) => secured(each) && (each.as === 'none' || each.as === 'basic');
const otherTenantsCall = ({ path, as }: Request) => as === 'other' && /^\/calls\/call-[12]$/.test(path);
/** A call id nobody has, asked for by a caller the server knows. */
const unknownCall = ({ path, as }: Request) =>
  /^\/calls\/call-[0-9]+$/.test(path) && !/call-[12]$/.test(path) && ['owner', 'other'].includes(as);

const NOT_FOUND_CALL = '{"title":"Not Found","detail":"No call with this id"}';
const CALL_1 = { id: 'call-1', from: '+15550100', to: '+15550123', startedAt: '2024-05-02T09:30:00Z' };
const CALL_2 = { id: 'call-2', from: '+15550177', to: '+15550100', startedAt: '2024-05-03T16:05:00Z' };

describe('the correct server', () => {
  let server: RunningServer;
  let answers: Record<string, Answer>;
  beforeAll(async () => {
    server = await startCallRecordingsServer();
    answers = await answersOf(server);
  });
  afterAll(() => server.close());

  const answer = (method: string, path: string, as: Caller) => answers[nameOf(request(method, path, as))];

  test('listens on 127.0.0.1 and prints its URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('no usable credentials on a secured operation: 401, a Bearer challenge without an error, a problem body', () => {
    const names = named(withoutUsableCredentials);
    expect(names).toHaveLength(5);
    for (const name of names) {
      expect([name, answers[name].status]).toEqual([name, 401]);
      expect([name, answers[name].headers['www-authenticate']]).toEqual([name, 'Bearer realm="calls"']);
      expect([name, answers[name].headers['content-type']]).toEqual([name, 'application/problem+json']);
      expect(parsed(answers[name])).toEqual({ title: 'Unauthorized', detail: expect.any(String) });
    }
  });

  test('an unknown Bearer token: 401 with error="invalid_token"', () => {
    const names = named((each) => secured(each) && each.as === 'invalid');
    expect(names).toHaveLength(3);
    for (const name of names) {
      expect([name, answers[name].status]).toEqual([name, 401]);
      expect([name, answers[name].headers['www-authenticate']]).toEqual([
        name,
        'Bearer realm="calls", error="invalid_token"',
      ]);
    }
  });

  test('a valid token without the scope: 403 naming the scope in an insufficient_scope challenge and the body', () => {
    for (const [method, path, scope] of [
      ['GET', '/calls', 'calls:read'],
      ['GET', '/calls/call-1', 'calls:read'],
      ['DELETE', '/calls/call-1', 'calls:write'],
    ]) {
      const refused = answer(method, path, 'unscoped');
      expect(refused.status).toBe(403);
      expect(refused.headers['www-authenticate']).toBe(
        `Bearer realm="calls", error="insufficient_scope", scope="${scope}"`,
      );
      expect(refused.headers['content-type']).toBe('application/problem+json');
      expect(parsed(refused)).toEqual({ title: 'Forbidden', detail: expect.any(String), missing_scopes: [scope] });
    }
  });

  test("GET /calls: 200 with the caller's calls, an empty list for a caller who has none", () => {
    expect(answer('GET', '/calls', 'owner').status).toBe(200);
    expect(answer('GET', '/calls', 'owner').headers['content-type']).toBe('application/json');
    expect(parsed(answer('GET', '/calls', 'owner'))).toEqual({ items: [CALL_1, CALL_2] });
    expect(answer('GET', '/calls', 'other').status).toBe(200);
    expect(parsed(answer('GET', '/calls', 'other'))).toEqual({ items: [] });
  });

  test("GET /calls/{callId}: the owner's call is 200; HEAD answers the same without a body", () => {
    expect(answer('GET', '/calls/call-1', 'owner').status).toBe(200);
    expect(parsed(answer('GET', '/calls/call-1', 'owner'))).toEqual(CALL_1);
    expect(parsed(answer('GET', '/calls/call-2', 'owner'))).toEqual(CALL_2);
    const head = answer('HEAD', '/calls/call-1', 'owner');
    expect(head).toEqual({ ...answer('GET', '/calls/call-1', 'owner'), body: '' });
  });

  test("GET and DELETE /calls/{callId}: another tenant's call answers exactly like an unknown id, 404", () => {
    const unknown = answer('GET', '/calls/call-404', 'other');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toBe(NOT_FOUND_CALL);
    expect(unknown.headers['content-type']).toBe('application/problem+json');
    expect(answer('GET', '/calls/call-1', 'other')).toEqual(unknown);
    expect(answer('GET', '/calls/call-2', 'other')).toEqual(unknown);
    expect(answer('GET', '/calls/call-404', 'owner')).toEqual(unknown);
    expect(answer('DELETE', '/calls/call-1', 'other')).toEqual(unknown);
    expect(answer('DELETE', '/calls/call-404', 'other')).toEqual(unknown);
  });

  test('GET /users/{phoneNumber}/calls: 200 for the own number; any other, existing or not, is the same 404', () => {
    expect(answer('GET', '/users/+15550100/calls', 'owner').status).toBe(200);
    expect(parsed(answer('GET', '/users/+15550100/calls', 'owner'))).toEqual([CALL_1, CALL_2]);
    expect(answer('GET', '/users/%2B15550100/calls', 'owner')).toEqual(
      answer('GET', '/users/+15550100/calls', 'owner'),
    );
    expect(answer('GET', '/users/+15550199/calls', 'other').status).toBe(200);
    expect(parsed(answer('GET', '/users/+15550199/calls', 'other'))).toEqual([]);
    const unknown = answer('GET', '/users/+15550142/calls', 'owner');
    expect(unknown.status).toBe(404);
    expect(parsed(unknown)).toEqual({ title: 'Not Found', detail: 'No user with this phone number' });
    expect(answer('GET', '/users/+15550199/calls', 'owner')).toEqual(unknown);
    expect(answer('GET', '/users/+15550100/calls', 'other')).toEqual(unknown);
  });

  test('GET /status: 200 without credentials', () => {
    expect(answer('GET', '/status', 'none').status).toBe(200);
    expect(parsed(answer('GET', '/status', 'none'))).toEqual({ status: 'up' });
  });

  test('an unknown path is 404 for anyone; a method the path does not have is 405 with Allow', () => {
    expect(answer('GET', '/nowhere', 'none').status).toBe(404);
    expect(answer('GET', '/nowhere', 'none').headers['www-authenticate']).toBeUndefined();
    expect(answer('GET', '/nowhere', 'owner')).toEqual(answer('GET', '/nowhere', 'none'));
    expect(answer('POST', '/calls', 'owner').status).toBe(405);
    expect(answer('POST', '/calls', 'owner').headers.allow).toBe('GET');
  });
});

describe('DELETE /calls/{callId} by the owner', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startCallRecordingsServer();
  });
  afterAll(() => server.close());

  test('is 204, after which the call answers like one that never existed', async () => {
    const deleted = await send(server, request('DELETE', '/calls/call-1', 'owner'));
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    const gone = await send(server, request('GET', '/calls/call-1', 'owner'));
    expect(gone).toEqual(await send(server, request('GET', '/calls/call-404', 'owner')));
    expect(gone.body).toBe(NOT_FOUND_CALL);
    expect(parsed(await send(server, request('GET', '/calls', 'owner')))).toEqual({ items: [CALL_2] });
  });
});

/** For each mistake: which requests it changes, and what their answer becomes. */
const MISTAKE_CASES: Record<string, { changes: string[]; becomes: (answer: Answer, correct: Answer) => void }> = {
  'forbidden-without-token': {
    changes: named(withoutUsableCredentials),
    becomes: (answer) => {
      expect(answer.status).toBe(403);
      expect(answer.headers['www-authenticate']).toBeUndefined();
    },
  },
  'no-challenge': {
    changes: named(withoutUsableCredentials),
    becomes: (answer, correct) => expect(answer).toEqual(withoutHeader(correct, 'www-authenticate')),
  },
  'invalid-token-without-error': {
    changes: named((each) => secured(each) && each.as === 'invalid'),
    becomes: (answer, correct) =>
      expect(answer).toEqual({
        ...correct,
        headers: { ...correct.headers, 'www-authenticate': 'Bearer realm="calls"' },
      }),
  },
  'scope-not-named': {
    changes: named((each) => secured(each) && each.as === 'unscoped'),
    becomes: (answer) => {
      expect(answer.status).toBe(403);
      expect(answer.headers['www-authenticate']).toBeUndefined();
      expect(answer.body).not.toMatch(/calls:|missing_scopes/);
    },
  },
  'forbidden-for-other-tenant': {
    changes: named(otherTenantsCall),
    becomes: (answer) => expect(answer.status).toBe(403),
  },
  'other-tenant-body-differs': {
    changes: named(otherTenantsCall),
    becomes: (answer, correct) => {
      expect(answer.status).toBe(404);
      expect(answer.headers['content-type']).toBe(correct.headers['content-type']);
      expect(answer.body).not.toBe(correct.body);
    },
  },
  'forbidden-for-every-hidden-call': {
    changes: named((each) => /^\/calls\/call-[0-9]+$/.test(each.path) && (otherTenantsCall(each) || unknownCall(each))),
    becomes: (answer) => {
      expect(answer.status).toBe(403);
      expect(parsed(answer)).toEqual({ title: 'Forbidden', detail: 'You may not see this call' });
    },
  },
  'empty-collection-404': {
    changes: ['GET /calls as other'],
    becomes: (answer) => expect(answer.status).toBe(404),
  },
  'undocumented-500': {
    changes: ['GET /calls/call-2 as owner'],
    becomes: (answer) => expect(answer.status).toBe(500),
  },
};

function withoutHeader(answer: Answer, name: string): Answer {
  const headers = { ...answer.headers };
  delete headers[name];
  return { ...answer, headers };
}

describe('the mistake variants', () => {
  let correct: Record<string, Answer>;
  beforeAll(async () => {
    const server = await startCallRecordingsServer();
    try {
      correct = await answersOf(server);
    } finally {
      await server.close();
    }
  });

  test('are exactly the MISTAKES the module exports, each with a case here', () => {
    const script = `const { MISTAKES } = await import(${JSON.stringify(pathToFileURL(CALL_RECORDINGS_SERVER).href)});
      console.log(JSON.stringify(MISTAKES));`;
    const exported = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(exported)).toEqual(Object.keys(MISTAKE_CASES));
  });

  describe.each(Object.entries(MISTAKE_CASES))('%s', (mistake, { changes, becomes }) => {
    let server: RunningServer;
    let answers: Record<string, Answer>;
    beforeAll(async () => {
      server = await startCallRecordingsServer(mistake);
      answers = await answersOf(server);
    });
    afterAll(() => server.close());

    test(`changes the answers to ${changes.join('; ')}, and no other`, () => {
      expect(changes.length).toBeGreaterThan(0);
      const changed = Object.keys(correct).filter((name) => !isDeepStrictEqual(answers[name], correct[name]));
      expect(changed).toEqual(changes);
    });

    test('into the mistake it names', () => {
      for (const name of changes) becomes(answers[name], correct[name]);
    });
  });
});

describe('run as a script', () => {
  test('stops cleanly on SIGINT and on SIGTERM: exit 0, and the port is closed', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const server = await startCallRecordingsServer();
      expect((await send(server, request('GET', '/status', 'none'))).status).toBe(200);
      expect([signal, await server.close(signal)]).toEqual([signal, 0]);
      await expect(fetch(`${server.url}/status`)).rejects.toThrow();
    }
  });

  test('says which mistake it makes', async () => {
    const server = await startCallRecordingsServer('no-challenge');
    expect(await server.close()).toBe(0);
    expect(server.stderr()).toContain('Serving examples/call-recordings.yaml with the mistake no-challenge.');
  });

  test('an unknown mistake: exit 2, naming the mistakes it knows', async () => {
    const started = startCallRecordingsServer('no-such-mistake');
    await expect(started).rejects.toThrow('ended (exit 2)');
    await expect(started).rejects.toThrow('Unknown mistake "no-such-mistake": choose one of forbidden-without-token');
  });

  test('a port that is not one: exit 2', () => {
    const run = spawnSync(process.execPath, [CALL_RECORDINGS_SERVER, '--port', 'http'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--port must be 0 to 65535: http');
  });
});
