// The package as users get it: `npm pack` of the built project, for the packaging tests.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(__dirname, '../..');

/** Spectral's built-in packages: the only imports its loaders map to the host's own copies (the build's list). */
export const SPECTRAL_BUILTINS: readonly string[] = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'scripts/spectral-builtins.json'), 'utf8'),
) as string[];

/** Runs npm and returns its stdout; npm's warnings (stderr) stay out of the way unless it fails. */
export function npm(args: string[], cwd: string): string {
  try {
    return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

/** The source files a bundle was built from: esbuild heads each module's code with a `// src/...` comment. */
function sourcesOf(bundleCode: string): string[] {
  return [...new Set([...bundleCode.matchAll(/^\/\/ (src\/\S+\.ts)$/gm)].map((match) => match[1]))];
}

/**
 * The packaging tests check dist/, which `npm test` builds before jest runs; they do not rebuild it themselves
 * (the build deletes dist/ first, which would break other test files running at the same time).
 * A missing bundle, or one older than a source file it was built from, would make them test old code:
 * that fails here, saying what to do.
 */
export function assertBuilt(): void {
  const bundles = ['dist/ruleset.mjs'];
  for (const bundle of bundles) {
    const path = join(PROJECT_ROOT, bundle);
    if (!existsSync(path))
      throw new Error(`${bundle} is missing: run \`npm run build\` (or \`npm test\`, which builds first).`);
    const built = statSync(path).mtimeMs;
    for (const source of sourcesOf(readFileSync(path, 'utf8'))) {
      const sourcePath = join(PROJECT_ROOT, source);
      if (!existsSync(sourcePath) || statSync(sourcePath).mtimeMs > built) {
        throw new Error(
          `${bundle} is older than ${source}: run \`npm run build\` (or \`npm test\`, which builds first).`,
        );
      }
    }
  }
}

/** The files `npm pack` would put in the tarball, as npm itself lists them. */
export function packedFiles(): string[] {
  const [pack] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], PROJECT_ROOT)) as {
    files: { path: string }[];
  }[];
  return pack.files.map((file) => file.path);
}

/**
 * Packs the built project into `destination` and returns the tarball's path. Without npm's `prepack` build (see
 * `assertBuilt`: a rebuild here would delete dist/ under the other test files); test/integration/fresh-clone.test.ts
 * packs with it, in a clone of its own.
 */
export function packProject(destination: string): string {
  assertBuilt();
  const args = ['pack', '--json', '--ignore-scripts', '--pack-destination', destination];
  const [pack] = JSON.parse(npm(args, PROJECT_ROOT)) as {
    filename: string;
  }[];
  return join(destination, pack.filename);
}

/** A dev dependency's exact version, as the committed package-lock pins it. */
export function lockedVersionOf(name: string): string {
  const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version: string }>;
  };
  const entry = lock.packages[`node_modules/${name}`];
  if (entry === undefined) throw new Error(`${name} is not in package-lock.json`);
  return entry.version;
}
