/**
 * The hand-written declarations the package ships (types/, rulesets/*.d.ts) against the code they describe: this
 * file type-checks (`npm run typecheck`) only while each declaration accepts what the source exports.
 */
import type { RulesetDefinition } from '@stoplight/spectral-core';
import type * as Factory from '../../types/factory';
import type IndexRuleset = require('../../types/index');
import type Strict = require('../../rulesets/strict');
import * as source from '../../src/package-core';
import type { RulesetOptions } from '../../src/ruleset';
import type { PresetName } from '../../src/presets';

export const createRuleset: typeof Factory.createRuleset = source.createRuleset;
export const sourceCreateRuleset: (options?: Factory.RulesetOptions) => RulesetDefinition = source.createRuleset;
export const options: Required<Factory.RulesetOptions> = {} as Required<RulesetOptions>;
export const sourceOptions: Required<RulesetOptions> = {} as Required<Factory.RulesetOptions>;
export const rules: typeof Factory.RULES = source.RULES;
export const documentationUrlOf: typeof Factory.documentationUrlOf = source.documentationUrlOf;
export const presetNames: typeof Factory.PRESET_NAMES = source.PRESET_NAMES;
export const sourcePresetName: Factory.PresetName = '' as PresetName;
export const declaredPresetName: PresetName = '' as Factory.PresetName;
export const presets: typeof Factory.presets = source.presets;
export const main: typeof IndexRuleset = source.recommended;
export const strict: typeof Strict = source.presets.strict;
