import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The tests `npm run mutation` measures, gathered into one jest test file (this file is not matched by `npm test`,
 * whose files end in `.test.ts`): the rule tests, the unit tests of the OpenAPI helpers, the engine tests, and the
 * docs tests, which check what each rule publishes (its description, its page's examples). Jest gives every test
 * file a module registry of its own, so that Spectral and the ruleset load again for each file; StrykerJS runs jest
 * once per mutant and, with a test name filter, still loads every file. Loaded once here, a mutant costs the tests
 * that cover it, not twenty loads of Spectral (docs/mutation.md).
 */
// The unit tests of the OpenAPI helpers come first: a run stops at its first failing test, and a mutant of a helper
// that they catch is then killed in milliseconds instead of after the rule tests, which lint through Spectral.
for (const folder of ['openapi', 'rules', 'engine', 'docs']) {
  const directory = join(__dirname, '..', folder);
  for (const file of readdirSync(directory)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()) {
    describe(`${folder}/${file}`, () => {
      require(join(directory, file));
    });
  }
}
