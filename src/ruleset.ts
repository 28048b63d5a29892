import type { IFunctionResult, RulesetDefinition, RulesetFunctionContext } from '@stoplight/spectral-core';
import { oas2, oas3 } from '@stoplight/spectral-formats';
import { COLLECTION_ENVELOPE_NAMES } from './openapi/collections';
import { DocumentFacts, documentFactsOf } from './openapi/operations';
import type { AuthRule, RuleOptions } from './rule';
import { auth401Documented } from './rules/auth-401-documented';
import { auth401MisusedForPermissions } from './rules/auth-401-misused-for-permissions';
import { auth401WithoutSecurity } from './rules/auth-401-without-security';
import { auth401WwwAuthenticate } from './rules/auth-401-www-authenticate';
import { auth403DescribesScopes } from './rules/auth-403-describes-scopes';
import { auth403Documented } from './rules/auth-403-documented';
import { auth403MisusedForAuthentication } from './rules/auth-403-misused-for-authentication';
import { auth404ProtectedItem } from './rules/auth-404-protected-item';
import { authExceptionInvalid } from './rules/auth-exception-invalid';
import { authNo404Collection } from './rules/auth-no-404-collection';
import { authWwwAuthenticateScheme } from './rules/auth-www-authenticate-scheme';

/** Where each rule's documentation page lives: `<base>/<rule>.md`. */
export const DOCUMENTATION_BASE_URL =
  'https://github.com/spectral-auth-responses/spectral-auth-responses/blob/main/docs/rules';

/** The rules an `x-auth-exceptions` entry may silence, in the order of the README's table. */
export const SILENCEABLE_RULES: readonly AuthRule[] = [
  auth401Documented,
  auth401WwwAuthenticate,
  authWwwAuthenticateScheme,
  auth403Documented,
  auth403DescribesScopes,
  auth404ProtectedItem,
  authNo404Collection,
  auth401WithoutSecurity,
  auth401MisusedForPermissions,
  auth403MisusedForAuthentication,
];

/** Every rule of the ruleset, in the order of the README's table. */
export const RULES: readonly AuthRule[] = [
  ...SILENCEABLE_RULES,
  authExceptionInvalid(SILENCEABLE_RULES.map((rule) => rule.name)),
];

export interface RulesetOptions {
  /**
   * Extra names of array properties that wrap a collection's members in a listing's body
   * (added to items, data, results, values, value, entries, records, elements, content, list, resources, nodes, edges).
   */
  collectionEnvelopeNames?: string[];
  /**
   * Extra name parts that mark a 403 body property as naming what the caller lacks
   * (added to `scope` and `permission`; matched case-insensitively anywhere in the property name, e.g. `role`).
   */
  missingGrantPropertyNames?: string[];
}

export function ruleOptionsFrom(options: RulesetOptions = {}): RuleOptions {
  const lower = (names: unknown): string[] =>
    Array.isArray(names)
      ? names.filter((n): n is string => typeof n === 'string' && n.length > 0).map((n) => n.toLowerCase())
      : [];
  return {
    collectionEnvelopeNames: new Set([...COLLECTION_ENVELOPE_NAMES, ...lower(options.collectionEnvelopeNames)]),
    missingGrantPropertyParts: ['scope', 'permission', ...lower(options.missingGrantPropertyNames)],
  };
}

/**
 * Facts are computed once per document and shared by all rules of a lint run: keyed by the resolved document,
 * which Spectral creates anew for every run, so nothing outlives it.
 */
const factsByDocument = new WeakMap<object, DocumentFacts>();

function documentFactsFor(context: RulesetFunctionContext): DocumentFacts {
  // The resolved root is on the inventory, though Spectral's public type does not declare it.
  const resolved: unknown = (context.documentInventory as unknown as { resolved?: unknown }).resolved;
  const key = typeof resolved === 'object' && resolved !== null ? resolved : undefined;
  const cached = key === undefined ? undefined : factsByDocument.get(key);
  if (cached !== undefined) return cached;
  const facts = documentFactsOf(resolved, context.document.data);
  if (key !== undefined) factsByDocument.set(key, facts);
  return facts;
}

function spectralFunctionFor(rule: AuthRule, options: RuleOptions) {
  const lint = (_input: unknown, _options: unknown, context: RulesetFunctionContext): IFunctionResult[] => {
    try {
      // Spectral takes message and path; `covers` is for `fix` only.
      return rule.check(documentFactsFor(context), options).map(({ message, path }) => ({ message, path }));
    } catch (error) {
      // An exception would abort Spectral's whole run, for every file: report it as a finding instead.
      const reason = error instanceof Error ? error.message : String(error);
      return [
        { message: `${rule.name} could not check this document (${reason}); please report this as a bug.`, path: [] },
      ];
    }
  };
  Object.defineProperty(lint, 'name', { value: rule.name });
  return lint;
}

export function documentationUrlOf(ruleName: string): string {
  return `${DOCUMENTATION_BASE_URL}/${ruleName}.md`;
}

/** The ruleset, with options; `createRuleset()` is what the package exports for `extends`. */
export function createRuleset(options: RulesetOptions = {}): RulesetDefinition {
  const ruleOptions = ruleOptionsFrom(options);
  const rules = Object.fromEntries(
    RULES.map((rule) => [
      rule.name,
      {
        description: rule.description,
        message: '{{error}}',
        severity: rule.severity,
        recommended: true,
        documentationUrl: documentationUrlOf(rule.name),
        // One fixed path: every rule reads the whole document's precomputed facts, so no JSONPath walk is needed.
        given: '$',
        resolved: rule.resolved,
        then: { function: spectralFunctionFor(rule, ruleOptions) },
      },
    ]),
  );
  return { formats: [oas2, oas3], rules };
}
