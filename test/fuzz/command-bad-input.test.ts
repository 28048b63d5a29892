import { chmodSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliRun, removeWorkspace, runCli, workspace } from '../cli/run-cli';
import { FIXTURES } from '../helpers/lint';

/**
 * Hostile and malformed files through the real `spectral-auth-responses lint` (dist/cli.js, a child process):
 * each becomes one message naming the file (with line and column where there is one), the exit code is 2, and the
 * good file given with them is still linted. Missing files, directories, syntax errors and documents that are not
 * OpenAPI are covered in test/cli/lint.test.ts; reference cycles across files in command-reference-cycle.test.ts.
 */
const upstream = (name: string) => readFileSync(join(FIXTURES, 'robustness', 'upstream', name), 'utf8');

/** `{"a":{"allOf":[{"allOf":[ ... ]}]}}`, `depth` levels: deeper than Spectral's parser can go. */
function nestedJson(depth: number): string {
  return `{"openapi":"3.0.3","info":{"title":"deep","version":"1"},"paths":{},"components":{"schemas":{"Deep":${'{"allOf":['.repeat(depth)}{}${']}'.repeat(depth)}}}}`;
}

/** Bytes that are no text at all: NUL, control characters, a lone continuation byte. */
const BINARY = Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x1b, 0x5b, 0x00, 0x80, 0x0a, 0x00, 0x07]);

/** "café", then two bytes that are not UTF-8: read as text, they would silently become U+FFFD. */
const INVALID_UTF8 = Buffer.concat([
  Buffer.from('openapi: 3.0.3\ninfo: { title: "caf\u00e9 '),
  Buffer.from([0xff, 0xfe]),
  Buffer.from('", version: "1" }\npaths: {}\n'),
]);

/** Ten levels of nine aliases to the level below: about 4 billion nodes once expanded, from 14 lines. */
function aliasBomb(levels: number): string {
  const lines = [
    'openapi: 3.0.3',
    'info: { title: laughs, version: "1" }',
    'paths: {}',
    'x-laughs:',
    '  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ];
  for (let level = 1; level < levels; level++)
    lines.push(
      `  l${level}: &l${level} [${Array(9)
        .fill(`*l${level - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

const MEGABYTE = 1024 * 1024;

const BAD_FILES = [
  'empty.yaml',
  'binary.yaml',
  'invalid-utf8.yaml',
  'utf16.yaml',
  'duplicate-keys.yaml',
  'array.json',
  'has-own-property.json',
  'proto-key.yaml',
  'deep.json',
  'alias-bomb.yaml',
  'huge.yaml',
];

let root: string;
let run: CliRun;
beforeAll(async () => {
  root = workspace({
    'good-and-bad.openapi.yaml': { fixture: 'bad.openapi.yaml' },
    'empty.yaml': '',
    'duplicate-keys.yaml': [
      'openapi: 3.0.3',
      'info: { title: t, version: "1" }',
      'paths:',
      '  /calls:',
      '    get: { responses: { "200": { description: ok } } }',
      '  /calls:',
      '    get: { responses: { "200": { description: ok } } }',
      '',
    ].join('\n'),
    'array.json': '[1, 2, 3]',
    'has-own-property.json': upstream('has-own-property-key.json.txt'),
    'proto-key.yaml': upstream('proto-key-with-scalar-value.yaml.txt'),
    'deep.json': nestedJson(3000),
    'alias-bomb.yaml': aliasBomb(10),
  });
  writeFileSync(join(root, 'binary.yaml'), BINARY);
  writeFileSync(join(root, 'invalid-utf8.yaml'), INVALID_UTF8);
  writeFileSync(
    join(root, 'utf16.yaml'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('openapi: 3.0.3\n', 'utf16le')]),
  );
  // 50 MB that take no disk: a sparse file; the command must refuse it by its size, before reading a byte.
  writeFileSync(join(root, 'huge.yaml'), '');
  truncateSync(join(root, 'huge.yaml'), 50 * MEGABYTE);
  run = await runCli(['lint', '-f', 'json', ...BAD_FILES, 'good-and-bad.openapi.yaml'], root);
});
afterAll(() => removeWorkspace(root));

test('exits 2, and the good file given with the bad ones is still linted', () => {
  expect(run.code).toBe(2);
  const codes = (JSON.parse(run.stdout) as { code: string; source: string }[]).map((result) => result.code);
  expect(codes).toEqual(expect.arrayContaining(['auth-401-documented', 'auth-404-protected-item']));
});

test.each([
  ['an empty file', /empty\.yaml: .+/],
  ['a binary file, with line and column', /binary\.yaml:1:4: is not UTF-8 text: byte 0xFF /],
  ['invalid UTF-8, with line and column', /invalid-utf8\.yaml:2:22: is not UTF-8 text: byte 0xFF at byte offset 37 /],
  ['UTF-16', /utf16\.yaml:1:1: is UTF-16 text .*save it as UTF-8/],
  [
    'nesting deeper than Spectral can parse',
    /deep\.json: cannot be parsed: it nests deeper than the parser can follow/,
  ],
  [
    'a YAML alias bomb, at its largest alias',
    /alias-bomb\.yaml:14:\d+: is a YAML alias bomb \("billion laughs"\): its aliases expand it from \d+ nodes to 4,412,961,528 /,
  ],
  [
    'a 50 MB document, with the option that lints it',
    /huge\.yaml: is 50\.0 MB, more than the 32 MB limit; use --max-file-size 50 to lint it anyway/,
  ],
  ['duplicate keys, with line and column', /duplicate-keys\.yaml:6:3: invalid YAML: Duplicate key: \/calls/],
  ['JSON that is no API description', /array\.json: not an OpenAPI 2\.0, 3\.0 or 3\.1 description/],
  // Spectral itself fails on these two before any rule runs (fixtures/robustness/README.md): one file's failure.
  ['a key named hasOwnProperty', /has-own-property\.json: could not be linted: /],
  ['a YAML key __proto__ with a scalar value', /proto-key\.yaml: could not be linted: /],
])('%s', (_name, line) => {
  const lines = run.stderr.split('\n').filter((text) => text.startsWith('spectral-auth-responses: '));
  expect(lines.some((text) => line.test(text))).toBe(true);
});

test('every message names its file', () => {
  const lines = run.stderr.trim().split('\n');
  expect(
    lines.filter((text) => !BAD_FILES.some((file) => text.startsWith(`spectral-auth-responses: ${file}:`))),
  ).toEqual([]);
  expect(
    BAD_FILES.filter((file) => !lines.some((text) => text.startsWith(`spectral-auth-responses: ${file}:`))),
  ).toEqual([]);
});

test('an unreadable file', async () => {
  const unreadableRoot = workspace({
    'secret.yaml': { fixture: 'bad.openapi.yaml' },
    'openapi.yaml': { fixture: 'bad.openapi.yaml' },
  });
  try {
    chmodSync(join(unreadableRoot, 'secret.yaml'), 0o000);
    // Root reads any file (CI runs as root here): run the command without the capabilities that let it, with
    // util-linux's setpriv. Running it as another user instead would need every folder above the checkout open to them.
    const asRoot = process.getuid?.() === 0;
    const withoutReadOverride = asRoot ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search'] : [];
    const unreadable = await runCli(['lint', '-f', 'json', 'secret.yaml', 'openapi.yaml'], unreadableRoot, undefined, {
      launcher: withoutReadOverride,
    });
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toBe('spectral-auth-responses: secret.yaml: cannot read the file (permission denied)\n');
    expect((JSON.parse(unreadable.stdout) as { source: string }[]).map((result) => result.source)).toContain(
      join(unreadableRoot, 'openapi.yaml'),
    );
  } finally {
    removeWorkspace(unreadableRoot);
  }
});

test('a file that a $ref reads gets the same checks: an alias bomb, bytes that are not UTF-8, a size over the limit', async () => {
  const referencing = (file: string) =>
    [
      'openapi: 3.0.3',
      'info: { title: t, version: "1" }',
      'paths:',
      '  /calls:',
      '    get:',
      '      responses:',
      `        "200": { $ref: "./${file}#/Ok" }`,
      '',
    ].join('\n');
  const referencedRoot = workspace({
    'bomb.openapi.yaml': referencing('laughs.yaml'),
    'laughs.yaml': `Ok: { description: ok }\n${aliasBomb(10).split('\n').slice(3).join('\n')}`,
    'latin1.openapi.yaml': referencing('latin1.yaml'),
    'large.openapi.yaml': referencing('large.yaml'),
    'large.yaml': `Ok: { description: ok }\nx-padding: "${'a'.repeat(MEGABYTE)}"\n`,
  });
  try {
    writeFileSync(
      join(referencedRoot, 'latin1.yaml'),
      Buffer.concat([Buffer.from('Ok: { description: "caf'), Buffer.from([0xe9]), Buffer.from('" }\n')]),
    );
    const checked = await runCli(
      ['lint', '--max-file-size', '0.5', 'bomb.openapi.yaml', 'latin1.openapi.yaml', 'large.openapi.yaml'],
      referencedRoot,
    );
    expect(checked.code).toBe(2);
    const lines = checked.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^spectral-auth-responses: bomb\.openapi\.yaml:7:\d+: \$ref \S+\/laughs\.yaml was not read: the file is a YAML alias bomb .*\(line 12, column \d+\)$/,
      ),
      expect.stringMatching(
        /^spectral-auth-responses: latin1\.openapi\.yaml:7:\d+: \$ref \S+\/latin1\.yaml was not read: the file is not UTF-8 text: byte 0xE9 .*\(line 1, column 24\)$/,
      ),
      expect.stringMatching(
        /^spectral-auth-responses: large\.openapi\.yaml:7:\d+: \$ref \S+\/large\.yaml was not read: the file is 1\.0 MB, more than the 0\.5 MB limit/,
      ),
    ]);
  } finally {
    removeWorkspace(referencedRoot);
  }
});

describe('--max-file-size', () => {
  let optionRoot: string;
  beforeAll(() => {
    optionRoot = workspace({ 'openapi.yaml': { fixture: 'bad.openapi.yaml' } });
  });
  afterAll(() => removeWorkspace(optionRoot));

  test('sets the limit, in megabytes', async () => {
    const size = readFileSync(join(optionRoot, 'openapi.yaml')).length;
    const refused = await runCli(['lint', '--max-file-size', String(size / 2 / MEGABYTE), 'openapi.yaml'], optionRoot);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /openapi\.yaml: is \d+ KB, more than the [\d.e-]+ MB limit; use --max-file-size 1 to lint it anyway/,
    );
    const allowed = await runCli(
      ['lint', '--max-file-size', String(size / MEGABYTE), '-f', 'json', 'openapi.yaml'],
      optionRoot,
    );
    expect(allowed.code).toBe(1);
    expect(JSON.parse(allowed.stdout)).not.toEqual([]);
  });

  test('a value that is not a positive number is a usage error', async () => {
    const run = await runCli(['lint', '--max-file-size', '0', 'openapi.yaml'], optionRoot);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "option '--max-file-size <MB>' argument '0' is invalid. expected a positive number of megabytes",
    );
  });
});
