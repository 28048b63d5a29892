import { asArray, isObject } from './json';

/**
 * The scopes of each alternative security requirement, in document order: `[{ oauth: [a, b] }, { key: [c] }]`
 * gives `[[a, b], [c]]`. A requirement that lists no scope gives `[]` (the caller may use it and need none);
 * an alternative that asks for the same scopes as an earlier one is listed once. Entries that are not
 * requirement objects are skipped.
 */
export function scopeAlternativesOf(security: unknown): string[][] {
  const alternatives = new Map<string, string[]>();
  for (const requirement of asArray(security)) {
    if (!isObject(requirement)) continue;
    const scopes = Object.values(requirement).flatMap((list) =>
      asArray(list).filter((s): s is string => typeof s === 'string'),
    );
    const unique = [...new Set(scopes)];
    const key = JSON.stringify(unique);
    if (!alternatives.has(key)) alternatives.set(key, unique);
  }
  return [...alternatives.values()];
}

/**
 * What an operation requires, as a message says it: `scopes (a, b)` for one requirement, and for alternatives
 * `one of the scope sets (a, b) or (c)`. Each set is what one alternative needs together, so a caller who holds
 * every scope of any one set is allowed; `(no scope)` is an alternative that needs none.
 */
export function requiredScopesPhrase(security: unknown): string {
  const sets = scopeAlternativesOf(security).map((scopes) => `(${scopes.length > 0 ? scopes.join(', ') : 'no scope'})`);
  if (sets.length <= 1) return `scopes ${sets[0] ?? '(no scope)'}`;
  return `one of the scope sets ${sets.slice(0, -1).join(', ')} or ${sets[sets.length - 1]}`;
}
