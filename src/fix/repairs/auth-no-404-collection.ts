import { RepairContext, RepairDone, RuleFinding, RuleRepair } from '../repair';
import { refuse } from '../refusal';

/**
 * `auth-no-404-collection`: removes the listing's own `404` entry, only with `--remove-collection-404`
 * (clients may rely on the documented 404: removing it changes the API's contract).
 */
export const authNo404CollectionRepair: RuleRepair = {
  rule: 'auth-no-404-collection',
  repair(finding: RuleFinding, context: RepairContext): RepairDone {
    if (!context.removeCollection404)
      refuse('removing a documented 404 changes the contract: run fix with --remove-collection-404');
    const responses = context.files.locate(finding.path.slice(0, -1), true);
    context.plan.remove(responses, '404');
    return { file: responses.source.path, what: 'removed the 404' };
  },
};
