/**
 * A long fuzz campaign, as `npm run fuzz` runs it (scripts/fuzz.mjs bundles this file and starts it in a worker
 * thread, so that a case that hangs can be reported and stopped). It posts each case before linting it, progress,
 * and one report per fuzzer with the seed, the replay path and the shrunk counterexample of any failure.
 */
import fc, { Arbitrary } from 'fast-check';
import { parentPort, workerData } from 'node:worker_threads';
import { generatedCase } from './arbitraries';
import { fixtureFiles, mutatedCase } from './mutations';
import { FuzzCase, lintProblemsOf } from './property';

export type FuzzerName = 'generated' | 'mutated';

export interface CampaignOptions {
  runs: number;
  seed: number;
  /** fast-check's counterexample path: with the seed, replays one failure exactly. */
  path?: string;
  only?: FuzzerName;
}

export interface FuzzerReport {
  fuzzer: FuzzerName;
  /** What the inputs were, for docs/robustness.md. */
  inputs: string;
  cases: number;
  seconds: number;
  /** Smallest, median and largest document text, in characters. */
  sizes: { min: number; median: number; max: number };
  /** In how many cases each rule reported something: shows that the inputs reach every rule. */
  casesWithFindings: Record<string, number>;
  /** Cases that Spectral rejects even with no rules (an upstream crash), by reason. */
  upstreamRejections: Record<string, number>;
  failure?: {
    seed: number;
    path: string;
    shrinks: number;
    counterexample: FuzzCase;
    error: string;
  };
}

export type CampaignMessage =
  | { type: 'case'; fuzzer: FuzzerName; input: FuzzCase }
  | { type: 'progress'; fuzzer: FuzzerName; cases: number }
  | { type: 'report'; report: FuzzerReport }
  | { type: 'done' };

async function runFuzzer(
  fuzzer: FuzzerName,
  inputs: string,
  arbitrary: Arbitrary<FuzzCase>,
  options: CampaignOptions,
  post: (message: CampaignMessage) => void,
): Promise<FuzzerReport> {
  const sizes: number[] = [];
  const casesWithFindings: Record<string, number> = {};
  const upstreamRejections: Record<string, number> = {};
  let failing = false;
  const started = Date.now();
  const property = fc.asyncProperty(arbitrary, async (input) => {
    post({ type: 'case', fuzzer, input });
    const { problems, codes, upstreamRejection } = await lintProblemsOf(input);
    if (!failing) {
      // Statistics of the campaign itself, not of the shrinking that follows a failure.
      sizes.push(input.text.length);
      for (const code of codes) casesWithFindings[code] = (casesWithFindings[code] ?? 0) + 1;
      if (upstreamRejection !== undefined)
        upstreamRejections[upstreamRejection] = (upstreamRejections[upstreamRejection] ?? 0) + 1;
      if (sizes.length % 500 === 0) post({ type: 'progress', fuzzer, cases: sizes.length });
    }
    if (problems.length > 0) {
      failing = true;
      throw new Error(problems.join('\n'));
    }
  });
  const details = await fc.check(property, {
    seed: options.seed,
    numRuns: options.runs,
    ...(options.path !== undefined ? { path: options.path } : {}),
  });
  sizes.sort((a, b) => a - b);
  const report: FuzzerReport = {
    fuzzer,
    inputs,
    cases: details.failed ? details.numRuns : sizes.length,
    seconds: (Date.now() - started) / 1000,
    sizes: { min: sizes[0] ?? 0, median: sizes[Math.floor(sizes.length / 2)] ?? 0, max: sizes[sizes.length - 1] ?? 0 },
    casesWithFindings,
    upstreamRejections,
  };
  if (details.failed && details.counterexample !== null) {
    const error = details.errorInstance;
    report.failure = {
      seed: details.seed,
      path: details.counterexamplePath ?? '',
      shrinks: details.numShrinks,
      counterexample: details.counterexample[0],
      error: error instanceof Error ? error.message : String(error),
    };
  }
  return report;
}

export async function runCampaign(options: CampaignOptions, post: (message: CampaignMessage) => void): Promise<void> {
  if (options.only !== 'mutated') {
    post({
      type: 'report',
      report: await runFuzzer(
        'generated',
        'generated OpenAPI 2.0/3.0/3.1 documents, JSON and YAML',
        generatedCase,
        options,
        post,
      ),
    });
  }
  if (options.only !== 'generated') {
    const fixtures = fixtureFiles();
    post({
      type: 'report',
      report: await runFuzzer(
        'mutated',
        `${fixtures.length} fixtures and examples, mutated`,
        mutatedCase(fixtures),
        options,
        post,
      ),
    });
  }
  post({ type: 'done' });
}

// Started by scripts/fuzz.mjs as a worker thread; an exception ends the worker, and the script reports it.
const campaign = (workerData as { campaign?: CampaignOptions } | null)?.campaign;
if (parentPort !== null && campaign !== undefined) {
  const port = parentPort;
  void runCampaign(campaign, (message) => port.postMessage(message));
}
