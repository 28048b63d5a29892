import type { RulesetDefinition } from '@stoplight/spectral-core';

/** The ruleset itself (the `recommended` preset): what `extends: ["spectral-auth-responses"]` loads. */
declare const ruleset: RulesetDefinition;
export = ruleset;
