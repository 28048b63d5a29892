/**
 * Why a repair was not made: the fixer refuses rather than guesses, and the reason is shown to the person
 * who is left with the finding ("the 403's body schema is shared (#/components/schemas/Error)").
 */
export class Refusal extends Error {}

export function refuse(reason: string): never {
  throw new Refusal(reason);
}
