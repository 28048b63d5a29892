import fc from 'fast-check';
import { fixtureFiles, mutatedCase } from './mutations';
import { assertLintsCleanly } from './property';

const SEED = 20250506;
const RUNS = 300;
const fixtures = fixtureFiles();

test('the mutation fuzzer takes every fixture and the example API', () => {
  const names = fixtures.map((fixture) => fixture.name);
  expect(names).toContain('examples/call-recordings.yaml');
  expect(names).toContain('fixtures/auth-401-documented/invalid.oas3.yaml');
  expect(names.some((name) => name.startsWith('fixtures/robustness/'))).toBe(true);
});

test(`no rule throws, and every result is well-formed, on ${RUNS} mutated fixtures (seed ${SEED})`, async () => {
  await fc.assert(
    fc.asyncProperty(mutatedCase(fixtures), (input) => assertLintsCleanly(input)),
    { seed: SEED, numRuns: RUNS },
  );
});
