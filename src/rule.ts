import { asObject, isNonEmptyString, refOf } from './openapi/json';
import { subjectAt } from './openapi/references';
import { documentsCode } from './openapi/responses';
import type { DocumentFacts, JsonPath, OperationFacts } from './openapi/operations';

export type Severity = 'error' | 'warn';

/** One problem a rule found, at the path where the fix goes. */
export interface Finding {
  message: string;
  path: JsonPath;
  /**
   * For a finding that stands for many (one document-level finding for a convention the whole document lacks):
   * the paths of the per-operation findings it replaces, so that `fix` still repairs each of them.
   */
  covers?: JsonPath[];
}

/** Options of the ruleset factory, after defaults are applied. */
export interface RuleOptions {
  /** Names of array properties that wrap a collection's members (`items`, `data`, ... and any extra). */
  collectionEnvelopeNames: ReadonlySet<string>;
  /** Lower-case name parts that mark a 403 body property as saying what is missing (`scope`, `permission`, ...). */
  missingGrantPropertyParts: readonly string[];
}

export interface AuthRule {
  name: string;
  severity: Severity;
  /** One sentence: what the rule asks of the description. */
  description: string;
  /**
   * Whether Spectral maps finding paths through `$ref`s to the definition (a shared component is reported once,
   * where it is defined). False for rules whose fix is on the operation's own entry, even when it is a `$ref`.
   */
  resolved: boolean;
  check(document: DocumentFacts, options: RuleOptions): Finding[];
}

export { EXCEPTIONS_KEY } from './openapi/operations';

/** An operation's `x-auth-exceptions` entry for the rule silences it only with a non-empty reason. */
export function isExcepted(operation: OperationFacts, ruleName: string): boolean {
  return isNonEmptyString(operation.exceptions[ruleName]);
}

/**
 * The document's operations that the rule is not told to leave alone. A deprecated operation is on its way out:
 * nobody reworks how it answers, so no rule asks it to.
 */
export function operationsFor(document: DocumentFacts, ruleName: string): OperationFacts[] {
  return document.operations.filter((operation) => !operation.deprecated && !isExcepted(operation, ruleName));
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where a response-level finding goes: the operation's `responses`, or the operation when it has none. */
export function responsesLocation(operation: OperationFacts): JsonPath {
  return 'responses' in operation.operation ? [...operation.location, 'responses'] : operation.location;
}

/**
 * The documented `code` responses whose description matches, once per operation the rule is not told to leave
 * alone: the phrase `match` found, the response's path, and how a message names it (the shared component, if any).
 * A shared response repeats one description on every operation that uses it, so each text is read once.
 */
export function describedResponses(
  document: DocumentFacts,
  ruleName: string,
  code: string,
  match: (description: string) => string | undefined,
): { phrase: string; path: JsonPath; subject: string }[] {
  const phrases = new Map<string, string | undefined>();
  const matches: { phrase: string; path: JsonPath; subject: string }[] = [];
  for (const operation of operationsFor(document, ruleName)) {
    if (!documentsCode(operation.responses, code)) continue;
    const response = operation.responses[code];
    // Any shape may stand here (`'401': null` included): an unresolved `$ref` or a non-object has no description.
    const description = refOf(response) === undefined ? asObject(response).description : undefined;
    if (typeof description !== 'string') continue;
    if (!phrases.has(description)) phrases.set(description, match(description));
    const phrase = phrases.get(description);
    if (phrase === undefined) continue;
    const path = [...operation.location, 'responses', code];
    matches.push({ phrase, path, subject: capitalized(subjectAt(document, operation, path, `the ${code} response`)) });
  }
  return matches;
}

/** One would-be finding of a per-operation rule, with how a document-level message names its subject. */
export interface Candidate {
  /** `GET /calls/{callId}`, or a shared component's name: what the document-level message lists. */
  label: string;
  finding: Finding;
}

/** How many subjects a document-level message lists before "and N more". */
const EXAMPLES_SHOWN = 3;

/** `GET /a, POST /b, GET /c and 5 more`: the first few labels of a convention finding. */
export function examplesOf(labels: readonly string[]): string {
  const shown = labels.slice(0, EXAMPLES_SHOWN).join(', ');
  return labels.length > EXAMPLES_SHOWN ? `${shown} and ${labels.length - EXAMPLES_SHOWN} more` : shown;
}

/**
 * A thing that no operation of the document documents is one missing convention, not N mistakes: when
 * `documentedAnywhere` is false and at least two candidates would be reported, one finding at the document root
 * (`message` gets their count and first few labels) covers them all. When the document documents it somewhere,
 * each gap is an inconsistency and is reported on its own.
 */
export function oncePerDocumentWhenAbsent(
  candidates: readonly Candidate[],
  documentedAnywhere: boolean,
  message: (count: number, examples: string) => string,
): Finding[] {
  if (documentedAnywhere || candidates.length < 2) return candidates.map((candidate) => candidate.finding);
  return [
    {
      message: message(candidates.length, examplesOf(candidates.map((candidate) => candidate.label))),
      path: [],
      covers: candidates.map((candidate) => candidate.finding.path),
    },
  ];
}
