import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { findingKeyOf, fingerprintsOf } from './finding-key';
import type { LintedDocument } from './lint-document';
import type { FormatName } from './names';

/**
 * The name of the fingerprint in SARIF's `partialFingerprints`: versioned, as SARIF asks, so that a later way of
 * computing it can take another name instead of silently reopening every alert.
 */
export const SARIF_FINGERPRINT = 'findingKeyHash/v1';

/**
 * Each finding's fingerprint, from its key relative to the working directory (where the SARIF's own file URIs
 * start). Computed over every finding of the run, before suppressions and display filters, so that what a run
 * shows never changes the identity of what it shows.
 */
export function fingerprintsByResult(
  linted: readonly LintedDocument[],
  cwd: string,
): ReadonlyMap<ISpectralDiagnostic, string> {
  const results = linted.flatMap((document) => document.results);
  const keys = linted.flatMap((document) => document.results.map((result) => findingKeyOf(result, document.file, cwd)));
  const fingerprints = fingerprintsOf(keys);
  return new Map(results.map((result, index) => [result, fingerprints[index]]));
}

/**
 * The report with each result's fingerprint, `fingerprints` being in the order of the results formatted: SARIF
 * results carry it in `partialFingerprints` (code scanning then keeps one alert per problem across commits, however
 * lines move), JSON results and Code Climate (GitLab) issues in `fingerprint`. The other formats are returned as they are.
 */
export function withFingerprints(report: string, format: FormatName, fingerprints: readonly string[]): string {
  if (format === 'json') {
    const results = JSON.parse(report) as object[];
    // The json formatter's own layout (tab indents), so that only the added field differs.
    return JSON.stringify(
      results.map((result, index) => ({ ...result, fingerprint: fingerprints[index] })),
      null,
      '\t',
    );
  }
  if (format === 'code-climate' || format === 'gitlab') {
    // Spectral's own `file:path:rule` is the same for two findings with one key, and GitLab keeps one of them.
    const issues = JSON.parse(report) as object[];
    return JSON.stringify(
      issues.map((issue, index) => ({ ...issue, fingerprint: fingerprints[index] })),
      null,
      '\t',
    );
  }
  if (format === 'sarif') {
    const log = JSON.parse(report) as { runs: { results?: object[] }[] };
    for (const run of log.runs) {
      run.results = run.results?.map((result, index) => ({
        ...result,
        partialFingerprints: { [SARIF_FINGERPRINT]: fingerprints[index] },
      }));
    }
    return JSON.stringify(log, null, 2);
  }
  return report;
}
