import fg from 'fast-glob';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { InputProblem } from './input-problem';

/** Folders a glob never descends into: dependencies and VCS data are never API descriptions of this project. */
export const IGNORED_BY_GLOBS = ['**/node_modules/**', '**/.git/**'];

export interface DiscoveredFiles {
  /** Absolute paths, each once, in the order of the arguments (a glob's matches sorted). */
  files: string[];
  problems: InputProblem[];
}

/**
 * Turns the command's arguments into files. An argument naming an existing file is taken as it is (even when its
 * name has glob characters, like `[id].yaml`); any other argument with glob syntax is a pattern; anything else is a
 * missing file. Each argument that yields nothing is a problem of its own, so that one typo never hides the others.
 */
export async function discoverFiles(args: readonly string[], cwd: string): Promise<DiscoveredFiles> {
  const files = new Set<string>();
  const problems: InputProblem[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const kind = fileKindOf(path);
    if (kind === 'file') {
      files.add(path);
    } else if (kind === 'directory') {
      problems.push({ file: arg, message: `is a directory: pass files, or a quoted glob such as '${globUnder(arg)}'` });
    } else if (fg.isDynamicPattern(arg)) {
      const matches = await fg(arg, { cwd, absolute: true, onlyFiles: true, unique: true, ignore: IGNORED_BY_GLOBS });
      if (matches.length === 0) problems.push({ file: arg, message: 'no files match this pattern' });
      for (const match of matches.sort()) files.add(resolve(match));
    } else {
      problems.push({ file: arg, message: 'no such file' });
    }
  }
  return { files: [...files], problems };
}

function globUnder(directory: string): string {
  const base = directory.replace(/\/+$/, '');
  return base === '.' || base === '' ? '**/*.yaml' : `${base}/**/*.yaml`;
}

export function fileKindOf(path: string): 'file' | 'directory' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}
