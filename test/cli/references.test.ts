import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isInside } from '../../src/containment';
import { startHttpServer, TestServer } from '../helpers/http-servers';
import { CliRun, removeWorkspace, runCli, workspace } from './run-cli';

/**
 * `$ref`s of untrusted documents (CI lints pull requests from forks): nothing is fetched from the network, and no file
 * outside the linted document's directory is read, unless the command line allows it. The secret's text must never
 * appear in any output, because a finding's message can quote what a reference pulled in.
 */
const SECRET = 'TOP-SECRET-TOKEN';

const documentWith = (refs: Record<string, string>) =>
  [
    'openapi: 3.0.3',
    'info: { title: Refs, version: 1.0.0 }',
    'paths:',
    '  /status:',
    '    get:',
    '      responses:',
    ...Object.entries(refs).map(([code, ref]) => `        '${code}': { $ref: '${ref}' }`),
    '',
  ].join('\n');

let root: string;
beforeAll(() => {
  root = workspace({
    'api/inside.openapi.yaml': documentWith({ '200': 'responses/ok.yaml', '204': 'responses/nested/../ok.yaml' }),
    'api/outside.openapi.yaml': documentWith({ '200': '../shared/ok.yaml' }),
    'api/escaping.openapi.yaml': documentWith({ '200': 'responses/../../secret/secret.yaml', '201': '/etc/hostname' }),
    'api/symlinked.openapi.yaml': documentWith({ '200': 'responses/link.yaml' }),
    'api/remote.openapi.yaml': documentWith({
      '200': 'https://example.invalid/responses.yaml#/ok',
      '201': 'http://127.0.0.1:9/ok.yaml',
    }),
    'api/chained.openapi.yaml': documentWith({ '200': 'responses/chain.yaml' }),
    'api/responses/ok.yaml': 'description: OK\n',
    'api/responses/chain.yaml': "description: OK\nheaders:\n  X-Secret: { $ref: '../../secret/secret.yaml' }\n",
    'shared/ok.yaml': 'description: Shared OK\n',
    'secret/secret.yaml': `description: ${SECRET}\n`,
  });
  symlinkSync(join(root, 'secret/secret.yaml'), join(root, 'api/responses/link.yaml'));
});
afterAll(() => removeWorkspace(root));

describe('the safe $ref resolver, through the bin', () => {
  let runs: Record<string, CliRun>;
  beforeAll(async () => {
    const lint = (...args: string[]) => runCli(['lint', '-f', 'text', ...args], root);
    const [inside, outside, outsideAllowed, escaping, symlinked, remote, chained] = await Promise.all([
      lint('api/inside.openapi.yaml'),
      lint('api/outside.openapi.yaml'),
      lint('--allow-outside-refs', 'shared', 'api/outside.openapi.yaml'),
      lint('api/escaping.openapi.yaml'),
      lint('api/symlinked.openapi.yaml'),
      lint('api/remote.openapi.yaml'),
      lint('api/chained.openapi.yaml'),
    ]);
    runs = { inside, outside, outsideAllowed, escaping, symlinked, remote, chained };
  });

  test('references inside the document’s directory are followed', () => {
    expect(runs.inside).toMatchObject({ code: 0, stderr: '' });
  });

  test('a file outside is refused with a clear error at the $ref (exit 2), and read with --allow-outside-refs', () => {
    expect(runs.outside.code).toBe(2);
    expect(runs.outside.stderr).toContain(
      `spectral-auth-responses: api/outside.openapi.yaml:7:24: $ref ${join(root, 'shared/ok.yaml')} was not read: it leads outside ${join(root, 'api')}; use --allow-outside-refs DIR to allow files under DIR`,
    );
    expect(runs.outside.stdout).toContain('invalid-ref');
    expect(runs.outsideAllowed).toMatchObject({ code: 0, stderr: '' });
  });

  test.each(['escaping', 'symlinked', 'chained'])(
    '%s: `..`, absolute paths, symlinks and references in referenced files cannot leave',
    (name) => {
      expect(runs[name].code).toBe(2);
      expect(runs[name].stderr).toContain('was not read: it leads outside');
      expect(runs[name].stdout + runs[name].stderr).not.toContain(SECRET);
    },
  );

  test('the symlink’s target is named', () => {
    expect(runs.symlinked.stderr).toContain(`(a symlink to ${join(root, 'secret/secret.yaml')})`);
  });

  test('http(s) references are not fetched without --allow-remote-refs', () => {
    expect(runs.remote.code).toBe(2);
    expect(runs.remote.stderr).toContain(
      'api/remote.openapi.yaml:7:24: $ref https://example.invalid/responses.yaml was not fetched: remote references are off by default; use --allow-remote-refs to fetch them',
    );
    expect(runs.remote.stderr).toContain('$ref http://127.0.0.1:9/ok.yaml was not fetched');
  });
});

describe('--allow-remote-refs, against a server on this machine', () => {
  let server: TestServer;
  let requests: string[];
  let requestsWhenRefused: number;
  let runs: Record<'refused' | 'allowed', CliRun>;
  beforeAll(async () => {
    server = await startHttpServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/yaml' }).end('ok:\n  description: Fetched OK\n');
    });
    const remoteRoot = workspace({
      'openapi.yaml': documentWith({ '200': `${server.url}/responses.yaml#/ok` }),
    });
    const refused = await runCli(['lint', 'openapi.yaml'], remoteRoot);
    requestsWhenRefused = server.requests.length;
    const allowed = await runCli(['lint', '--allow-remote-refs', 'openapi.yaml'], remoteRoot);
    requests = server.requests.map((request) => request.url);
    runs = { refused, allowed };
    removeWorkspace(remoteRoot);
  });
  afterAll(() => server.close());

  test('without the option nothing is requested, and the reference is refused (exit 2)', () => {
    expect(requestsWhenRefused).toBe(0);
    expect(runs.refused.code).toBe(2);
    expect(runs.refused.stderr).toContain('was not fetched: remote references are off by default');
  });

  test('with it the reference is fetched and followed', () => {
    expect(requests).toEqual(['/responses.yaml']);
    expect(runs.allowed).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('isInside', () => {
  test.each([
    ['/a/b/c.yaml', '/a/b', true],
    ['/a/b', '/a/b', true],
    ['/a/b/..hidden.yaml', '/a/b', true],
    ['/a/bc/x.yaml', '/a/b', false],
    ['/a/x.yaml', '/a/b', false],
    ['/x.yaml', '/a/b', false],
  ])('%s in %s: %s', (path, directory, expected) => {
    expect(isInside(path, directory)).toBe(expected);
  });
});
