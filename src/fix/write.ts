import {
  closeSync,
  fchmodSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file's text atomically: the new text goes to a temporary file beside it (same directory, so the
 * rename stays on one file system), is flushed, and is renamed over the file. An interrupted run leaves either the
 * old file or the new one, never half of one. A file that changed since it was read is left alone.
 */
export function writeAtomically(path: string, expectedText: string, text: string): void {
  if (readFileSync(path, 'utf8') !== expectedText) {
    throw new Error(`${path} changed while it was being fixed; it was left as it is`);
  }
  const mode = statSync(path).mode & 0o7777;
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.fix.tmp`);
  const descriptor = openSync(temporary, 'wx', 0o600);
  try {
    fchmodSync(descriptor, mode); // the file keeps its permissions, whatever the umask
    writeSync(descriptor, text, null, 'utf8');
    fsyncSync(descriptor);
  } catch (error) {
    closeSync(descriptor);
    unlinkSync(temporary);
    throw error;
  }
  closeSync(descriptor);
  try {
    renameSync(temporary, path);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
}
