import { sharedResponseRepair } from './shared-response';

/** `auth-401-documented`: the operation gets `401: { $ref: Unauthorized }` (with its WWW-Authenticate challenges). */
export const auth401DocumentedRepair = sharedResponseRepair('auth-401-documented', '401', 'Unauthorized');
