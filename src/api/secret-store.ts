/**
 * Where a host keeps a workspace's passphrase "on this computer", encrypted by the operating
 * system's keychain (the desktop app: Electron safeStorage). Keys are workspace paths; a store
 * never holds a secret in clear on disk. The core never imports a keychain: the host that has
 * one hands its store to the session, and a host without one (the CLI, `attest serve`) has none.
 */
export interface SecretStore {
  /** False where the keychain cannot encrypt right now (then nothing is ever written). */
  isAvailable(): boolean;
  has(key: string): boolean;
  /** The secret, or null when none is kept or it can no longer be decrypted. */
  load(key: string): string | null;
  save(key: string, secret: string): void;
  /** True when a secret was kept for `key` (and is now gone). */
  forget(key: string): boolean;
}
