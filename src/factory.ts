// Programmatic use: `require("spectral-auth-responses/factory")`.
export { createRuleset, documentationUrlOf, PRESET_NAMES, presets, RULES } from './package-core';
