import { sharedResponseRepair } from './shared-response';

/** `auth-403-documented`: the operation gets `403: { $ref: Forbidden }` (a problem body with `missing_scopes`). */
export const auth403DocumentedRepair = sharedResponseRepair('auth-403-documented', '403', 'Forbidden');
