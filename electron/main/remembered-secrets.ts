import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SecretStore } from '../../src/api/secret-store.js';

/**
 * What encrypts a secret for this user on this computer: Electron's safeStorage in the app (the
 * macOS Keychain, Windows DPAPI, the Linux secret service), any other honest cipher elsewhere.
 */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  /** Throws when the bytes were not encrypted by this cipher for this user. */
  decryptString(encrypted: Buffer): string;
}

const stored = z.object({ version: z.literal(1), secrets: z.record(z.string().min(1).max(4096), z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)) });

/**
 * Remembered passphrases in one small JSON file in the app's user-data folder: workspace path →
 * the cipher's output (base64). Nothing is written in clear, and nothing at all while the cipher
 * is unavailable. A corrupt file is ignored (as if empty) and replaced by the next save; a secret
 * that no longer decrypts (another user, a reset keychain) is dropped.
 */
export class FileSecretStore implements SecretStore {
  constructor(
    readonly file: string,
    private readonly cipher: SecretCipher,
  ) {}

  isAvailable(): boolean {
    return this.cipher.isEncryptionAvailable();
  }

  has(key: string): boolean {
    return this.isAvailable() && this.read()[key] !== undefined;
  }

  load(key: string): string | null {
    if (!this.isAvailable()) return null;
    const encrypted = this.read()[key];
    if (encrypted === undefined) return null;
    try {
      return this.cipher.decryptString(Buffer.from(encrypted, 'base64'));
    } catch {
      this.forget(key);
      return null;
    }
  }

  save(key: string, secret: string): void {
    if (!this.isAvailable()) throw new Error('the keychain cannot encrypt now');
    const secrets = this.read();
    secrets[key] = this.cipher.encryptString(secret).toString('base64');
    this.write(secrets);
  }

  forget(key: string): boolean {
    const secrets = this.read();
    if (secrets[key] === undefined) return false;
    delete secrets[key];
    this.write(secrets);
    return true;
  }

  private read(): Record<string, string> {
    try {
      const parsed = stored.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? { ...parsed.data.secrets } : {};
    } catch {
      return {};
    }
  }

  private write(secrets: Record<string, string>): void {
    if (Object.keys(secrets).length === 0) {
      rmSync(this.file, { force: true });
      return;
    }
    mkdirSync(dirname(this.file), { recursive: true });
    const partial = `${this.file}.partial`;
    writeFileSync(partial, JSON.stringify({ version: 1, secrets }), { mode: 0o600 });
    renameSync(partial, this.file);
  }
}

/**
 * Electron's safeStorage as the cipher, except on Linux when no keyring answers: there it falls
 * back to a fixed, well-known key ('basic_text'), which protects nothing, so Attest offers no
 * "remember" at all.
 */
export function keychainCipher(
  safeStorage: SecretCipher & { getSelectedStorageBackend?: () => string },
  platform: NodeJS.Platform,
): SecretCipher {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable() && !(platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text'),
    encryptString: (plain) => safeStorage.encryptString(plain),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
  };
}
