import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The built bin (`npm run build` first; `npm test` does). Tests run it as users do: a separate Node process. */
export const BIN = resolve(__dirname, '../../dist/cli.js');
export const CLI_FIXTURES = resolve(__dirname, '../../fixtures/cli');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Whether the run was killed for lasting longer than `killAfterMs`. */
  killed: boolean;
}

export interface RunOptions {
  /** A command to run the bin under (`setpriv ...`), for what only a process with fewer rights can show. */
  launcher?: readonly string[];
  /** Kill the run after this long, so that a hang fails its test instead of jest. */
  killAfterMs?: number;
}

/** The environment without colour settings of whoever runs the tests, so that each test states its own. */
export function plainEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const name of ['NO_COLOR', 'FORCE_COLOR']) if (!(name in extra)) delete env[name];
  return env;
}

/** Runs `spectral-auth-responses <args>` in `cwd`; resolves with exit code and output (never rejects on exit codes). */
export function runCli(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = plainEnvironment(),
  { launcher = [], killAfterMs }: RunOptions = {},
): Promise<CliRun> {
  const [command, ...commandArgs] = [...launcher, process.execPath, BIN, ...args];
  const options = { cwd, env, maxBuffer: 16 * 1024 * 1024, timeout: killAfterMs ?? 0, killSignal: 'SIGKILL' as const };
  return new Promise((resolvePromise) => {
    execFile(command, commandArgs, options, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolvePromise({ code, stdout, stderr, killed: error?.killed === true });
    });
  });
}

/**
 * A fresh temporary directory (its real path: macOS and some CI runners put tmpdir behind a symlink) holding
 * the named files: a string is the file's content, `{ fixture }` copies a file from fixtures/cli.
 */
export function workspace(files: Record<string, string | { fixture: string }>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'sar-cli-')));
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    if (typeof content === 'string') writeFileSync(path, content);
    else cpSync(join(CLI_FIXTURES, content.fixture), path);
  }
  return root;
}

export function removeWorkspace(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Runs the bin with a terminal as its standard output (util-linux `script` allocates a pseudo-TTY). */
export function runCliAtTerminal(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  // A person's shell, not a CI job: with `CI` set, chalk turns colours off even at a terminal (CI runs these tests).
  const { CI: _ci, ...atTerminal } = env;
  return new Promise((resolvePromise) => {
    execFile(
      'script',
      ['--quiet', '--return', '--command', command, '/dev/null'],
      { cwd, env: atTerminal },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        // A terminal ends lines with CR LF.
        resolvePromise({ code, stdout: stdout.replace(/\r\n/g, '\n'), stderr, killed: error?.killed === true });
      },
    );
  });
}
