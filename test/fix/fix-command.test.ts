import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { copyOfFixtures, patched, removeDirectory } from './helpers';

/** The built bin (`npm test` builds it first), run as users run it: a separate Node process. */
const BIN = resolve(__dirname, '../../dist/cli.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string): Promise<Run> {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

let dir: string;
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
});
beforeEach(() => {
  dir = copyOfFixtures();
});
afterEach(() => removeDirectory(dir));

describe('spectral-auth-responses fix', () => {
  test('--dry-run prints a unified diff on stdout (the report on stderr) and writes nothing; the diff is the fix', async () => {
    const before = readFileSync(join(dir, 'calls.oas30.yaml'), 'utf8');
    const dry = await run(['fix', '--dry-run', 'calls.oas30.yaml'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout.startsWith('--- a/calls.oas30.yaml\n+++ b/calls.oas30.yaml\n@@ ')).toBe(true);
    expect(dry.stderr).toContain('calls.oas30.yaml: 9 fixed, 2 left for a person\n');
    expect(dry.stderr).toContain('(dry run: nothing written)');
    expect(readFileSync(join(dir, 'calls.oas30.yaml'), 'utf8')).toBe(before);

    const real = await run(['fix', 'calls.oas30.yaml'], dir);
    expect(real.code).toBe(0);
    expect(patched(before, dry.stdout)).toBe(readFileSync(join(dir, 'calls.oas30.yaml'), 'utf8'));
  });

  test('reports per file what it fixed (rule, place) and what is left for a person, and why', async () => {
    const result = await run(['fix', 'calls.oas30.yaml'], dir);
    expect(result.stdout).toContain(
      '  fixed  calls.oas30.yaml:31:17  auth-401-documented: added 401: $ref #/components/responses/Unauthorized\n',
    );
    expect(result.stdout).toContain('  note   created #/components/responses/Unauthorized\n');
    expect(result.stdout).toMatch(
      / {2}left {3}calls\.oas30\.yaml:25:15 {2}auth-no-404-collection \(warn\): GET \/calls lists a collection.*\n {9}why left: .*--remove-collection-404\n/,
    );
    expect(result.stdout).toContain('9 fixed, 2 left for a person, 0 of them at or above error\n');
    const lint = await run(['lint', '-f', 'json', 'calls.oas30.yaml'], dir);
    expect((JSON.parse(lint.stdout) as { code: string }[]).map((finding) => finding.code).sort()).toEqual([
      'auth-403-describes-scopes',
      'auth-no-404-collection',
    ]);
  });

  test('exit codes as lint: 1 when findings at or above the fail severity are left, 0 when none', async () => {
    expect((await run(['fix', '--dry-run', '--fail-severity', 'warn', 'calls.oas30.yaml'], dir)).code).toBe(1);
    // The 401 findings are errors: left when only another rule is repaired.
    const partial = await run(['fix', '--rules', 'auth-404-protected-item', 'calls.oas30.yaml'], dir);
    expect(partial.code).toBe(1);
    expect(partial.stdout).toContain('why left: not among the rules selected with --rules');
    expect((await run(['fix', 'calls.oas30.yaml'], dir)).code).toBe(0);
  });

  test("--remove-collection-404 removes the listing's 404", async () => {
    const result = await run(['fix', '--remove-collection-404', 'calls.oas30.yaml'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('auth-no-404-collection: removed the 404');
    expect(readFileSync(join(dir, 'calls.oas30.yaml'), 'utf8')).not.toContain("'404': { description: No calls }");
  });

  test('exit 2 on usage and input errors: an unknown rule, a file that does not parse (the other files are still fixed)', async () => {
    const unknown = await run(['fix', '--rules', 'auth-401-misused-for-permissions', 'calls.oas30.yaml'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--rules auth-401-misused-for-permissions: fix repairs only auth-401-documented');

    const broken = readFileSync(join(dir, 'broken.oas30.yaml'), 'utf8');
    const mixed = await run(['fix', 'broken.oas30.yaml', 'calls.oas31.json'], dir);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/broken\.oas30\.yaml:\d+:\d+: invalid YAML/);
    expect(readFileSync(join(dir, 'broken.oas30.yaml'), 'utf8')).toBe(broken);
    expect(mixed.stdout).toContain('calls.oas31.json: 3 fixed, 0 left for a person');
  });

  test('uses the ruleset lint would use: a .spectral.yaml in the working directory that turns a rule off', async () => {
    writeFileSync(
      join(dir, '.spectral.yaml'),
      'extends: [spectral-auth-responses]\nrules:\n  auth-404-protected-item: off\n',
    );
    const result = await run(['fix', 'calls.oas30.json'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('auth-404-protected-item');
    const { components } = JSON.parse(readFileSync(join(dir, 'calls.oas30.json'), 'utf8')) as {
      components: { responses: object };
    };
    expect(components.responses).not.toHaveProperty('NotFound');
  });
});
