/** The contract's operation names, written into the preload bundle by electron.vite.config.ts. */
declare const __ATTEST_OPERATION_NAMES__: readonly string[];
