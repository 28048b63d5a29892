// The probe's finding codes: a public contract, each with its docs page docs/probe/<code>.md.

export const PROBE_DOCUMENTATION_BASE_URL =
  'https://github.com/spectral-auth-responses/spectral-auth-responses/blob/main/docs/probe';

/** Each code's severity (0 error, 1 warning, as Spectral numbers them) and what it asks of the running API. */
export const PROBE_CHECKS = {
  'probe-unauthenticated-401': {
    severity: 0,
    description:
      'A secured operation answers a request without credentials with 401 and a WWW-Authenticate challenge naming a scheme it accepts.',
  },
  'probe-invalid-credentials-401': {
    severity: 0,
    description: 'Well-formed but wrong credentials get 401; a Bearer challenge says error="invalid_token".',
  },
  'probe-missing-scope-403': {
    severity: 0,
    description:
      'A caller whose token lacks the scope gets 403 naming the missing scope (body or insufficient_scope challenge).',
  },
  'probe-hidden-item-404': {
    severity: 0,
    description:
      "Another caller asking for the owner's item gets exactly the answer for an id that does not exist: 404.",
  },
  'probe-collection-never-404': {
    severity: 0,
    description: 'A top-level collection listed by another caller answers 200 with a list, possibly empty, never 404.',
  },
  // A warning: the server may be right and the description incomplete (the description is what to fix).
  'probe-undocumented-status': {
    severity: 1,
    description: 'Every status the server answers with is documented for the operation (4XX and default do not count).',
  },
} as const satisfies Record<string, { severity: 0 | 1; description: string }>;

export type ProbeCode = keyof typeof PROBE_CHECKS;
