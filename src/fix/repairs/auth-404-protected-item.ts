import { notFoundLikeResponseOf } from '../../openapi/not-found';
import { operationAt, RepairContext, RepairDone, RuleFinding, RuleRepair } from '../repair';
import { refuse } from '../refusal';
import { sharedResponseRepair } from './shared-response';

/** Adds `404: { $ref: NotFound }` ("does not exist or is not visible") to the operation. */
const addSharedNotFound = sharedResponseRepair('auth-404-protected-item', '404', 'NotFound');

/**
 * `auth-404-protected-item`: the operation gets `404: { $ref: NotFound }`, unless one of its 4xx responses is a
 * not-found answer under another code: renumbering it is the fix, and that changes the API's contract, so it is
 * left for a person (adding a second not-found answer beside it would be wrong).
 */
export const auth404ProtectedItemRepair: RuleRepair = {
  rule: addSharedNotFound.rule,
  repair(finding: RuleFinding, context: RepairContext): RepairDone {
    const operation = operationAt(context.facts, finding.path);
    const notFoundLike = operation === undefined ? undefined : notFoundLikeResponseOf(context.facts, operation);
    if (notFoundLike !== undefined) {
      refuse(
        `its ${notFoundLike.code} response (${notFoundLike.evidence}) looks like a not-found answer: give it the code 404 (this changes the API's contract)`,
      );
    }
    return addSharedNotFound.repair(finding, context);
  },
};
