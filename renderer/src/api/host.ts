import type { Result } from '../../../src/api/result';
import { DROPPED_BYTES_LIMIT, readBase64 } from '../dropped-file';
import { call } from './client';

/** A dropped file as the core can read it: by its own path (desktop app), or a staged copy of its bytes (browser). */
export interface DroppedFile {
  path: string;
  name: string;
  staged: boolean;
}

/**
 * Where the core can read a file dropped on the page. The desktop app knows a dropped file's own
 * path (the preload asks Electron); a browser page holds only the bytes, so they are staged by the
 * host (files.stage, at most 11 MB; over that the host answers DROPPED_FILE_TOO_LARGE from the size
 * alone, and the bytes are never sent).
 */
export async function droppedFilePath(file: File): Promise<Result<DroppedFile>> {
  const own = window.attest?.pathForFile?.(file) ?? '';
  if (own !== '') return { ok: true, value: { path: own, name: file.name, staged: false } };
  const base64 = file.size > DROPPED_BYTES_LIMIT ? '' : await readBase64(file);
  const staged = await call('files.stage', { name: file.name, size: file.size, base64 });
  return staged.ok ? { ok: true, value: { path: staged.value.path, name: staged.value.name, staged: true } } : staged;
}

/** Whether this host can show a file in the system's file manager (the desktop app). */
export function canShowItemInFolder(): boolean {
  return typeof window.attest?.showItemInFolder === 'function';
}

/** Shows a file in its folder; false when the host cannot, or the file is not there. */
export function showItemInFolder(path: string): Promise<boolean> {
  return window.attest?.showItemInFolder?.(path).catch(() => false) ?? Promise.resolve(false);
}
