import type { RulesetDefinition } from '@stoplight/spectral-core';

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

/** One rule of the ruleset, as its documentation describes it. */
export interface RuleSummary {
  readonly name: string;
  readonly severity: 'error' | 'warn' | 'info' | 'hint';
  readonly description: string;
}

export type PresetName = 'recommended' | 'strict' | 'errors-in-default' | 'aip-211';

/** The ruleset, with options. */
export declare function createRuleset(options?: RulesetOptions): RulesetDefinition;
/** Every rule, in the order of the README's table. */
export declare const RULES: readonly RuleSummary[];
/** The address of a rule's documentation page. */
export declare function documentationUrlOf(ruleName: string): string;
export declare const PRESET_NAMES: readonly PresetName[];
/** The presets of `rulesets/`, with default options. */
export declare const presets: Readonly<Record<PresetName, RulesetDefinition>>;
