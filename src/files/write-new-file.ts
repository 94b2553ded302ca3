import { writeFileSync } from 'node:fs';
import { AttestError } from '../errors.js';

/** Writes a file that must not exist yet: an existing one is never overwritten (EXISTS, with `remedy`). */
export function writeNewFile(path: string, content: string | Buffer, remedy: string): void {
  try {
    writeFileSync(path, content, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new AttestError('EXISTS', `${path} already exists. ${remedy}; nothing is overwritten.`);
    throw error;
  }
}
