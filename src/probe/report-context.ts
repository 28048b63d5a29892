// The formatters read rule names, descriptions and documentation URLs from a ruleset (SARIF's rules, the links of
// github-actions and markdown): for probe's findings, its codes stand in for rules.

import type { Ruleset } from '@stoplight/spectral-core';
import { PROBE_CHECKS, PROBE_DOCUMENTATION_BASE_URL } from './codes';

export function probeReportContext(): Ruleset {
  const rules = Object.fromEntries(
    Object.entries(PROBE_CHECKS).map(([code, { description }]) => [
      code,
      {
        name: code,
        description,
        documentationUrl: `${PROBE_DOCUMENTATION_BASE_URL}/${code}.md`,
      },
    ]),
  );
  return { rules } as unknown as Ruleset;
}
