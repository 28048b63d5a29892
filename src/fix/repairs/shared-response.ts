import { SharedResponseName } from '../definitions';
import { atEnd, statusOrder } from '../edits';
import type { RepairContext, RepairDone, RuleFinding, RuleRepair } from '../repair';

/**
 * Adds `<code>: { $ref: <shared response> }` to the operation's responses (and `responses` itself to an operation
 * that has none), in status-code order. The shared response is created, reused or renamed by `SharedResponses`.
 */
export function sharedResponseRepair(rule: string, code: string, name: SharedResponseName): RuleRepair {
  return {
    rule,
    repair(finding: RuleFinding, context: RepairContext): RepairDone {
      const target = context.files.locate(finding.path, true);
      const atOperation = finding.path[finding.path.length - 1] !== 'responses';
      const ref = context.shared.refFor(name, target.source);
      const keys = atOperation ? ['responses', code] : [code];
      const placements = atOperation ? [atEnd, statusOrder(code)] : [statusOrder(code)];
      const added = context.plan.ensure(target, keys, { $ref: ref }, placements);
      context.shared.use(name);
      return { file: target.source.path, what: added ? `added ${code}: $ref ${ref}` : `${code} was added already` };
    },
  };
}
