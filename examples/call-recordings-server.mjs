// The example API, examples/call-recordings.yaml, as a running server: the one `probe` is shown against, in its
// tests and in the README. It answers 401, 403 and 404 the way RFC 9110 and RFC 6750 ask, unless `mistake` names
// one of MISTAKES, which changes exactly one kind of answer, as servers get it wrong in practice.
//
//   node examples/call-recordings-server.mjs [--port N] [--mistake NAME]
//
// prints its URL (http://127.0.0.1:4010 by default; --port 0 picks a free port) and serves until Ctrl-C.
// The tokens it knows are in TENANTS, and in examples/call-recordings.credentials.yaml for `probe`.
// Node's built-in modules only, so that the example runs wherever the package does, without an install.
import { realpathSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

/** What each mistake variant gets wrong; each changes one kind of answer, and nothing else. */
const MISTAKE_ANSWERS = {
  'forbidden-without-token': '403 instead of 401 when no credentials are sent',
  'no-challenge': '401 without WWW-Authenticate when no credentials are sent',
  'invalid-token-without-error': '401 without error="invalid_token" for an unknown Bearer token',
  'scope-not-named': '403 that names the missing scope neither in the body nor in a challenge',
  'forbidden-for-other-tenant': "403 instead of 404 for another tenant's call",
  'other-tenant-body-differs': "404 for another tenant's call, with another body than for an unknown id",
  'forbidden-for-every-hidden-call':
    "403 for another tenant's call and for an unknown id alike (nothing leaks, no 404)",
  'empty-collection-404': 'GET /calls answers 404 to a caller who has no calls',
  'undocumented-500': 'GET /calls/call-2 answers 500 to its owner (a status the description does not document)',
};

/** The names of the mistake variants, for `mistake` and `--mistake`. */
export const MISTAKES = Object.freeze(/** @type {Mistake[]} */ (Object.keys(MISTAKE_ANSWERS)));

/**
 * @typedef {keyof typeof MISTAKE_ANSWERS} Mistake
 * @typedef {{ id: string, from: string, to: string, startedAt: string }} Call
 * @typedef {{ token: string, scopes: string[], phoneNumber?: string, calls: Call[] }} Tenant
 * @typedef {{ status: number, headers?: Record<string, string>, body?: unknown }} Answer
 * What one running server knows: its own copy of the tenants (a DELETE changes only that server's) and its mistake.
 * @typedef {{ tenants: Tenant[], mistake: Mistake | undefined }} State
 * @typedef {{ scope: string, answer: (caller: Tenant, state: State) => Answer }} Operation
 */

/** Everyone the server knows. `other` is the valid caller who must not learn what `owner` has. */
const TENANTS = /** @type {Tenant[]} */ ([
  {
    token: 'owner-token',
    scopes: ['calls:read', 'calls:write'],
    phoneNumber: '+15550100',
    calls: [
      { id: 'call-1', from: '+15550100', to: '+15550123', startedAt: '2024-05-02T09:30:00Z' },
      { id: 'call-2', from: '+15550177', to: '+15550100', startedAt: '2024-05-03T16:05:00Z' },
    ],
  },
  { token: 'other-token', scopes: ['calls:read', 'calls:write'], phoneNumber: '+15550199', calls: [] },
  { token: 'unscoped-token', scopes: [], calls: [] },
]);

const REALM = 'calls';
const NO_SUCH_CALL = 'No call with this id';
const NO_SUCH_USER = 'No user with this phone number';

/** @param {{ host?: string, port?: number, mistake?: string }} [options] */
export async function startCallRecordingsServer({ host = '127.0.0.1', port = 0, mistake = undefined } = {}) {
  if (mistake !== undefined && !Object.hasOwn(MISTAKE_ANSWERS, mistake)) {
    throw new Error(`Unknown mistake "${mistake}": choose one of ${MISTAKES.join(', ')}`);
  }
  const state = { tenants: structuredClone(TENANTS), mistake: /** @type {Mistake | undefined} */ (mistake) };
  let requests = 0;
  const server = createServer((request, response) => {
    /** @type {Answer} */
    let answer;
    try {
      answer = answerTo(request.method ?? 'GET', request.url ?? '/', request.headers.authorization, state);
    } catch (error) {
      console.error(error);
      answer = problem(500, 'Internal Server Error', 'The server failed to answer');
    }
    const body = answer.body === undefined ? undefined : JSON.stringify(answer.body);
    const type =
      body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': `${Buffer.byteLength(body)}` };
    // A request id that differs on every answer, as real servers send: `probe` must look past it when it
    // compares the answer for a hidden item with the one for a missing item.
    response.writeHead(answer.status, { ...type, ...answer.headers, 'X-Request-Id': `req-${++requests}` }).end(body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    /** @returns {Promise<void>} */
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Clients such as fetch keep idle connections open, which would hold close() for seconds.
        server.closeAllConnections();
      }),
  };
}

/**
 * Routing comes first, so that an unknown path is 404 for anyone; then authentication, then scopes, then the item.
 * @param {string} method
 * @param {string} target
 * @param {string | undefined} authorization
 * @param {State} state
 * @returns {Answer}
 */
function answerTo(method, target, authorization, state) {
  const [pathname] = target.split('?', 1);
  // HEAD is GET without the body, which node:http leaves out by itself.
  const asked = method === 'HEAD' ? 'GET' : method;
  if (pathname === '/status') {
    return asked === 'GET' ? { status: 200, body: { status: 'up' } } : notAllowed(['GET']);
  }
  const operations = operationsAt(pathname);
  if (operations === undefined) return problem(404, 'Not Found', 'No such path');
  const operation = operations[asked];
  if (operation === undefined) return notAllowed(Object.keys(operations));
  const caller = authenticate(authorization, state);
  if (!('token' in caller)) return caller;
  return authorize(caller, operation.scope, state.mistake) ?? operation.answer(caller, state);
}

/**
 * The operations of examples/call-recordings.yaml that take credentials, by method, with the scope each needs.
 * @param {string} pathname
 * @returns {Record<string, Operation> | undefined}
 */
function operationsAt(pathname) {
  if (pathname === '/calls') return { GET: { scope: 'calls:read', answer: listCalls } };
  const call = /^\/calls\/([^/]+)$/.exec(pathname);
  if (call !== null) {
    const id = decoded(call[1]);
    return {
      GET: { scope: 'calls:read', answer: (caller, state) => getCall(caller, id, state) },
      DELETE: { scope: 'calls:write', answer: (caller, state) => deleteCall(caller, id, state) },
    };
  }
  const user = /^\/users\/([^/]+)\/calls$/.exec(pathname);
  if (user !== null) {
    const phoneNumber = decoded(user[1]);
    return { GET: { scope: 'calls:read', answer: (caller) => listUserCalls(caller, phoneNumber) } };
  }
  return undefined;
}

/**
 * The tenant whose Bearer token this is, or the 401 (RFC 6750 §3: the challenge names the error only when a
 * Bearer token was sent; no credentials, or another scheme, get the bare challenge).
 * @param {string | undefined} authorization
 * @param {State} state
 * @returns {Tenant | Answer}
 */
function authenticate(authorization, state) {
  const bearer = /^Bearer +(\S+)$/i.exec(authorization ?? '');
  if (bearer === null) {
    if (state.mistake === 'forbidden-without-token') return problem(403, 'Forbidden', 'You may not do this');
    const answer = problem(401, 'Unauthorized', 'This operation needs an access token');
    // The mistake leaves out the challenge where a client needs it first: with no credentials sent.
    return state.mistake === 'no-challenge' ? answer : challenged(answer, {});
  }
  const caller = state.tenants.find((tenant) => tenant.token === bearer[1]);
  if (caller !== undefined) return caller;
  const answer = problem(401, 'Unauthorized', 'The access token is invalid or has expired');
  return challenged(answer, state.mistake === 'invalid-token-without-error' ? {} : { error: 'invalid_token' });
}

/**
 * Nothing when the caller has the scope; else the 403 that says which scope is missing, in the body and in an
 * RFC 6750 insufficient_scope challenge, so that a client knows which token to ask for.
 * @param {Tenant} caller
 * @param {string} scope
 * @param {Mistake | undefined} mistake
 * @returns {Answer | undefined}
 */
function authorize(caller, scope, mistake) {
  if (caller.scopes.includes(scope)) return undefined;
  if (mistake === 'scope-not-named') return problem(403, 'Forbidden', 'You may not do this');
  const answer = problem(403, 'Forbidden', `The access token lacks the scope ${scope}`, { missing_scopes: [scope] });
  return challenged(answer, { error: 'insufficient_scope', scope });
}

/**
 * A collection answers 200 with the caller's calls, none being an empty list: 404 would say the path is wrong.
 * @param {Tenant} caller
 * @param {State} state
 * @returns {Answer}
 */
function listCalls(caller, state) {
  if (caller.calls.length === 0 && state.mistake === 'empty-collection-404') {
    return problem(404, 'Not Found', 'No calls');
  }
  return { status: 200, body: { items: caller.calls } };
}

/**
 * @param {Tenant} caller
 * @param {string} id
 * @param {State} state
 * @returns {Answer}
 */
function getCall(caller, id, state) {
  const call = caller.calls.find((candidate) => candidate.id === id);
  if (call === undefined) return hiddenCall(id, state);
  // One call only, so that the owner's other call still answers 200.
  if (id === 'call-2' && state.mistake === 'undocumented-500') {
    return problem(500, 'Internal Server Error', 'The recording could not be read');
  }
  return { status: 200, body: call };
}

/**
 * @param {Tenant} caller
 * @param {string} id
 * @param {State} state
 * @returns {Answer}
 */
function deleteCall(caller, id, state) {
  if (!caller.calls.some((call) => call.id === id)) return hiddenCall(id, state);
  caller.calls = caller.calls.filter((call) => call.id !== id);
  return { status: 204 };
}

/**
 * Another tenant's call answers exactly like a call that does not exist, so that nobody can learn which ids do.
 * @param {string} id
 * @param {State} state
 * @returns {Answer}
 */
function hiddenCall(id, state) {
  const exists = state.tenants.some((tenant) => tenant.calls.some((call) => call.id === id));
  if (state.mistake === 'forbidden-for-every-hidden-call') {
    return problem(403, 'Forbidden', 'You may not see this call');
  }
  if (exists && state.mistake === 'forbidden-for-other-tenant') {
    return problem(403, 'Forbidden', 'This call belongs to another user');
  }
  if (exists && state.mistake === 'other-tenant-body-differs') {
    return problem(404, 'Not Found', 'This call belongs to another user');
  }
  return problem(404, 'Not Found', NO_SUCH_CALL);
}

/**
 * Only the caller's own number is visible; any other, existing or not, is the same 404.
 * @param {Tenant} caller
 * @param {string} phoneNumber
 * @returns {Answer}
 */
function listUserCalls(caller, phoneNumber) {
  if (phoneNumber !== caller.phoneNumber) return problem(404, 'Not Found', NO_SUCH_USER);
  return { status: 200, body: caller.calls };
}

/**
 * An RFC 9457 problem: what the description's Problem schema has, plus what the answer adds.
 * @param {number} status
 * @param {string} title
 * @param {string} detail
 * @param {Record<string, unknown>} [extra]
 * @returns {Answer}
 */
function problem(status, title, detail, extra = {}) {
  return { status, headers: { 'Content-Type': 'application/problem+json' }, body: { title, detail, ...extra } };
}

/**
 * @param {Answer} answer
 * @param {{ error?: string, scope?: string }} parameters
 * @returns {Answer}
 */
function challenged(answer, parameters) {
  const challenge = [`realm="${REALM}"`, ...Object.entries(parameters).map(([name, value]) => `${name}="${value}"`)];
  return { ...answer, headers: { ...answer.headers, 'WWW-Authenticate': `Bearer ${challenge.join(', ')}` } };
}

/** @param {string[]} methods */
function notAllowed(methods) {
  const answer = problem(405, 'Method Not Allowed', `This path answers ${methods.join(', ')}`);
  return { ...answer, headers: { ...answer.headers, Allow: methods.join(', ') } };
}

/**
 * A path segment as the client meant it; a malformed escape is kept as it is, which matches no id (so: 404).
 * @param {string} segment
 */
function decoded(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const USAGE = `usage: node examples/call-recordings-server.mjs [--port N] [--mistake NAME]
  --port N        the port on 127.0.0.1 (default 4010; 0 picks a free one)
  --mistake NAME  answer one kind of request wrongly:
${Object.entries(MISTAKE_ANSWERS)
  .map(([name, answer]) => `    ${name.padEnd(28)} ${answer}`)
  .join('\n')}`;

/** Run as a script: serve until SIGINT or SIGTERM, then close the connections and let the process end. */
async function main() {
  /** @type {{ port?: string, mistake?: string, help?: boolean }} */
  let options;
  try {
    ({ values: options } = parseArgs({
      options: { port: { type: 'string' }, mistake: { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    return fail(/** @type {Error} */ (error).message);
  }
  if (options.help === true) return console.log(USAGE);
  const { port: portText = '4010' } = options;
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) return fail(`--port must be 0 to 65535: ${portText}`);
  /** @type {Awaited<ReturnType<typeof startCallRecordingsServer>>} */
  let server;
  try {
    server = await startCallRecordingsServer({ port, mistake: options.mistake });
  } catch (error) {
    const { code, message } = /** @type {NodeJS.ErrnoException} */ (error);
    return fail(code === 'EADDRINUSE' ? `port ${port} is in use: pass --port N (0 picks a free one)` : message);
  }
  // Ready for a signal before the URL tells anyone the server is there.
  const stop = () => void server.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.error(
    `Serving examples/call-recordings.yaml${options.mistake ? ` with the mistake ${options.mistake}` : ''}.`,
  );
  console.error('Ctrl-C stops it.');
  console.log(server.url);
}

/** @param {string} message */
function fail(message) {
  console.error(`call-recordings-server: ${message}\n${USAGE}`);
  process.exitCode = 2;
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === import.meta.filename) await main();
