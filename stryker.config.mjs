// StrykerJS for `npm run mutation`: mutates the rules and the OpenAPI helpers and runs the tests that check them
// against every mutant. Why each setting is what it is: docs/mutation.md.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  mutate: ['src/rules/**/*.ts', 'src/openapi/**/*.ts', 'src/rule.ts'],
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: {
      // One test file that requires the measured ones: Spectral loads once per mutant, not once per test file.
      testMatch: ['<rootDir>/test/mutation/measured-tests.ts'],
      // Transpile only: each mutant run starts jest afresh, and type-checking every file again costs seconds.
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: { isolatedModules: true } }] },
      // Stops a run at its first failing test: one is enough to call the mutant killed.
      testEnvironment: './test/mutation/bail-environment.cjs',
    },
    // Every test imports the whole ruleset, so "related tests" are all of them: the coverage analysis selects.
    enableFindRelatedTests: false,
  },
  coverageAnalysis: 'perTest',
  // The machine is shared: two test runners at the most.
  concurrency: 2,
  timeoutMS: 30000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'coverage', 'reports', '.cache'],
};
