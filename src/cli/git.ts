import { execFile } from 'node:child_process';

/** Why git could not answer, in one line: git missing, or what git itself said last on standard error. */
export class GitError extends Error {
  constructor(
    message: string,
    /** True when git itself could not be started (not installed, not on PATH). */
    readonly gitMissing = false,
  ) {
    super(message);
  }
}

export interface GitCall {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Written to git's standard input. */
  input?: string;
}

/** Large repositories list hundreds of thousands of paths; git's answer is held in memory. */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

/**
 * Runs `git args...` and resolves with its standard output. Optional locks are off, so that reading the state of a
 * repository never competes with a git command the person runs at the same time.
 */
export function git(args: readonly string[], { cwd, env, input }: GitCall): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd, env: { ...env, GIT_OPTIONAL_LOCKS: '0' }, maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error === null) return resolvePromise(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return reject(new GitError('git is not installed (or not on PATH)', true));
        }
        reject(new GitError(lastLineOf(stderr) ?? error.message));
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** git's own words, without its `fatal: ` or `error: ` prefix. */
function lastLineOf(text: string): string | undefined {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.at(-1)?.replace(/^(fatal|error): /, '');
}

/** The entries of a `-z` listing (NUL-separated). */
export function nulSeparated(output: string): string[] {
  return output.split('\0').filter((entry) => entry !== '');
}
