import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { PACKAGE_NAME, Shard } from './names';

/**
 * The shard (1 to `count`) a document belongs to: a hash of its path relative to the working directory, with `/`
 * separators. It depends on nothing but that path, so a document stays in its shard while others are added, removed
 * or renamed: its code-scanning alerts stay in the same SARIF category, and each CI job's cache keeps serving the
 * same documents. Every machine of a CI matrix computes the same split from the same checkout.
 */
export function shardOf(file: string, count: number, cwd: string): number {
  const path = relative(cwd, file).split(sep).join('/');
  return (createHash('sha256').update(path).digest().readUInt32BE(0) % count) + 1;
}

/** The documents of `--shard K/N` (all of them without the flag), in the order given. */
export function documentsOfShard(files: readonly string[], shard: Shard | undefined, cwd: string): string[] {
  if (shard === undefined) return [...files];
  return files.filter((file) => shardOf(file, shard.count, cwd) === shard.index);
}

/**
 * The SARIF `automationDetails.id` of a shard's run: `category/run-id`, with the run id left empty as GitHub code
 * scanning expects, so that the N uploads of a matrix are N categories and none replaces another's alerts.
 */
export function shardRunId(shard: Shard): string {
  return `${PACKAGE_NAME}/shard-${shard.index}-of-${shard.count}/`;
}

/**
 * The select stage's share for `--shard`: the documents of the shard. A shard that holds none is not an error (a
 * matrix wider than the repository is, or documents that hash alike): it says so on stderr unless `quiet`, and
 * the run goes on to write its empty report, which for SARIF closes the shard's old alerts.
 */
export function selectShard(
  files: readonly string[],
  options: { shard?: Shard; quiet?: boolean },
  environment: { cwd: string; stderr: NodeJS.WritableStream },
): string[] {
  const selected = documentsOfShard(files, options.shard, environment.cwd);
  if (options.shard !== undefined && selected.length === 0 && files.length > 0 && options.quiet !== true) {
    const { index, count } = options.shard;
    const found = files.length === 1 ? 'the one document found falls' : `the ${files.length} documents found all fall`;
    environment.stderr.write(`${PACKAGE_NAME}: note: shard ${index}/${count} is empty: ${found} in other shards\n`);
  }
  return selected;
}
