import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { git, GitError, nulSeparated } from './git';

/** What differs between a git revision and the working tree. */
export interface ChangedFiles {
  /** The top folder of the repository, spelled as the working directory is (symlinks kept). */
  top: string;
  /** The commit the revision names. */
  commit: string;
  /**
   * The files (relative to `top`, `/` separators) that differ: added, deleted, modified, both names of a renamed
   * file; committed, staged, unstaged, and untracked files that are not ignored.
   */
  changed: Set<string>;
  /** Each renamed file's path now, and its path at the revision. */
  renamedFrom: Map<string, string>;
}

/** Why `--since` cannot run: its message names the revision and says why in one line. */
export class SinceError extends Error {}

/**
 * The files that differ between `revision` and the working tree of the repository holding `cwd`, renames detected as
 * git does (`-M`), untracked files among them. The repository's own index is left as it was: untracked files are
 * added, as intended-to-add, to a copy of it only so that git pairs a moved file with its old name.
 */
export async function changedFilesSince(revision: string, cwd: string, env: NodeJS.ProcessEnv): Promise<ChangedFiles> {
  const fail = (reason: string): never => {
    throw new SinceError(`--since ${revision}: ${reason}`);
  };
  let top: string;
  try {
    top = resolve(cwd, (await git(['rev-parse', '--show-cdup'], { cwd, env })).trim());
  } catch (error) {
    return fail(error instanceof GitError && error.gitMissing ? error.message : `not in a git repository (${cwd})`);
  }
  const call = { cwd: top, env };
  let commit: string;
  try {
    commit = (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], call)).trim();
  } catch {
    const shallow = (await git(['rev-parse', '--is-shallow-repository'], call).catch(() => '')).trim() === 'true';
    return fail(`unknown revision${shallow ? ' (this clone is shallow: fetch the revision, or clone in full)' : ''}`);
  }

  const scratch = await mkdtemp(join(tmpdir(), 'sar-since-index-'));
  try {
    const index = join(scratch, 'index');
    const withIndex = { ...call, env: { ...env, GIT_INDEX_FILE: index } };
    const realIndex = resolve(top, (await git(['rev-parse', '--git-path', 'index'], call)).trim());
    // A repository with nothing ever staged has no index yet: git starts the copy empty then.
    await copyFile(realIndex, index).catch(() => undefined);
    const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z'], call);
    if (untracked !== '') {
      await git(['add', '--intent-to-add', '--pathspec-from-file=-', '--pathspec-file-nul'], {
        ...withIndex,
        input: untracked,
      });
    }
    const diff = await git(
      ['diff', '--no-relative', '--no-ext-diff', '--ignore-submodules', '-M', '--name-status', '-z', commit, '--'],
      withIndex,
    );
    return { top, commit, ...parsedNameStatus(nulSeparated(diff)) };
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** `git diff --name-status -z`: a status, then one path, or two (old, new) for a rename or copy. */
export function parsedNameStatus(entries: readonly string[]): Pick<ChangedFiles, 'changed' | 'renamedFrom'> {
  const changed = new Set<string>();
  const renamedFrom = new Map<string, string>();
  for (let at = 0; at < entries.length;) {
    const status = entries[at];
    if (status.startsWith('R') || status.startsWith('C')) {
      const [from, to] = [entries[at + 1], entries[at + 2]];
      if (status.startsWith('R')) {
        changed.add(from);
        renamedFrom.set(to, from);
      }
      changed.add(to);
      at += 3;
    } else {
      changed.add(entries[at + 1]);
      at += 2;
    }
  }
  return { changed, renamedFrom };
}
