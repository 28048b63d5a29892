import type { DocumentFacts, JsonPath, OperationFacts } from '../openapi/operations';
import type { RuleOptions } from '../rule';
import type { EditPlan } from './edits';
import type { Location, SourceFiles } from './locate';
import type { SharedResponses } from './shared-responses';

/** A finding as the rule computed it: its path is in the resolved document, from the root (so it names the operation). */
export interface RuleFinding {
  rule: string;
  message: string;
  path: JsonPath;
  /** The per-operation findings a document-level finding stands for (see `Finding.covers`). */
  covers?: JsonPath[];
}

/** What one repair run shares: the facts, the files, the edits planned so far and the shared responses. */
export interface RepairContext {
  facts: DocumentFacts;
  files: SourceFiles;
  plan: EditPlan;
  shared: SharedResponses;
  ruleOptions: RuleOptions;
  /** `auth-no-404-collection` is repaired only when asked: removing a response changes the API's contract. */
  removeCollection404: boolean;
  /** Marks a response a repair completed (a header added...), so that a shared one with its name is reused. */
  complete(at: Location): void;
}

/** What a repair did, in one phrase, and in which file. */
export interface RepairDone {
  file: string;
  what: string;
}

/** The repair of one rule's findings. Throws a `Refusal` that says why, when it will not repair one. */
export interface RuleRepair {
  rule: string;
  repair(finding: RuleFinding, context: RepairContext): RepairDone;
}

/** The operation a finding path starts at (`['paths', path, method, ...]`). */
export function operationAt(facts: DocumentFacts, path: JsonPath): OperationFacts | undefined {
  return facts.operations.find((operation) => operation.location.every((segment, index) => path[index] === segment));
}
