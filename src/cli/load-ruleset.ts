import { Ruleset } from '@stoplight/spectral-core';
import type { Loader } from '@stoplight/spectral-ruleset-bundler/dist/loader/types';
import { fetch } from '@stoplight/spectral-runtime';
import * as fs from 'node:fs';
import { basename, resolve } from 'node:path';
import { createRuleset, RULES } from '../ruleset';
import { DEFAULT_RULESET_FILES, describeError, PACKAGE_NAME } from './names';

export interface LoadedRuleset {
  ruleset: Ruleset;
  /** The ruleset file, or undefined for the ruleset embedded in the command. */
  file?: string;
}

export class RulesetLoadError extends Error {}

/**
 * The ruleset to lint with: `--ruleset FILE`, else a `.spectral.yaml`/`.yml`/`.json` in the working directory, else
 * this package's own rules. A file is loaded the way `spectral lint` loads it (migrated and bundled by Spectral's
 * ruleset bundler, so `extends`, `overrides` and custom `functions` work the same).
 */
export async function loadRuleset(
  rulesetOption: string | undefined,
  cwd: string,
  ownRulesetModule: string,
): Promise<LoadedRuleset> {
  const file = rulesetOption === undefined ? defaultRulesetFile(cwd) : resolve(cwd, rulesetOption);
  if (file === undefined) return { ruleset: new Ruleset(createRuleset()) };
  if (!fs.existsSync(file)) throw new RulesetLoadError(`--ruleset ${rulesetOption}: no such file`);
  try {
    return { ruleset: await loadRulesetFile(file, ownRulesetModule), file };
  } catch (error) {
    throw new RulesetLoadError(`cannot load the ruleset ${file}: ${describeError(error)}`);
  }
}

export function defaultRulesetFile(cwd: string): string | undefined {
  const name = DEFAULT_RULESET_FILES.find((candidate) => fs.existsSync(resolve(cwd, candidate)));
  return name === undefined ? undefined : resolve(cwd, name);
}

/** Whether a loaded ruleset has any rule of this package: a team ruleset that forgot to extend it lints for nothing here. */
export function includesOwnRules(ruleset: Ruleset): boolean {
  return RULES.some((rule) => rule.name in ruleset.rules);
}

async function loadRulesetFile(file: string, ownRulesetModule: string): Promise<Ruleset> {
  // Subpath exports of the bundler: required at run time (TypeScript's node10 resolution does not read `exports`).
  const { bundleAndLoadRuleset } = require('@stoplight/spectral-ruleset-bundler/with-loader') as {
    bundleAndLoadRuleset: Loader;
  };
  const { builtins } =
    require('@stoplight/spectral-ruleset-bundler/plugins/builtins') as typeof import('@stoplight/spectral-ruleset-bundler/dist/plugins/builtins');
  const { commonjs } =
    require('@stoplight/spectral-ruleset-bundler/plugins/commonjs') as typeof import('@stoplight/spectral-ruleset-bundler/dist/plugins/commonjs');
  return bundleAndLoadRuleset(file, { fs, fetch }, [ownPackage(ownRulesetModule), builtins(), commonjs()]);
}

/**
 * Lets `extends: [spectral-auth-responses]` work where Node cannot find the package from the ruleset's folder (the
 * command run through `npx` or a pre-commit environment, in a repository without node_modules): the ruleset migrator
 * then leaves the bare name, or `<ruleset folder>/spectral-auth-responses`, and this plugin points it at the command's
 * own copy of the rules. Where Node finds an installed copy, that one is used, as `spectral lint` would.
 */
function ownPackage(ownRulesetModule: string) {
  return {
    name: 'spectral-auth-responses:own-package',
    resolveId(id: string) {
      const unresolvedName = id === PACKAGE_NAME || (basename(id) === PACKAGE_NAME && !fs.existsSync(id));
      return unresolvedName ? { id: ownRulesetModule, external: true } : null;
    },
  };
}
