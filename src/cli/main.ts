// The `spectral-auth-responses` bin. Built to dist/cli.js, beside the ruleset bundle dist/index.js.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeError, EXIT, PACKAGE_NAME } from './names';
import { run } from './program';

function versionOf(packageJson: string): string {
  try {
    return String((JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown }).version);
  } catch {
    return 'unknown';
  }
}

// Spectral's core exports no package.json; its main file is at dist/index.js inside the package.
const spectralVersion = versionOf(join(dirname(require.resolve('@stoplight/spectral-core')), '..', 'package.json'));

run(process.argv.slice(2), versionOf(join(__dirname, '..', 'package.json')), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  ownRulesetModule: join(__dirname, 'index.js'),
  spectralVersion,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${PACKAGE_NAME}: ${describeError(error)}\n`);
    process.exitCode = EXIT.usageOrInput;
  },
);
