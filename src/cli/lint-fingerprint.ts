import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { sha256Of } from './content-hash';
import type { Setup } from './document-pipeline';
import { relativeFile } from './finding-key';
import { isPackageName } from './ruleset-sources';

/**
 * The packages whose code decides a lint's results besides the ruleset's own files: Spectral's engine, functions,
 * formats and rulesets (`spectral:oas`), its parsers, the `$ref` resolver, and the ruleset bundler and migrator.
 */
const ENGINE_PACKAGES = [
  '@stoplight/spectral-core',
  '@stoplight/spectral-formats',
  '@stoplight/spectral-functions',
  '@stoplight/spectral-parsers',
  '@stoplight/spectral-ref-resolver',
  '@stoplight/spectral-rulesets',
  '@stoplight/spectral-runtime',
  '@stoplight/spectral-ruleset-bundler',
  '@stoplight/spectral-ruleset-migrator',
  '@stoplight/json-ref-resolver',
  '@stoplight/json-ref-readers',
];

/**
 * What decides a document's results besides the document and the files its `$ref`s read, as one sha256: the
 * effective ruleset (the rules as Spectral loaded them, with severities, given paths and options, and the code of
 * every module the ruleset file was bundled from: custom functions included), the command's own code (its built
 * files, which hold this package's rules, and its package.json with the version), the installed versions of Spectral's
 * packages, Node's major version, and the `$ref` policy and size limit. Paths inside `base` (the cache's folder) are
 * written relative to it, so that a checkout in another folder has the same fingerprint.
 */
export function lintFingerprint(setup: Setup, base: string, commandFolder: string): string {
  const portable = (text: string) => text.split(base).join('<base>');
  const rulesetFolder = setup.rulesetFile === undefined ? undefined : dirname(setup.rulesetFile);
  const parts = {
    node: process.versions.node.split('.')[0],
    command: filesOf(commandFolder).concat(filesOf(dirname(commandFolder), ['package.json'])),
    engine: ENGINE_PACKAGES.map((name) => `${name}@${installedVersion(name, commandFolder)}`),
    rulesetFile: setup.rulesetFile === undefined ? null : relativeFile(setup.rulesetFile, base),
    rulesetSources: setup.rulesetSources.map((source) => ({
      id: source.id,
      sha256: source.sha256 ?? identityOfPackage(source.id, rulesetFolder ?? base),
    })),
    ruleset: portable(JSON.stringify(setup.ruleset)),
    policy: {
      allowRemoteRefs: setup.policy.allowRemoteRefs,
      allowedDirectories: setup.policy.allowedDirectories.map((directory) => relativeFile(directory, base)),
      maxFileMegabytes: setup.policy.maxFileMegabytes ?? null,
      readLimit: setup.limits.maxFileMegabytes,
    },
  };
  return sha256Of(JSON.stringify(parts));
}

/** `name sha256` of each file of a folder (or of the named ones), sorted by name; files that cannot be read are left out. */
function filesOf(folder: string, names?: string[]): string[] {
  let listed: string[];
  try {
    listed = names ?? readdirSync(folder);
  } catch {
    return [];
  }
  return listed.sort().flatMap((name) => {
    try {
      return [`${name} ${sha256Of(readFileSync(join(folder, name)))}`];
    } catch {
      return [];
    }
  });
}

/**
 * A module of the ruleset that the bundle does not hold: a package (its installed version, as Node finds it from the
 * ruleset's folder), or a file required at run time (its content).
 */
function identityOfPackage(id: string, rulesetFolder: string): string {
  if (isPackageName(id)) return `version ${installedVersion(id, rulesetFolder)}`;
  try {
    return sha256Of(readFileSync(resolve(rulesetFolder, id)));
  } catch {
    return 'unreadable';
  }
}

/** The version of the package that Node resolves `name` (or a file in it, `lodash/get`) to from `folder`. */
export function installedVersion(name: string, folder: string): string {
  const packageName = name
    .split('/')
    .slice(0, name.startsWith('@') ? 2 : 1)
    .join('/');
  let entry: string;
  try {
    entry = createRequire(join(folder, 'noop.js')).resolve(name);
  } catch {
    return 'not installed';
  }
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (manifest.name === packageName) return String(manifest.version);
    } catch {
      // No package.json here: look further up.
    }
  }
  return 'unknown';
}
