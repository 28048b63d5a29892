import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { Setup, withDocument } from './document-pipeline';
import type { InputProblem } from './input-problem';
import { DocumentProgress, NO_PROGRESS } from './progress';

/**
 * What linting one document gave, as plain data: the same whether it was linted here, in a worker thread, or read
 * back from the cache.
 */
export interface LintedDocument {
  /** Absolute path of the linted document. */
  file: string;
  results: ISpectralDiagnostic[];
  /** What kept it from being linted completely (unreadable, invalid, a refused `$ref`, an engine error). */
  problems: InputProblem[];
  /** The real paths of the local files its `$ref`s read: the lint depends on them as on the document itself. */
  filesRead: string[];
}

/** Lints one document with the run's ruleset and `$ref` policy. Never throws: what goes wrong is in `problems`. */
export async function lintDocument(file: string, setup: Setup): Promise<LintedDocument> {
  let results: ISpectralDiagnostic[] = [];
  let filesRead: string[] = [];
  const problems = await withDocument(file, setup, { verb: 'linted', cleanOnly: false }, async (open) => {
    results = await open.spectral.run(open.document);
    filesRead = [...open.filesRead].sort();
    return open.refusedReferences(results);
  });
  return { file, results, problems, filesRead };
}

/** Lints the documents one after another, in the order given. */
export async function lintDocuments(
  files: readonly string[],
  setup: Setup,
  progress: DocumentProgress = NO_PROGRESS,
): Promise<LintedDocument[]> {
  const linted: LintedDocument[] = [];
  for (const file of files) {
    progress.started(file);
    linted.push(await lintDocument(file, setup));
    progress.done();
  }
  return linted;
}
