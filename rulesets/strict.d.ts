import type { RulesetDefinition } from '@stoplight/spectral-core';

/**
 * The `strict` preset: every rule reports as an error: for teams that gate merges on it.
 */
declare const ruleset: RulesetDefinition;
export = ruleset;
