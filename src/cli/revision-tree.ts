import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realpathSync } from 'node:fs';
import { git, nulSeparated } from './git';

/** Some files of a commit, written out as they were, in a temporary folder of their own. */
export interface RevisionTree {
  /** The folder that stands for the repository's top folder at the commit (a real path). */
  root: string;
  /** The files of the commit (relative to the top, `/` separators) under the folders asked for. */
  files: Set<string>;
  /** Deletes the folder. */
  remove(): Promise<void>;
}

/**
 * Writes the files of `commit` that lie under `folders` (relative to the repository's top, `/` separators; `` for all)
 * into a new temporary folder, with git's own checkout (line endings and attributes as in a working tree), through an
 * index of its own: the repository, its index and its working tree are left as they were. Large files kept in Git LFS
 * stay pointers, so that nothing is fetched. The caller removes the tree, whatever happens.
 */
export async function revisionTree(
  commit: string,
  folders: readonly string[],
  top: string,
  env: NodeJS.ProcessEnv,
): Promise<RevisionTree> {
  const scratch = realpathSync(await mkdtemp(join(tmpdir(), 'sar-since-')));
  const remove = () => rm(scratch, { recursive: true, force: true });
  try {
    const root = join(scratch, 'tree');
    const call = { cwd: top, env: { ...env, GIT_INDEX_FILE: join(scratch, 'index'), GIT_LFS_SKIP_SMUDGE: '1' } };
    // Only the folders asked for, unless the top is one of them: large repositories hold many thousand files.
    const wholeTree = folders.some((folder) => isUnder('', folder));
    const paths = wholeTree ? [] : ['--', ...new Set(folders)];
    const listing = nulSeparated(await git(['ls-tree', '-r', '-z', '--full-tree', commit, ...paths], call));
    const files = listing
      .filter((entry) => entry.split(' ')[1] === 'blob')
      .map((entry) => entry.slice(entry.indexOf('\t') + 1))
      .filter((file) => folders.some((folder) => isUnder(file, folder)));
    if (files.length > 0) {
      await git(['read-tree', commit], call);
      await git(['checkout-index', `--prefix=${root}/`, '-z', '--stdin'], { ...call, input: files.join('\0') });
    }
    return { root, files: new Set(files), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Whether a path (relative to the top, `/` separators) lies under a folder given the same way (`` for the top). */
export function isUnder(file: string, folder: string): boolean {
  return folder === '' || folder === '.' || file.startsWith(`${folder.replace(/\/+$/, '')}/`);
}
