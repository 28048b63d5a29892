import { bodySchemaPathsOf, refWrittenAt } from './body-schemas';
import { asObject, isObject } from './json';
import type { DocumentFacts, OperationFacts } from './operations';
import { isTemplated, segmentsOf } from './paths';
import { documentsCode } from './responses';

/**
 * What an operation on an item path says about a missing item, other than with a 404: that it answers it some
 * other documented way (so it needs no 404), or that one of its 4xx responses is a not-found answer under
 * another code.
 */

/** Phrases by which a DELETE's success description says a missing item gets that answer too. */
const MISSING_ITEM_PHRASES = ['not exist', 'not found', 'already deleted', 'no longer exist'];

/** Marks of a not-found answer in a description or a component name (`ResourceNotFoundException`, `NOT_FOUND`). */
const NOT_FOUND_MARKS = ['not found', 'notfound', 'not_found', 'not-found'];

/**
 * Codes never taken for a misnumbered not-found answer: 401 and 403 answer for credentials and permissions
 * (a 403 "forbidden, or not found" is the deliberate AIP-211 design), 404 is the code itself, 410 is handled as
 * an answer for missing items.
 */
const NOT_RECODED = new Set(['401', '403', '404', '410']);

/** How long a quoted description may be in a message. */
const QUOTED_LENGTH = 60;

/**
 * A PUT that creates the item when it is missing (an upsert), so a missing item is not answered 404: it documents
 * 201, or it writes under a name the caller chooses: only its last segment is templated and nothing reads that path
 * (no GET: `PUT /uploads/{fileName}`).
 */
export function createsMissingItem(document: DocumentFacts, operation: OperationFacts): boolean {
  if (operation.method !== 'put') return false;
  if (documentsCode(operation.responses, '201')) return true;
  const segments = segmentsOf(operation.path);
  const onlyLastTemplated = segments.findIndex(isTemplated) === segments.length - 1;
  return onlyLastTemplated && !isObject(asObject(asObject(document.resolved.paths)[operation.path]).get);
}

/** 410 Gone documents the answer for an item that is no longer there. */
export function answersGone(operation: OperationFacts): boolean {
  return documentsCode(operation.responses, '410');
}

/**
 * A DELETE whose documented success says that a missing item gets it too ("Deleted, or did not exist"):
 * deletion is idempotent, as Azure's guidelines ask, and that is a documented answer for missing items.
 */
export function deleteSucceedsForMissingItem(operation: OperationFacts): boolean {
  if (operation.method !== 'delete') return false;
  return Object.entries(operation.responses).some(([code, response]) => {
    if (!/^2(\d\d|xx)$/i.test(code)) return false;
    const description = asObject(response).description;
    if (typeof description !== 'string') return false;
    const lower = description.toLowerCase();
    return MISSING_ITEM_PHRASES.some((phrase) => lower.includes(phrase));
  });
}

/** Whether the operation documents what a missing item gets without a 404 (see the three cases above). */
export function answersMissingItemWithout404(document: DocumentFacts, operation: OperationFacts): boolean {
  return createsMissingItem(document, operation) || answersGone(operation) || deleteSucceedsForMissingItem(operation);
}

export function saysNotFound(text: string): boolean {
  const lower = text.toLowerCase();
  return NOT_FOUND_MARKS.some((mark) => lower.includes(mark));
}

/** A documented 4xx response that looks like a not-found answer, and what gave it away, for a message. */
export interface NotFoundLikeResponse {
  code: string;
  /** `ResourceNotFoundException`, or the quoted description. */
  evidence: string;
}

/**
 * The first explicit 4xx response (other than 401, 403, 404, 410) whose body schema's component name, own
 * component name, or description says "not found": the operation answers missing items, only not with 404.
 * Names are read in the document as written, where the `$ref`s still stand.
 */
export function notFoundLikeResponseOf(
  document: DocumentFacts,
  operation: OperationFacts,
): NotFoundLikeResponse | undefined {
  for (const [code, response] of Object.entries(operation.responses)) {
    if (!/^4\d\d$/.test(code) || NOT_RECODED.has(code)) continue;
    const responsePath = [...operation.location, 'responses', code];
    const names = [
      ...bodySchemaPathsOf(response, responsePath, document.version).map(
        (path) => refWrittenAt(document.unresolved, path)?.name,
      ),
      refWrittenAt(document.unresolved, responsePath)?.name,
    ];
    const name = names.find((candidate) => candidate !== undefined && saysNotFound(candidate));
    if (name !== undefined) return { code, evidence: name };
    const description = asObject(response).description;
    if (typeof description === 'string' && saysNotFound(description))
      return { code, evidence: `"${quoted(description)}"` };
  }
  return undefined;
}

function quoted(description: string): string {
  // Only the start is shown: normalize no more of a long description than that.
  const start = description.slice(0, QUOTED_LENGTH * 4);
  const oneLine = start.replace(/\s+/g, ' ').trim();
  const cut = oneLine.length > QUOTED_LENGTH || start.length < description.length;
  return cut ? `${oneLine.slice(0, QUOTED_LENGTH - 1).trimEnd()}…` : oneLine;
}
