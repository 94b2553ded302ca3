import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { OPERATION_NAMES } from './src/api/contract.js';

const root = import.meta.dirname;
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

/**
 * React Fast Refresh injects an inline script and talks over a WebSocket; allow both on the dev
 * server only. Built files keep the strict policy written in renderer/index.html.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'attest:relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:"),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // The native SQLite binding is loaded from node_modules at run time, never bundled.
      externalizeDeps: { include: ['better-sqlite3-multiple-ciphers'] },
      rolldownOptions: {
        // The import worker is an entry of its own: a worker thread starts from a file
        // (src/ingest/worker/worker-entry.ts finds out/main/import-worker.js beside the bundle).
        input: { index: resolve(root, 'electron/main/index.ts'), 'import-worker': resolve(root, 'src/ingest/worker/import-worker.ts') },
        // Shared chunks stay in out/main beside the entries: the core finds resources/ two
        // folders up from its own file (src/files/resource-path.ts), from src/ and out/main alike.
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    // A sandboxed preload is one CommonJS file that requires nothing but 'electron'.
    define: { __ATTEST_OPERATION_NAMES__: JSON.stringify(OPERATION_NAMES) },
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // Relative URLs: the same build loads from file:// in Electron and from `attest serve` over http.
    base: './',
    plugins: [react(), relaxCspForDevServer()],
    define: { __ATTEST_VERSION__: JSON.stringify(version) },
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
  },
});
