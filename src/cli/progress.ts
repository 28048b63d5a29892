import { displayPath } from './input-problem';
import { PACKAGE_NAME } from './names';

/** What the lint stage tells about its documents, one at a time. */
export interface DocumentProgress {
  started(file: string): void;
  done(): void;
}

export const NO_PROGRESS: DocumentProgress = { started: () => undefined, done: () => undefined };

/** A progress line that can be taken off the screen again. */
export interface ProgressLine extends DocumentProgress {
  /** Draws the line when the run has lasted long enough and something changed since the last drawing. */
  tick(): void;
  /** Erases the line, if drawn, so that the report and the problems start at the beginning of a clean line. */
  finish(): void;
}

/** A terminal as far as a progress line needs one. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** A run shorter than this shows no progress: a line that flashes and vanishes only distracts. */
export const PROGRESS_DELAY_MS = 2000;
const REDRAW_EVERY_MS = 200;
// Carriage return, then "erase the whole line" (ECMA-48 EL 2): the line is rewritten in place.
const ERASE_LINE = '\r\u001b[2K';

/**
 * Progress only for a person watching a terminal: never into a file or a pipe, never in CI (whose logs keep every
 * carriage return as a line of its own), never with --quiet (which asks for the report alone).
 */
export function wantsProgress(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, quiet: boolean): boolean {
  const inCi = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false';
  return stream.isTTY === true && !inCi && !quiet;
}

/**
 * `spectral-auth-responses: 12/530 documents, apis/calls.yaml` on the stream, rewritten in place, from
 * PROGRESS_DELAY_MS after it was created; `now` is the clock, given so that tests need not wait.
 */
export function createProgressLine(
  total: number,
  stream: ProgressStream,
  cwd: string,
  now: () => number = Date.now,
): ProgressLine {
  const start = now();
  let done = 0;
  let current = '';
  let drawn: string | undefined;
  const lineNow = () => {
    const counts = `${PACKAGE_NAME}: ${done}/${total} documents`;
    // Before the first document is handed out (the worker threads still loading the ruleset), only the counts.
    return current === '' ? fitted(counts, '', stream.columns) : fitted(`${counts}, `, current, stream.columns);
  };
  return {
    started: (file) => {
      current = displayPath(file, cwd);
    },
    done: () => {
      done += 1;
    },
    tick: () => {
      const line = lineNow();
      if (now() - start < PROGRESS_DELAY_MS || line === drawn) return;
      stream.write(`${ERASE_LINE}${line}`);
      drawn = line;
    },
    finish: () => {
      if (drawn !== undefined) stream.write(ERASE_LINE);
      drawn = undefined;
    },
  };
}

/** The progress line of a run on the environment's standard error, redrawn on a timer, or none when not wanted. */
export function startProgress(
  total: number,
  environment: { stderr: ProgressStream; env: NodeJS.ProcessEnv; cwd: string },
  quiet: boolean,
): ProgressLine {
  if (!wantsProgress(environment.stderr, environment.env, quiet)) return { ...NO_PROGRESS, tick: noop, finish: noop };
  const line = createProgressLine(total, environment.stderr, environment.cwd);
  // Unreferenced: the timer never keeps the process alive on its own.
  const timer = setInterval(() => line.tick(), REDRAW_EVERY_MS).unref();
  return {
    ...line,
    finish: () => {
      clearInterval(timer);
      line.finish();
    },
  };
}

function noop(): void {}

/**
 * A line longer than the terminal wraps, and "\r" then rewrites only its last part: the line is cut to the width,
 * from the start of the file's path, whose end (the file name) says most.
 */
function fitted(counts: string, path: string, columns: number | undefined): string {
  // A terminal whose size is not known (0 columns, as a pseudo-terminal may report) gets the whole line.
  if (columns === undefined || columns < 1) return `${counts}${path}`;
  const room = columns - 1 - counts.length;
  if (path.length <= room) return `${counts}${path}`;
  return room < 2 ? counts.slice(0, columns - 1) : `${counts}…${path.slice(path.length - room + 1)}`;
}
