import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { SecretCipher } from '../../electron/main/remembered-secrets.js';

/**
 * A keychain for tests: AES-256-GCM under a random key kept in a file (0600). It does what
 * Electron's safeStorage does for the app (encrypt for this user; refuse bytes it did not
 * encrypt) without Electron. No key file, no keychain: encryption is unavailable.
 */
export class FileKeychain implements SecretCipher {
  constructor(readonly keyFile: string) {}

  /** Makes the key file: the keychain becomes available. */
  static create(keyFile: string): FileKeychain {
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    return new FileKeychain(keyFile);
  }

  isEncryptionAvailable(): boolean {
    return existsSync(this.keyFile);
  }

  encryptString(plain: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', readFileSync(this.keyFile), iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decryptString(encrypted: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', readFileSync(this.keyFile), encrypted.subarray(0, 12));
    decipher.setAuthTag(encrypted.subarray(12, 28));
    return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
  }
}
