/**
 * The repair engine behind `spectral-auth-responses fix`: lint with the real engine, repair the findings that
 * have one obviously right repair by splicing the file's text where the `yaml` document model says the entries
 * are, verify the result, and write atomically. See docs/fix.md.
 */
export { fixDocument, REPAIRS } from './engine';
export type { FileChange, FixedFinding, FixOptions, FixReport, LeftFinding } from './engine';
export { unifiedDiff } from './diff';
export type { FixProblem } from './problem';
export { REPAIRABLE_RULES } from './repairable-rules';
export type { RepairDone } from './repair';
