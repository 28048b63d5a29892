import { recommended } from './package-core';

// The module value is the ruleset itself: what `extends: ["spectral-auth-responses"]` loads.
export = recommended;
