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
 * Replaces a file's text atomically (see `replaceFileAtomically`), keeping its permissions. A file that changed since
 * it was read is left alone.
 */
export function writeAtomically(path: string, expectedText: string, text: string): void {
  if (readFileSync(path, 'utf8') !== expectedText) {
    throw new Error(`${path} changed while it was being fixed; it was left as it is`);
  }
  replaceFileAtomically(path, text, statSync(path).mode & 0o7777);
}

/**
 * Writes a file's whole text atomically (a new file, or one replaced whatever it holds): the text goes to a temporary
 * file beside it (same directory, so the rename stays on one file system), is flushed, and is renamed over the path.
 * An interrupted run leaves either the old file or the new one, never half of one.
 */
export function replaceFileAtomically(path: string, text: string, mode = 0o644): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
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
