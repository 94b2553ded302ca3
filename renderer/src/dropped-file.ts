/**
 * The most a page sends of a dropped file's bytes (DROPPED_BYTES_LIMIT in src/api/dropped-bytes.ts;
 * the API refuses more anyway): what the drop zones say, and where a page stops reading a file.
 */
export const DROPPED_BYTES_LIMIT = 11 * 1024 * 1024;

/** A file's bytes as base64 (what evidence.verifyBytes and files.stage take). */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(reader.error?.message ?? 'unreadable'));
    reader.readAsDataURL(file);
  });
}
