import fc from 'fast-check';
import { RULES } from '../../src/ruleset';
import { generatedCase } from './arbitraries';
import { assertLintsCleanly } from './property';

// A fixed seed, so that `npm test` is repeatable; `npm run fuzz` runs thousands of cases with random seeds.
const SEED = 20250505;
const RUNS = 300;

test(`no rule throws, and every result is well-formed, on ${RUNS} generated OpenAPI-shaped documents (seed ${SEED})`, async () => {
  const reported = new Set<string>();
  await fc.assert(
    fc.asyncProperty(generatedCase, (input) => assertLintsCleanly(input, reported)),
    { seed: SEED, numRuns: RUNS },
  );
  // The generator reaches every rule's logic, not only its guards: each rule reported something somewhere.
  expect(RULES.map((rule) => rule.name).filter((name) => !reported.has(name))).toEqual([]);
});
