import { join } from 'node:path';
import { documentsOfShard, shardOf } from '../../src/cli/shard';
import { CliRun, removeWorkspace, runCli, workspace } from './run-cli';

const COUNT = 3;
const NAMES = Array.from({ length: 12 }, (_, i) => `apis/api-${String(i).padStart(2, '0')}.openapi.yaml`);

describe('the split (pure)', () => {
  const cwd = '/repo';
  const files = Array.from({ length: 500 }, (_, i) => join(cwd, `apis/team-${i % 7}/api-${i}.yaml`));

  test('every document is in exactly one shard, and the shards together are all documents', () => {
    const shards = [1, 2, 3, 4].map((index) => documentsOfShard(files, { index, count: 4 }, cwd));
    expect(shards.flat().sort()).toEqual([...files].sort());
    for (const shard of shards) expect(shard.length).toBeGreaterThan(0);
  });

  test('a document keeps its shard when others are added or removed, and the order given is kept', () => {
    const before = files.map((file) => shardOf(file, 4, cwd));
    const withMore = [...files.slice(100), join(cwd, 'apis/new.yaml')];
    expect(withMore.slice(0, -1).map((file) => shardOf(file, 4, cwd))).toEqual(before.slice(100));
    const shard = documentsOfShard(files, { index: 2, count: 4 }, cwd);
    expect(shard).toEqual(files.filter((file) => shard.includes(file)));
  });

  test('depends on the path relative to the working directory, not on where the checkout is', () => {
    const elsewhere = files.map((file) =>
      shardOf(file.replace(cwd, '/home/runner/work/repo'), 4, '/home/runner/work/repo'),
    );
    expect(elsewhere).toEqual(files.map((file) => shardOf(file, 4, cwd)));
  });

  test('without --shard, every document', () => {
    expect(documentsOfShard(files, undefined, cwd)).toEqual(files);
  });
});

describe('--shard through the bin', () => {
  let root: string;
  let runs: Record<string, CliRun>;
  // The shard that does not hold the one document of the empty-shard case.
  const emptyShard = shardOf('/x/apis/api-00.openapi.yaml', 2, '/x') === 1 ? 2 : 1;
  beforeAll(async () => {
    root = workspace(Object.fromEntries(NAMES.map((name) => [name, { fixture: 'bad.openapi.yaml' }])));
    const lint = (...args: string[]) => runCli(['lint', ...args], root);
    const shardRuns = await Promise.all(
      Array.from({ length: COUNT }, (_, i) => lint('-f', 'json', '--shard', `${i + 1}/${COUNT}`, 'apis/*.yaml')),
    );
    const [again, sarif, sarifWhole, empty, emptyQuiet] = await Promise.all([
      lint('-f', 'json', '--shard', `2/${COUNT}`, 'apis/*.yaml'),
      lint('-f', 'sarif', '--shard', `2/${COUNT}`, 'apis/*.yaml'),
      lint('-f', 'sarif', 'apis/api-00.openapi.yaml'),
      lint('-f', 'sarif', '--shard', `${emptyShard}/2`, 'apis/api-00.openapi.yaml'),
      lint('-q', '--shard', `${emptyShard}/2`, 'apis/api-00.openapi.yaml'),
    ]);
    runs = { again, sarif, sarifWhole, empty, emptyQuiet };
    shardRuns.forEach((run, i) => (runs[`shard ${i + 1}`] = run));
  }, 300_000);
  afterAll(() => removeWorkspace(root));

  const documentsIn = (run: CliRun) =>
    [...new Set((JSON.parse(run.stdout) as { source: string }[]).map((result) => result.source))].sort();

  test('the shards lint disjoint parts whose union is all documents; the same shard twice is the same part', () => {
    const parts = Array.from({ length: COUNT }, (_, i) => documentsIn(runs[`shard ${i + 1}`]));
    expect(parts.flat().sort()).toEqual(NAMES.map((name) => join(root, name)));
    expect(documentsIn(runs.again)).toEqual(parts[1]);
    for (let i = 1; i <= COUNT; i += 1) expect(runs[`shard ${i}`]).toMatchObject({ code: 1, stderr: '' });
  });

  test("a shard's SARIF names its run for code scanning (category/run-id); without --shard nothing is added", () => {
    const run = (JSON.parse(runs.sarif.stdout) as { runs: { automationDetails?: { id: string } }[] }).runs[0];
    expect(run.automationDetails).toEqual({ id: `spectral-auth-responses/shard-2-of-${COUNT}/` });
    expect(runs.sarif.stdout).toMatch(/\n {6}"automationDetails": \{\n {8}"id": /);
    expect(runs.sarifWhole.stdout).not.toContain('automationDetails');
  });

  test('an empty shard is not an error: a note, exit 0, and an empty report naming the run', () => {
    expect(runs.empty.code).toBe(0);
    expect(runs.empty.stderr).toBe(
      `spectral-auth-responses: note: shard ${emptyShard}/2 is empty: the one document found falls in other shards\n`,
    );
    const run = (JSON.parse(runs.empty.stdout) as { runs: { results: unknown[]; automationDetails: unknown }[] })
      .runs[0];
    expect(run).toMatchObject({
      results: [],
      automationDetails: { id: `spectral-auth-responses/shard-${emptyShard}-of-2/` },
    });
    expect(runs.emptyQuiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});
