import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AttestError } from '../errors.js';

const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** SQLite's smallest page; an encrypted workspace is always a whole number of pages. */
const MIN_PAGE = 512;

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * What can be told about a file without a key, before SQLite touches it. A file that fails here
 * is never opened, so it cannot be modified. (An encrypted file with an unknown key and random
 * bytes of a whole number of pages look alike; that case is told apart only by the key.)
 */
export function checkWorkspaceFile(path: string): void {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') {
      throw new AttestError('NOT_FOUND', `There is no workspace at ${path}. Check the path, or create one with "attest init ${path}".`);
    }
    throw error;
  }
  const notAWorkspace = (why: string): AttestError =>
    new AttestError('NOT_A_WORKSPACE', `${path} is not an Attest workspace (${why}). Choose the .attest file that "attest init" created.`);
  if (stats.isDirectory()) throw notAWorkspace('it is a folder');
  if (!stats.isFile()) throw notAWorkspace('it is not a regular file');
  if (stats.size === 0) throw notAWorkspace('it is empty');
  if (stats.size % MIN_PAGE !== 0) throw notAWorkspace('its size is not a whole number of database pages');
  const head = Buffer.alloc(SQLITE_PLAIN_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.equals(SQLITE_PLAIN_HEADER)) throw notAWorkspace('it is an unencrypted SQLite database');
}

/** A workspace is written on every use (audit events, WAL), so its file and folder must be writable. */
export function checkWritable(path: string, what: 'workspace' | 'folder'): void {
  const target = what === 'workspace' ? path : dirname(path);
  try {
    accessSync(target, constants.W_OK);
    if (what === 'workspace') accessSync(dirname(path), constants.W_OK);
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
      throw new AttestError(
        'READ_ONLY',
        `${target} is read-only (${code}). Copy the workspace to a writable folder, or fix its permissions, and try again.`,
      );
    }
    if (code === 'ENOENT') {
      throw new AttestError('NOT_FOUND', `The folder ${dirname(path)} does not exist. Create it first, or choose another location.`);
    }
    throw error;
  }
}
