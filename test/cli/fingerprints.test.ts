import { CALLS, EDITED_ELSEWHERE, ONE_MORE } from './calls-document';
import { CliRun, removeWorkspace, runCli, workspace } from './run-cli';

interface SarifResult {
  ruleId: string;
  locations: { physicalLocation: { region: { startLine: number } } }[];
  partialFingerprints?: Record<string, string>;
}

interface JsonResult {
  code: string;
  path: string[];
  source: string;
  fingerprint?: string;
}

const sarifResults = (run: CliRun) =>
  (JSON.parse(run.stdout) as { runs: { results: SarifResult[] }[] }).runs[0].results;
const jsonResults = (run: CliRun) => JSON.parse(run.stdout) as JsonResult[];
const sarifFingerprints = (run: CliRun) =>
  sarifResults(run).map((result) => result.partialFingerprints?.['findingKeyHash/v1']);
const jsonFingerprints = (run: CliRun) => jsonResults(run).map((result) => result.fingerprint);

/** Lints `apis/calls.yaml` holding `text` with each format given (a workspace each, as each a commit). */
async function lintAs(text: string, ...runs: string[][]): Promise<CliRun[]> {
  const root = workspace({ 'apis/calls.yaml': text, 'apis/other.yaml': CALLS });
  try {
    return await Promise.all(runs.map((args) => runCli(['lint', ...args, 'apis/*.yaml'], root)));
  } finally {
    removeWorkspace(root);
  }
}

let runs: Record<string, CliRun>;
beforeAll(async () => {
  const [[sarif, json, failuresOnly, gitlab], [movedSarif], [oneMoreSarif]] = await Promise.all([
    lintAs(CALLS, ['-f', 'sarif'], ['-f', 'json'], ['-f', 'json', '--display-only-failures'], ['-f', 'gitlab']),
    lintAs(EDITED_ELSEWHERE, ['-f', 'sarif']),
    lintAs(ONE_MORE, ['-f', 'sarif']),
  ]);
  runs = { sarif, json, failuresOnly, gitlab, movedSarif, oneMoreSarif };
});

describe('SARIF partialFingerprints', () => {
  test('every result carries one, distinct from the others', () => {
    const fingerprints = sarifFingerprints(runs.sarif);
    expect(fingerprints).toHaveLength(4);
    for (const fingerprint of fingerprints) expect(fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(fingerprints).size).toBe(4);
  });

  test('an edit that moves every line keeps every fingerprint', () => {
    const lines = (run: CliRun) => sarifResults(run).map((r) => r.locations[0].physicalLocation.region.startLine);
    expect(lines(runs.movedSarif)).not.toEqual(lines(runs.sarif));
    expect(sarifFingerprints(runs.movedSarif)).toEqual(sarifFingerprints(runs.sarif));
  });

  test('a new finding gets a new fingerprint; the old ones keep theirs', () => {
    const before = sarifFingerprints(runs.sarif);
    const after = sarifFingerprints(runs.oneMoreSarif);
    expect(after).toHaveLength(5);
    expect(after.filter((fingerprint) => !before.includes(fingerprint))).toHaveLength(1);
    expect(after).toEqual(expect.arrayContaining(before));
  });
});

describe('JSON fingerprint', () => {
  test('each result carries the same fingerprint as the SARIF result, in the same order', () => {
    expect(jsonFingerprints(runs.json)).toEqual(sarifFingerprints(runs.sarif));
  });

  test('showing fewer findings does not change the fingerprints of those shown', () => {
    const byFinding = new Map(
      jsonResults(runs.json).map((result) => [JSON.stringify([result.source, result.code, result.path]), result]),
    );
    const shown = jsonResults(runs.failuresOnly);
    expect(shown.map((result) => result.code)).toEqual(['auth-401-documented', 'auth-401-documented']);
    for (const result of shown) {
      expect(result.fingerprint).toBe(
        byFinding.get(JSON.stringify([result.source, result.code, result.path]))?.fingerprint,
      );
    }
  });
});

describe('Code Climate (GitLab) fingerprint', () => {
  test("each issue carries the finding's fingerprint in place of Spectral's file:path:rule", () => {
    const issues = JSON.parse(runs.gitlab.stdout) as { fingerprint: string }[];
    expect(issues.map((issue) => issue.fingerprint)).toEqual(sarifFingerprints(runs.sarif));
  });
});
