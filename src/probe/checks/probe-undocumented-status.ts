import { documentsCode } from '../../openapi/responses';
import { Check, ProbeFinding } from './check';

/**
 * Check 6: every status an operation answered with is documented for it, by its own code: a `4XX` range or `default`
 * documents no specific code, as in the rules. One finding per operation and status, with the first such exchange.
 */
export const probeUndocumentedStatus: Check = (input) => {
  const seen = new Set<string>();
  const findings: ProbeFinding[] = [];
  for (const exchange of input.exchanges) {
    const { operation } = exchange.request;
    const status = String(exchange.status);
    const key = `${operation.label}\0${status}`;
    if (seen.has(key) || documentsCode(operation.responses, status)) continue;
    seen.add(key);
    findings.push({
      code: 'probe-undocumented-status',
      message:
        `${operation.label} answered ${status}, which its description does not document: document the ${status} ` +
        `response (a 4XX range or default does not count) — ${input.evidence(exchange)}`,
      path: [...operation.location, 'responses'],
    });
  }
  return findings;
};
