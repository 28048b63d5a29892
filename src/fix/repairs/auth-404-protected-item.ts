import { sharedResponseRepair } from './shared-response';

/** `auth-404-protected-item`: the operation gets `404: { $ref: NotFound }` ("does not exist or is not visible"). */
export const auth404ProtectedItemRepair = sharedResponseRepair('auth-404-protected-item', '404', 'NotFound');
