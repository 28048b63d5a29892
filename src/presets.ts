import type { RulesetDefinition } from '@stoplight/spectral-core';
import { RULES } from './ruleset';

/**
 * The presets under `rulesets/`: each a thin layer over the one ruleset, changing severities only, so that every
 * preset runs the same rules with the same messages and options.
 */
export const PRESET_NAMES = ['recommended', 'strict', 'errors-in-default', 'aip-211'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/**
 * The rules that ask for a status code to be documented on each operation. Guidelines that answer errors through
 * `default` (Zalando #150/#151, Azure) do not list standard codes one by one, so these rules do not apply there.
 */
export const DOCUMENT_THIS_CODE_RULES = ['auth-401-documented', 'auth-403-documented', 'auth-404-protected-item'];

/** Severity overrides of each preset, over the rules' own severities (`recommended`). */
function overridesOf(preset: PresetName): Record<string, 'error' | 'off'> {
  switch (preset) {
    case 'recommended':
      return {};
    case 'strict':
      return Object.fromEntries(RULES.map((rule) => [rule.name, 'error']));
    case 'errors-in-default':
      return Object.fromEntries(DOCUMENT_THIS_CODE_RULES.map((name) => [name, 'off']));
    case 'aip-211':
      // Google AIP-211 (and AEP-211) answer 403 to a caller who may not see an existing item: no 404 to ask for.
      return { 'auth-404-protected-item': 'off' };
  }
}

/** Every preset over `recommended` (the ruleset itself, which `recommended` is). */
export function presetsOver(recommended: RulesetDefinition): Record<PresetName, RulesetDefinition> {
  const layered = (preset: PresetName): RulesetDefinition =>
    preset === 'recommended' ? recommended : { extends: [recommended], rules: overridesOf(preset) };
  return Object.fromEntries(PRESET_NAMES.map((preset) => [preset, layered(preset)])) as Record<
    PresetName,
    RulesetDefinition
  >;
}
