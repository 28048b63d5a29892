/**
 * What `probe` promises about safety and failure, each shown with the real built command against real HTTP servers
 * on 127.0.0.1: a server that cannot be reached or does not answer, a bad credentials file, redirects to another
 * host, the request budget and rate, Ctrl-C, and credentials kept out of every report format.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FORMAT_NAMES } from '../../src/cli/names';
import { BIN, plainEnvironment, removeWorkspace, runCli, workspace } from '../cli/run-cli';
import { startHttpServer, TestServer } from '../helpers/http-servers';

const EXAMPLE = readFileSync(resolve(__dirname, '../../examples/call-recordings.yaml'), 'utf8');
const CREDENTIALS = [
  'owner:',
  "  headers: { Authorization: 'Bearer ${OWNER_TOKEN}' }",
  '  cookies: { session: owner-cookie-Zq81 }',
  'other:',
  "  headers: { Authorization: 'Bearer ${OTHER_TOKEN}' }",
  '  query: { api_key: other-key-Wm55 }',
  'unscoped:',
  "  headers: { Authorization: 'Bearer unscoped-Tk42' }",
  'items:',
  '  callId: [call-1]',
  "  phoneNumber: ['+15550100']",
  '',
].join('\n');
const TOKENS = { OWNER_TOKEN: 'owner-secret-Qx93', OTHER_TOKEN: 'other-secret-Pv07' };
/** Every credential the file gives, as a leak would show it. */
const SECRETS = [...Object.values(TOKENS), 'owner-cookie-Zq81', 'other-key-Wm55', 'unscoped-Tk42'];

let root: string;
beforeAll(() => {
  root = workspace({ 'openapi.yaml': EXAMPLE, 'credentials.yaml': CREDENTIALS });
});
afterAll(() => removeWorkspace(root));

const probe = (server: string, ...extra: string[]) =>
  runCli(
    ['probe', 'openapi.yaml', '--server', server, '--credentials', 'credentials.yaml', '--rate', '200', ...extra],
    root,
    plainEnvironment(TOKENS),
  );

test('a server that cannot be reached: exit 2 with the reason on one line, no stack trace', async () => {
  const server = await startHttpServer((_request, response) => response.end());
  await server.close();
  const run = await probe(server.url);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(
    new RegExp(`^spectral-auth-responses: cannot probe ${server.url}: GET .*ECONNREFUSED.*\\n$`),
  );
});

test('a server that does not answer within --timeout: exit 2, saying so', async () => {
  const server = await startHttpServer(() => undefined);
  try {
    const started = Date.now();
    const run = await probe(server.url, '--timeout', '300');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/got no answer within 300 ms\n$/);
    expect(server.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(10_000);
  } finally {
    await server.close();
  }
});

describe('a bad credentials file: exit 2 with file:line, before any request', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startHttpServer((_request, response) => response.end());
  });
  afterAll(() => server.close());

  test.each([
    [
      'an unknown key',
      CREDENTIALS.replace('  query:', '  body:'),
      TOKENS,
      'bad.yaml:6: unknown key `other.body` (expected headers, query, cookies)',
    ],
    ['an unset variable', CREDENTIALS, { OWNER_TOKEN: 'x' }, 'bad.yaml:5: environment variable OTHER_TOKEN is not set'],
  ])('%s', async (_name, text, env, expected) => {
    const dir = workspace({ 'openapi.yaml': EXAMPLE, 'bad.yaml': text });
    try {
      const args = ['probe', 'openapi.yaml', '--server', server.url, '--credentials', 'bad.yaml'];
      const run = await runCli(args, dir, plainEnvironment(env));
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`spectral-auth-responses: ${expected}\n`);
      expect(server.requests).toEqual([]);
    } finally {
      removeWorkspace(dir);
    }
  });
});

test('no request leaves --server: a redirect to another host is reported, never followed; paths stay under the server path', async () => {
  const elsewhere = await startHttpServer((_request, response) => response.end('{}'));
  const redirecting = await startHttpServer((request, response) => {
    response.writeHead(302, { Location: `${elsewhere.url}/steal${request.url ?? ''}` }).end();
  });
  try {
    const run = await probe(`${redirecting.url}/api/v1/`, '-f', 'json');
    expect(elsewhere.requests).toEqual([]);
    expect(redirecting.requests.length).toBeGreaterThan(5);
    expect(redirecting.requests.filter((request) => !request.url.startsWith('/api/v1/'))).toEqual([]);
    // The 302s are findings (not 401, not documented), with the Location as evidence.
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Location: ${elsewhere.url}/steal/api/v1/calls`);
  } finally {
    await Promise.all([elsewhere.close(), redirecting.close()]);
  }
});

test('--max-requests bounds the run: exactly that many, then exit 2 with what was found so far; --rate spaces them', async () => {
  const server = await startHttpServer((_request, response) => response.writeHead(403).end());
  try {
    const run = await runCli(
      ['probe', 'openapi.yaml', '--server', server.url, '--credentials', 'credentials.yaml', '--max-requests', '4'],
      root,
      plainEnvironment({ ...TOKENS }),
    );
    expect(server.requests).toHaveLength(4);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the probe stopped at --max-requests 4 before its plan was done');
    expect(run.stdout).toMatch(/probe-unauthenticated-401/);
    // The default rate, 5 per second: 200 ms between the starts of two requests, so 400 ms from the second to the
    // fourth (from the second: the first connection's set-up delays the first arrival by a varying time).
    expect(server.requests[3].at - server.requests[1].at).toBeGreaterThanOrEqual(350);
  } finally {
    await server.close();
  }
});

test('Ctrl-C stops sending, reports what was found so far, and exits 2', async () => {
  const server = await startHttpServer((_request, response) => {
    setTimeout(() => response.writeHead(403).end('{"title":"Forbidden"}'), 50);
  });
  try {
    const child = spawn(
      process.execPath,
      [
        BIN,
        'probe',
        'openapi.yaml',
        '--server',
        server.url,
        '--credentials',
        'credentials.yaml',
        '--rate',
        '4',
        '-f',
        'json',
      ],
      { cwd: root, env: plainEnvironment(TOKENS) },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((done) => child.once('close', (code) => done(code)));
    while (server.requests.length < 2) await new Promise((wait) => setTimeout(wait, 20));
    child.kill('SIGINT');
    const code = await exited;
    const sent = server.requests.length;
    await new Promise((wait) => setTimeout(wait, 600));
    expect(server.requests).toHaveLength(sent);
    expect(code).toBe(2);
    // Stopped at once: at 4 per second, a few of the plan's 17 requests.
    expect(sent).toBeLessThan(6);
    expect(stderr).toContain(`the probe was interrupted after ${sent} requests`);
    // What the requests sent so far showed (the owner's reads got 403, which GET /users/{phoneNumber}/calls does not
    // document) is reported.
    const codes = (JSON.parse(stdout) as { code: string }[]).map((result) => result.code);
    expect(codes).toContain('probe-undocumented-status');
  } finally {
    await server.close();
  }
});

describe('credentials never appear in any report format', () => {
  let server: TestServer;
  /** A leaky server: it echoes every credential it gets into its headers and body, and refuses everything. */
  beforeAll(async () => {
    server = await startHttpServer((request, response) => {
      const echoed = JSON.stringify({ headers: request.headers, url: request.url });
      const authorization = request.headers.authorization ?? 'none';
      response
        .writeHead(403, {
          'Content-Type': 'application/json',
          'WWW-Authenticate': `Bearer realm="${authorization}"`,
          Location: request.url ?? '',
        })
        .end(echoed);
    });
  });
  afterAll(() => server.close());

  test.each(FORMAT_NAMES)('%s', async (format) => {
    const run = await probe(server.url, '-f', format);
    expect(run.code).toBe(1);
    const output = run.stdout + run.stderr;
    for (const secret of SECRETS) expect(output).not.toContain(secret);
    // Nor the made-up invalid token, which the leaky server echoes into its challenge's realm.
    expect(output).not.toMatch(/realm=\\?"Bearer /);
    // The evidence did carry the echoes, redacted (each format escapes the brackets its own way).
    expect(output).toContain('redacted');
  });

  test('and not in a report file either', async () => {
    const run = await probe(server.url, '-f', 'json', '-o', 'report.json');
    const report = readFileSync(join(root, 'report.json'), 'utf8');
    expect(run.code).toBe(1);
    for (const secret of SECRETS) expect(report).not.toContain(secret);
    expect(report).toContain('[redacted]');
  });
});

describe('the command line', () => {
  test('probe --help states the safety rules and the exit codes', async () => {
    const run = await runCli(['probe', '--help'], root);
    expect(run.code).toBe(0);
    for (const promise of [
      'only GET and HEAD unless --unsafe-methods',
      'redirects are never followed',
      'requests go only to the origin and path of --server',
      'replaced by [redacted]',
      'Ctrl-C stops sending',
      'Exit codes: 0',
    ]) {
      expect(run.stdout.replace(/\s+/g, ' ')).toContain(promise);
    }
  });

  test.each([
    [
      'a --server that is not http(s)',
      ['--server', 'file:///etc/passwd', '--credentials', 'credentials.yaml'],
      '--server',
    ],
    [
      'credentials in the URL',
      ['--server', 'http://u:p@127.0.0.1:1', '--credentials', 'credentials.yaml'],
      'not in the URL',
    ],
    ['no --credentials', ['--server', 'http://127.0.0.1:1'], "required option '--credentials <file>'"],
    [
      'a --rate of 0',
      ['--server', 'http://127.0.0.1:1', '--credentials', 'credentials.yaml', '--rate', '0'],
      'positive',
    ],
  ])('%s is a usage error (exit 2)', async (_name, args, message) => {
    const run = await runCli(['probe', 'openapi.yaml', ...args], root, plainEnvironment(TOKENS));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  test('a description that does not parse: exit 2 with file:line, nothing sent', async () => {
    const server = await startHttpServer((_request, response) => response.end());
    const dir = workspace({ 'broken.yaml': 'openapi: 3.0.3\npaths: [\n', 'credentials.yaml': CREDENTIALS });
    try {
      const args = ['probe', 'broken.yaml', '--server', server.url, '--credentials', 'credentials.yaml'];
      const run = await runCli(args, dir, plainEnvironment(TOKENS));
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^spectral-auth-responses: broken\.yaml:\d+:\d+: invalid YAML/);
      expect(server.requests).toEqual([]);
    } finally {
      removeWorkspace(dir);
      await server.close();
    }
  });
});
