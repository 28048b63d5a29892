// Findings as Spectral results: on the line of the description they concern, as `lint` places its own.

import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import type { IDocument } from '@stoplight/spectral-core/dist/document';
import type { ProbeFinding } from './checks/check';
import { PROBE_CHECKS } from './codes';

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A finding as a result the report formatters take, at the range of its path in the description (as written). */
export function locatedFinding(finding: ProbeFinding, document: IDocument, file: string): ISpectralDiagnostic {
  return {
    code: finding.code,
    message: finding.message,
    path: finding.path,
    severity: PROBE_CHECKS[finding.code].severity,
    range: document.getRangeForJsonPath(finding.path, true) ?? START,
    source: file,
  };
}
