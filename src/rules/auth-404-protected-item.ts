import { answersErrorsByDefault, documentsNoErrors, leftToDefault } from '../openapi/error-conventions';
import { answersMissingItemWithout404, NotFoundLikeResponse, notFoundLikeResponseOf } from '../openapi/not-found';
import type { DocumentFacts, OperationFacts } from '../openapi/operations';
import { issuesCredentials } from '../openapi/credential-exchange';
import { isSearchPath } from '../openapi/paths';
import { addressesAnItem } from '../openapi/requests';
import { documentsCode, sharedResponsesPlace } from '../openapi/responses';
import { AuthRule, Candidate, examplesOf, Finding, operationsFor, responsesLocation } from '../rule';

const name = 'auth-404-protected-item';

const UNSEEN_ITEM = 'addresses an item the caller may not be allowed to see but documents no 404';
const FOR_HIDDEN_ITEMS = 'for items that do not exist or are not visible to the caller';

/** Protected operations on item paths that say nothing about missing items: each needs a 404. */
function needsA404(document: DocumentFacts, operation: OperationFacts): boolean {
  return (
    operation.security.secured &&
    operation.itemPath &&
    !documentsCode(operation.responses, '404') &&
    !answersMissingItemWithout404(document, operation) &&
    addressesAnItem(document, operation) &&
    !issuesCredentials(document, operation)
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

/** The candidates of one operation: a 404 to add, or a not-found answer to renumber. */
interface Missing404 extends Candidate {
  renumber?: NotFoundLikeResponse;
}

function documentLevelFinding(
  document: DocumentFacts,
  missing: readonly Missing404[],
  searches: readonly OperationFacts[],
): Finding {
  const renumberings = missing.filter((candidate) => candidate.renumber !== undefined);
  const additions = missing.length - renumberings.length;
  const besideSearches =
    searches.length === 0
      ? ''
      : ` but ${searches.length === 1 ? 'a search' : 'searches'} when nothing matches (${examplesOf(searches.map((search) => search.label))})`;
  const summary =
    `${missing.length} protected operations on item paths document no 404, and no operation of this document does` +
    `${besideSearches} (${examplesOf(missing.map((candidate) => candidate.label))})`;
  const shared404 = (from: string) =>
    `add one shared 404 response to ${sharedResponsesPlace(document.version)}, ${FOR_HIDDEN_ITEMS}, and reference it ` +
    `from ${from}, so ids cannot be probed; \`spectral-auth-responses fix\` does this`;
  const first = renumberings[0];
  const renumber = (who: string) =>
    `${who} not-found under another code (${first.label}: its ${first.renumber!.code} response, ` +
    `${first.renumber!.evidence}): give ${renumberings.length === 1 ? 'that response' : 'those responses'} the code 404`;
  let message: string;
  if (first === undefined) message = `${summary}: ${shared404('each of them')}.`;
  else if (additions === 0)
    message = `${summary}; ${renumber('they answer')}, and answer 404 also for items that are not visible to the caller, so ids cannot be probed.`;
  else
    message = `${summary}: ${shared404(`the ${additions} others`)}; ${renumber(`${renumberings.length} of them answer`)}.`;
  return {
    message,
    path: [],
    // Renumbering a response changes the API's contract: \`fix\` adds the shared 404 only where it is missing.
    covers: missing.filter((candidate) => candidate.renumber === undefined).map((candidate) => candidate.finding.path),
  };
}

export const auth404ProtectedItem: AuthRule = {
  name,
  severity: 'warn',
  description: 'A protected operation on an item path documents 404, so that hidden items look like missing ones.',
  resolved: true,
  check(document) {
    // A document that answers errors by `default`, or documents no error at all, is asked for its 401 first. (One
    // whose errors have codes HTTP does not define is not: its not-found answers are asked to become 404s.)
    if (answersErrorsByDefault(document) || documentsNoErrors(document)) return [];
    // Where `default` is the document's way to answer errors, it is asked for first (see `leftToDefault`).

    const missing: Missing404[] = operationsFor(document, name)
      .filter((operation) => needsA404(document, operation))
      .filter((operation) => !leftToDefault(document, operation))
      .map((operation) => {
        const renumber = notFoundLikeResponseOf(document, operation);
        const finding = renumber === undefined ? missing404(operation) : misnumbered404(operation, renumber);
        return { label: operation.label, finding, renumber };
      });
    // Any explicit 404, even on an operation the rule leaves alone, shows that the document has the convention;
    // but a search's 404 is its "no match", which says nothing about items that are hidden.
    const with404 = document.operations.filter((operation) => documentsCode(operation.responses, '404'));
    const searches = with404.filter((operation) => isSearchPath(operation.path));
    if (with404.length > searches.length || missing.length < 2) return missing.map((candidate) => candidate.finding);
    return [documentLevelFinding(document, missing, searches)];
  },
};
