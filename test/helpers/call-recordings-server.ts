import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The example server: ES module JavaScript, which jest (CommonJS here) cannot import, so tests run it as users do. */
export const CALL_RECORDINGS_SERVER = resolve(__dirname, '../../examples/call-recordings-server.mjs');

export interface RunningServer {
  /** `http://127.0.0.1:PORT`, as the server printed it. */
  url: string;
  /** What the server wrote on stderr so far (all of it once close() has resolved). */
  stderr(): string;
  /** Sends `signal` (SIGTERM unless told) and resolves with the exit code once the process has ended. */
  close(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `node examples/call-recordings-server.mjs --port 0 [--mistake NAME]` and resolves once it has printed its
 * URL; rejects with its stderr if it ends before, or does not print one within `timeoutMs`.
 */
export function startCallRecordingsServer(mistake?: string, timeoutMs = 20_000): Promise<RunningServer> {
  const args = [CALL_RECORDINGS_SERVER, '--port', '0', ...(mistake === undefined ? [] : ['--mistake', mistake])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // 'close', not 'exit': by then stdout and stderr have been read to their end.
  const exited = new Promise<number | null>((resolveExit) => child.once('close', (code) => resolveExit(code)));
  return new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectStart(new Error(`the example server printed no URL within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    const onOutput = () => {
      const line = /^(.*)\n/.exec(stdout);
      if (line === null) return;
      clearTimeout(timer);
      child.stdout.off('data', onOutput);
      resolveStart({ url: line[1], stderr: () => stderr, close: (signal) => stop(child, exited, signal) });
    };
    child.stdout.on('data', onOutput);
    void exited.then((code) => {
      clearTimeout(timer);
      rejectStart(new Error(`the example server ended (exit ${code}) before printing its URL; stderr: ${stderr}`));
    });
  });
}

function stop(
  child: ChildProcess,
  exited: Promise<number | null>,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<number | null> {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  return exited;
}
