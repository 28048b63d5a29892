import type { RulesetDefinition } from '@stoplight/spectral-core';

/**
 * The `recommended` preset: every rule at its own severity (the package's main: `extends: ["spectral-auth-
 * responses"]` is the same).
 */
declare const ruleset: RulesetDefinition;
export = ruleset;
