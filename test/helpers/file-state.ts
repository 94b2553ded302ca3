import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The bytes of a file and the names beside it: what "the file is unchanged" means. */
export function fileState(path: string): { sha256: string; siblings: string[] } {
  return {
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    siblings: readdirSync(dirname(path)).sort(),
  };
}
