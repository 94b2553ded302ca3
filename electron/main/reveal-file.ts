import { lstatSync } from 'node:fs';
import { isAbsolute, normalize } from 'node:path';
import { isFilePath } from '../../src/api/bridge.js';

/**
 * The file a window may ask to show in its folder (a pack, a workbook just written): an absolute
 * path to an existing regular file (not a folder, a link, a device or a socket). Anything else is
 * null, so the file manager never opens on whatever a page names.
 */
export function revealableFile(value: unknown): string | null {
  if (!isFilePath(value) || !isAbsolute(value)) return null;
  const path = normalize(value);
  try {
    return lstatSync(path).isFile() ? path : null;
  } catch {
    return null;
  }
}
