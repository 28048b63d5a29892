// The checks, in the order of their finding codes (docs/probe.md).

import type { Check } from './check';
import { probeCollectionNever404 } from './probe-collection-never-404';
import { probeHiddenItem404 } from './probe-hidden-item-404';
import { probeInvalidCredentials401 } from './probe-invalid-credentials-401';
import { probeMissingScope403 } from './probe-missing-scope-403';
import { probeUnauthenticated401 } from './probe-unauthenticated-401';
import { probeUndocumentedStatus } from './probe-undocumented-status';

export const CHECKS: readonly Check[] = [
  probeUnauthenticated401,
  probeInvalidCredentials401,
  probeMissingScope403,
  probeHiddenItem404,
  probeCollectionNever404,
  probeUndocumentedStatus,
];
