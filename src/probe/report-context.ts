// The formatters read rule names, descriptions and documentation URLs from a ruleset (SARIF's rules, the links of
// github-actions and markdown): for probe's findings, its codes stand in for rules.

import type { Ruleset } from '@stoplight/spectral-core';
import { PROBE_CHECKS, PROBE_CODES, PROBE_DOCUMENTATION_BASE_URL } from './codes';

export function probeReportContext(): Ruleset {
  const rules = Object.fromEntries(
    PROBE_CODES.map((code) => [
      code,
      {
        name: code,
        description: PROBE_CHECKS[code].description,
        documentationUrl: `${PROBE_DOCUMENTATION_BASE_URL}/${code}.md`,
      },
    ]),
  );
  return { rules } as unknown as Ruleset;
}
