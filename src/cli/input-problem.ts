import { isAbsolute, relative } from 'node:path';

/**
 * Something that kept a document from being linted completely: a missing or unreadable file, a glob that matched
 * nothing, a syntax error, a document that is not OpenAPI 2.0/3.0/3.1, a refused `$ref`. Any of them makes the exit code 2.
 */
export interface InputProblem {
  /** Absolute path of the file concerned, or the pattern as the user typed it. */
  file: string;
  /** 1-based, when the problem has a place in the file. */
  line?: number;
  column?: number;
  message: string;
}

/** A path as a person reads it in a terminal: relative to the working directory when it lies inside it. */
export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const fromCwd = relative(cwd, file);
  return fromCwd === '' || fromCwd.startsWith('..') || isAbsolute(fromCwd) ? file : fromCwd;
}

/** `openapi.yaml:12:5: message`, the shape editors and terminals turn into links. */
export function formatInputProblem(problem: InputProblem, cwd: string): string {
  const place = [displayPath(problem.file, cwd), problem.line, problem.column].filter((part) => part !== undefined);
  return `${place.join(':')}: ${problem.message}`;
}
