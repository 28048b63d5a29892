import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Whether `path` lies inside `directory` (both real paths: `..` and symlinks already resolved). Both the command's
 * `$ref` resolver and `fix`, which edits the files that `$ref`s reach, keep to the allowed directories with it.
 */
export function isInside(path: string, directory: string): boolean {
  const fromDirectory = relative(directory, path);
  // `..hidden.yaml` is inside; `..` and `../x` are not.
  const leaves = fromDirectory === '..' || fromDirectory.startsWith(`..${sep}`);
  return !leaves && !isAbsolute(fromDirectory);
}

/** The path with `..` and symlinks resolved; for a missing file its plain absolute path (reading it fails anyway). */
export function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
