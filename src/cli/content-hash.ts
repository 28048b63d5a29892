import { createHash } from 'node:crypto';

/** sha256 of a text or of bytes, in hex. */
export function sha256Of(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
