// What every check shares: its input (the exchanges of the run and the description's facts) and its output.

import type { DocumentFacts, JsonPath, OperationFacts } from '../../openapi/operations';
import { documentsCode } from '../../openapi/responses';
import type { ProbeCode } from '../codes';
import type { Purpose } from '../plan';
import type { Exchange } from '../send';

/** One mistake of the running API, at the place in the description it concerns. */
export interface ProbeFinding {
  code: ProbeCode;
  message: string;
  path: JsonPath;
}

export interface CheckInput {
  document: DocumentFacts;
  exchanges: readonly Exchange[];
  /** One line of evidence for an exchange, credentials redacted. */
  evidence(exchange: Exchange): string;
}

/** A check: a pure function from what was observed to findings. */
export type Check = (input: CheckInput) => ProbeFinding[];

export function exchangesFor(input: CheckInput, purpose: Purpose): Exchange[] {
  return input.exchanges.filter((exchange) => exchange.request.purpose === purpose);
}

/** The documented response of that code when there is one (where a reader looks for the answer), else the operation. */
export function placeOf(operation: OperationFacts, code: string): JsonPath {
  return documentsCode(operation.responses, code) ? [...operation.location, 'responses', code] : operation.location;
}

/**
 * How a check words a finding about one exchange: `GET /calls <problem> — <evidence>`, on the operation's documented
 * response of `documentedCode` (else the operation).
 */
export function findingAbout(
  input: CheckInput,
  exchange: Exchange,
  code: ProbeCode,
  documentedCode: string,
): (problem: string) => ProbeFinding[] {
  const { operation } = exchange.request;
  return (problem) => [
    {
      code,
      message: `${operation.label} ${problem} — ${input.evidence(exchange)}`,
      path: placeOf(operation, documentedCode),
    },
  ];
}
