import { fileURLToPath } from 'node:url';

/**
 * The app's resources/ folder (SoD starter library, pack fonts). This module sits two folders
 * below the root (src/files/), and so does the bundled desktop app's code (out/main/, chunks
 * included: electron.vite.config.ts keeps them there), so one relative URL finds resources/
 * from the sources, the build and the packaged app (inside its asar, which Electron reads).
 * Name every resource through here rather than by a URL of its own.
 */
const RESOURCES = new URL('../../resources/', import.meta.url);

export function resourcePath(relative: string): string {
  return fileURLToPath(new URL(relative, RESOURCES));
}
