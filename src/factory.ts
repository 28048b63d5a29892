// Programmatic use: `require("spectral-auth-responses/dist/factory")`.
export { createRuleset, RULES, documentationUrlOf } from './ruleset';
export type { RulesetOptions } from './ruleset';
