// Lints the bundled example API with the ruleset through the real `spectral` CLI and shows the findings.
// Findings are the point of the example, so exit 1 ("findings") is success here; any other failure is not.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const spectral = createRequire(import.meta.url).resolve('@stoplight/spectral-cli/dist/index.js');
const { status } = spawnSync(
  process.execPath,
  [spectral, 'lint', '--ruleset', 'examples/.spectral.yaml', 'examples/call-recordings.yaml'],
  { stdio: 'inherit' },
);
process.exit(status === 0 || status === 1 ? 0 : (status ?? 2));
