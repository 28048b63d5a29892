import { answersMissingItemWithout404, NotFoundLikeResponse, notFoundLikeResponseOf } from '../openapi/not-found';
import type { DocumentFacts, OperationFacts } from '../openapi/operations';
import { documentsCode, sharedResponsesPlace } from '../openapi/responses';
import { AuthRule, Candidate, Finding, oncePerDocumentWhenAbsent, operationsFor, responsesLocation } from '../rule';

const name = 'auth-404-protected-item';

const UNSEEN_ITEM = 'addresses an item the caller may not be allowed to see but documents no 404';
const FOR_HIDDEN_ITEMS = 'for items that do not exist or are not visible to the caller';

/** Protected operations on item paths that say nothing about missing items: each needs a 404. */
function needsA404(operation: OperationFacts): boolean {
  return (
    operation.security.secured &&
    operation.itemPath &&
    !documentsCode(operation.responses, '404') &&
    !answersMissingItemWithout404(operation)
  );
}

function missing404(operation: OperationFacts): Finding {
  return {
    message: `${operation.label} ${UNSEEN_ITEM}: add a 404 ${FOR_HIDDEN_ITEMS}, so ids cannot be probed.`,
    path: responsesLocation(operation),
  };
}

/** The operation answers missing items already, under another code: the fix is to renumber that response. */
function misnumbered404(operation: OperationFacts, response: NotFoundLikeResponse): Finding {
  return {
    message:
      `${operation.label} ${UNSEEN_ITEM}; its ${response.code} response (${response.evidence}) looks like a not-found ` +
      'answer: give it the code 404, and answer 404 also for items that are not visible to the caller, so ids ' +
      'cannot be probed.',
    path: responsesLocation(operation),
  };
}

function documentLevelMessage(document: DocumentFacts) {
  return (count: number, examples: string): string =>
    `${count} protected operations on item paths document no 404, and no operation of this document does (${examples}): ` +
    `add one shared 404 response to ${sharedResponsesPlace(document.version)}, ${FOR_HIDDEN_ITEMS}, and reference ` +
    'it from each of them, so ids cannot be probed; `spectral-auth-responses fix` does this.';
}

export const auth404ProtectedItem: AuthRule = {
  name,
  severity: 'warn',
  description: 'A protected operation on an item path documents 404, so that hidden items look like missing ones.',
  resolved: true,
  check(document) {
    const additions: Candidate[] = [];
    // Reported on their own, never in the document-level finding: its fix (add a shared 404) is not theirs.
    const renumberings: Finding[] = [];
    for (const operation of operationsFor(document, name).filter(needsA404)) {
      const notFoundLike = notFoundLikeResponseOf(document, operation);
      if (notFoundLike !== undefined) renumberings.push(misnumbered404(operation, notFoundLike));
      else additions.push({ label: operation.label, finding: missing404(operation) });
    }
    // Any explicit 404, even on an operation the rule leaves alone, shows that the document has the convention.
    const documentedAnywhere = document.operations.some((operation) => documentsCode(operation.responses, '404'));
    return [...oncePerDocumentWhenAbsent(additions, documentedAnywhere, documentLevelMessage(document)), ...renumberings];
  },
};
