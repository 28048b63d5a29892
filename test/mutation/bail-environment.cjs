// Jest's own environment for Node, which stops a run at its first failing test: StrykerJS needs one failure to call a
// mutant killed, and its jest runner cannot pass jest's `bail` (which counts failing files, and this run is one file).
// Plain CommonJS, because StrykerJS loads the environment with `require`, past jest's TypeScript transform.
const { TestEnvironment } = require('jest-environment-node');

class BailOnFirstFailureEnvironment extends TestEnvironment {
  failed = false;

  handleTestEvent(event) {
    if (event.name === 'test_done' && event.test.errors.length > 0) this.failed = true;
    // jest-circus reads `mode` right after `test_start`: a test marked skipped there does not run.
    if (event.name === 'test_start' && this.failed) event.test.mode = 'skip';
  }
}

module.exports = BailOnFirstFailureEnvironment;
