import { DocumentFacts, documentFactsOf, OperationFacts } from '../../src/openapi/operations';

/** The facts of a document without `$ref`s to resolve (its resolved and written forms are the same). */
export function factsOf(document: object): DocumentFacts {
  return documentFactsOf(document, document);
}

/** One operation of the facts, by its label: `GET /calls/{callId}`. */
export function operationOf(facts: DocumentFacts, label: string): OperationFacts {
  const operation = facts.operations.find((candidate) => candidate.label === label);
  if (operation === undefined)
    throw new Error(`no operation ${label} among ${facts.operations.map((o) => o.label).join(', ')}`);
  return operation;
}
