import type { AttestBridge } from '../../src/api/bridge';

declare global {
  interface Window {
    /** Present in the desktop app (exposed by the preload); absent when served over loopback HTTP. */
    readonly attest?: AttestBridge;
  }

  /** package.json's version, written in at build time by electron.vite.config.ts. */
  const __ATTEST_VERSION__: string;
}
