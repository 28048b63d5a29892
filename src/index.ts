import { createRuleset } from './ruleset';

// The module value is the ruleset itself: what `extends: ["spectral-auth-responses"]` loads.
export = createRuleset();
