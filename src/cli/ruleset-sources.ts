import { isAbsolute } from 'node:path';
import { sha256Of } from './content-hash';
import { relativeFile } from './finding-key';

/**
 * One module of a bundled team ruleset: the ruleset file (migrated to code), a custom function, a ruleset it extends,
 * or a package it imports. `--cache` fingerprints a ruleset by them: a severity, an option or a custom function's code
 * changes what they hold, while a loaded Spectral `Ruleset` keeps no trace of its functions' code.
 */
export interface RulesetSource {
  /** The module: a path relative to the ruleset's folder, a URL, a package name, or a virtual module (`\0...`). */
  id: string;
  /**
   * sha256 of the module's code in the bundle, with the ruleset's folder written `<ruleset folder>` (the migrated
   * ruleset imports its functions by absolute path), so that a checkout elsewhere has the same fingerprint.
   * Undefined for a package (Spectral's own, mapped to the command's copies, or one required at run time): the
   * fingerprint identifies those by their installed version.
   */
  sha256?: string;
}

/** A plugin for Spectral's ruleset bundler (rollup) that lists, into `sources`, the modules of the bundle it makes. */
export function recordingSources(rulesetFolder: string, sources: RulesetSource[]) {
  return {
    name: 'spectral-auth-responses:record-sources',
    buildEnd(this: RollupContext) {
      for (const id of this.getModuleIds()) {
        const module = this.getModuleInfo(id);
        if (module === null) continue;
        if (module.isExternal || isPackageName(id)) {
          sources.push({ id: isAbsolute(id) ? relativeFile(id, rulesetFolder) : id });
          continue;
        }
        const code = (module.code ?? '').split(rulesetFolder).join('<ruleset folder>');
        sources.push({ id: isAbsolute(id) ? relativeFile(id, rulesetFolder) : id, sha256: sha256Of(code) });
      }
    },
  };
}

/** `@stoplight/spectral-rulesets`, `lodash/get`: neither a path, a URL nor a virtual module. */
export function isPackageName(id: string): boolean {
  return !isAbsolute(id) && !id.startsWith('.') && !id.startsWith('\0') && !/^[a-z][a-z0-9+.-]*:/i.test(id);
}

/** The part of rollup's plugin context the plugin uses (rollup's types are not a dependency of the command). */
interface RollupContext {
  getModuleIds(): IterableIterator<string>;
  getModuleInfo(id: string): { isExternal: boolean; code: string | null } | null;
}
