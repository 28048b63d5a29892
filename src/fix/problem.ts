/**
 * Why a document could not be fixed at all: the file concerned (the document, or a file a repair would have
 * changed), the place in it when there is one, and what is wrong there. The command shows it as it shows every
 * input problem; a refusal that quotes it reads `file:line:column: reason`.
 */
export interface FixProblem {
  /** Absolute path. */
  file: string;
  /** 1-based, when the problem has a place in the file. */
  line?: number;
  column?: number;
  /** What is wrong, without the file's name: `is not valid JSON: ...`, `the repaired text would not say ...`. */
  reason: string;
}

/** `file:line:column: reason`, or `file: reason` without a place. */
export function describeProblem(problem: FixProblem): string {
  const place = problem.line === undefined ? '' : `:${problem.line}:${problem.column ?? 1}`;
  return `${problem.file}${place}: ${problem.reason}`;
}
