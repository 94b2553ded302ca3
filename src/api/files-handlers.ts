import { AttestError } from '../errors.js';
import { stagedFileName } from '../files/staged-files.js';
import { DROPPED_BYTES_LIMIT } from './dropped-bytes.js';
import type { Handlers } from './handlers.js';

const MB = 1024 * 1024;

/** The file operations' implementations, spread into the handler table. */
export const filesHandlers: Pick<Handlers, 'files.stage'> = {
  'files.stage': ({ name, size, base64 }, { session }) => {
    // Staging serves an import into the unlocked workspace: without one, NO_WORKSPACE_OPEN.
    void session.workspace;
    if (size > DROPPED_BYTES_LIMIT) {
      throw new AttestError(
        'DROPPED_FILE_TOO_LARGE',
        `${stagedFileName(name)} is ${(size / MB).toFixed(1)} MB; a file dropped on the page can be at most ${DROPPED_BYTES_LIMIT / MB} MB. Type the file's path in the File field instead.`,
      );
    }
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length !== size) throw new AttestError('INVALID_INPUT', `The page sent ${bytes.length} bytes of a ${size}-byte file. Drop the file again.`);
    return session.staged.stage(name, bytes);
  },
};
