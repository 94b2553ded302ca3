/** The bundled worker's file name: electron-vite's main build writes the entry `import-worker` beside the bundle (out/main/). */
export const BUNDLED_WORKER_FILE = 'import-worker.js';

/**
 * Where the import worker starts, seen from the module that starts it (`moduleUrl`). Run from
 * the TypeScript sources (the CLI, `attest serve`, the tests, through tsx), boot.mjs registers
 * tsx and loads import-worker.ts beside it. Bundled (the desktop app, packaged or not), the
 * code runs from out/main/, and the worker is its own entry there: import-worker.js.
 */
export function importWorkerUrl(moduleUrl: string = import.meta.url): URL {
  return new URL(moduleUrl.endsWith('.ts') ? './boot.mjs' : `./${BUNDLED_WORKER_FILE}`, moduleUrl);
}
