// The package's one ES module (dist/ruleset.mjs): every public entry (`.`, `./factory`, `./rulesets/*`) is a small
// CommonJS file that requires it. Spectral's loaders parse an ES module once, where a CommonJS one goes through
// their commonjs transform too (docs/packaging.md).
import { createRuleset } from './ruleset';
import { presetsOver } from './presets';

export { createRuleset, documentationUrlOf, RULES } from './ruleset';
export { PRESET_NAMES } from './presets';

/** The ruleset with default options: the package's main, and the `recommended` preset. */
export const recommended = createRuleset();
export const presets = presetsOver(recommended);
