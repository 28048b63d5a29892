import type { RulesetDefinition } from '@stoplight/spectral-core';

/**
 * The `aip-211` preset: auth-404-protected-item is off (Google AIP-211: a caller who may not see an existing item
 * gets 403).
 */
declare const ruleset: RulesetDefinition;
export = ruleset;
