/**
 * The rules `fix` repairs, in the order of the README's table. Names only (no imports), so that the command line
 * can list and check them without loading Spectral; test/fix/fix.test.ts checks them against the repairs.
 */
export const REPAIRABLE_RULES: readonly string[] = [
  'auth-401-documented',
  'auth-401-www-authenticate',
  'auth-403-documented',
  'auth-403-describes-scopes',
  'auth-404-protected-item',
  'auth-no-404-collection',
];
