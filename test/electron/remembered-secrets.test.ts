import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSecretStore, keychainCipher, type SecretCipher } from '../../electron/main/remembered-secrets.js';
import { FileKeychain } from '../helpers/file-keychain.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const SECRET = 'correct horse battery staple';

describe('passphrases remembered on this computer (the file the desktop app keeps)', () => {
  it('keeps only what the keychain encrypted, in a file only this user can read, and forgets on request', () => {
    const dir = tempDir();
    const store = new FileSecretStore(join(dir, 'user-data', 'remembered.json'), FileKeychain.create(join(dir, 'keychain.key')));
    expect(store.isAvailable()).toBe(true);
    expect(store.load('/w.attest')).toBeNull();
    store.save('/w.attest', SECRET);
    store.save('/other.attest', 'another secret');
    const text = readFileSync(store.file, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(Object.keys((JSON.parse(text) as { secrets: object }).secrets)).toEqual(['/w.attest', '/other.attest']);
    if (process.platform !== 'win32') expect(statSync(store.file).mode & 0o777).toBe(0o600);
    expect(store.has('/w.attest')).toBe(true);
    expect(store.load('/w.attest')).toBe(SECRET);
    expect(store.forget('/w.attest')).toBe(true);
    expect(store.forget('/w.attest')).toBe(false);
    expect(store.load('/other.attest')).toBe('another secret');
    store.forget('/other.attest');
    // Nothing left to keep: no file left behind.
    expect(existsSync(store.file)).toBe(false);
  });

  it('writes nothing, and finds nothing, while the keychain is unavailable', () => {
    const dir = tempDir();
    const store = new FileSecretStore(join(dir, 'remembered.json'), new FileKeychain(join(dir, 'no-keychain.key')));
    expect(store.isAvailable()).toBe(false);
    expect(() => store.save('/w.attest', SECRET)).toThrow();
    expect(existsSync(store.file)).toBe(false);
    expect(store.has('/w.attest')).toBe(false);
  });

  it('ignores a corrupt file, and drops a secret another keychain encrypted', () => {
    const dir = tempDir();
    const file = join(dir, 'remembered.json');
    const keychain = FileKeychain.create(join(dir, 'keychain.key'));
    const store = new FileSecretStore(file, keychain);
    for (const content of ['{oops', JSON.stringify({ version: 1, secrets: { '/w.attest': 'not base64!' } }), JSON.stringify({ version: 3, secrets: {} })]) {
      writeFileSync(file, content);
      expect(store.load('/w.attest')).toBeNull();
    }
    store.save('/w.attest', SECRET);
    expect(store.load('/w.attest')).toBe(SECRET);
    // The same file read with another user's keychain: the bytes do not decrypt, and the entry goes.
    const stranger = new FileSecretStore(file, FileKeychain.create(join(dir, 'other.key')));
    expect(stranger.has('/w.attest')).toBe(true);
    expect(stranger.load('/w.attest')).toBeNull();
    expect(stranger.has('/w.attest')).toBe(false);
  });

  it('offers no "remember" on Linux when safeStorage has only its fixed-key fallback (basic_text)', () => {
    const dir = tempDir();
    const keychain = FileKeychain.create(join(dir, 'keychain.key'));
    const withBackend = (backend: string): SecretCipher & { getSelectedStorageBackend: () => string } =>
      Object.assign(Object.create(keychain) as FileKeychain, { getSelectedStorageBackend: () => backend });
    expect(keychainCipher(withBackend('basic_text'), 'linux').isEncryptionAvailable()).toBe(false);
    expect(keychainCipher(withBackend('gnome_libsecret'), 'linux').isEncryptionAvailable()).toBe(true);
    expect(keychainCipher(withBackend('basic_text'), 'darwin').isEncryptionAvailable()).toBe(true);
    const cipher = keychainCipher(withBackend('kwallet6'), 'linux');
    expect(cipher.decryptString(cipher.encryptString(SECRET))).toBe(SECRET);
  });
});
