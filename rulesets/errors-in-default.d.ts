import type { RulesetDefinition } from '@stoplight/spectral-core';

/**
 * The `errors-in-default` preset: the three rules that ask for a status code on each operation are off (Zalando
 * #150/#151, Azure: errors answered by `default`).
 */
declare const ruleset: RulesetDefinition;
export = ruleset;
