import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../electron/main/remembered-secrets.js';
import { invoke } from '../../src/api/invoke.js';
import { rememberedKey } from '../../src/api/remembered-unlock.js';
import { ApiSession } from '../../src/api/session.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { FileKeychain } from '../helpers/file-keychain.js';
import { fileState } from '../helpers/file-state.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE, newWorkspace } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const sessions: ApiSession[] = [];
let server: RunningServer | undefined;
afterEach(async () => {
  for (const session of sessions.splice(0)) session.close();
  await server?.close();
  server = undefined;
});

/** A workspace file (locked), and a session whose host keeps secrets in `userData` (a real file and keychain). */
function desktop(options: { keychain?: boolean } = {}) {
  const dir = tempDir();
  const path = join(dir, 'w.attest');
  newWorkspace(dir).close();
  const userData = join(dir, 'user-data');
  const keyFile = join(dir, 'keychain.key');
  const keychain = options.keychain === false ? new FileKeychain(keyFile) : FileKeychain.create(keyFile);
  const store = new FileSecretStore(join(userData, 'remembered.json'), keychain);
  const session = new ApiSession({ secrets: store });
  sessions.push(session);
  return { dir, path, userData, store, session, call: (name: string, input: unknown) => invoke(name, input, { session }) };
}

describe('remember on this computer: the API session with a host-given secret store', () => {
  it('keeps the passphrase when asked, then unlocks without it; the file holds it encrypted only', async () => {
    const { path, store, call } = desktop();
    expect(await call('secrets.status', { path })).toEqual({ ok: true, value: { available: true, remembered: false } });
    expect(await call('workspace.open', { path, passphrase: PASSPHRASE, remember: true })).toMatchObject({ ok: true, value: { path } });
    expect(readFileSync(store.file, 'utf8')).not.toContain(PASSPHRASE);
    expect(await call('secrets.status', { path })).toEqual({ ok: true, value: { available: true, remembered: true } });
    await call('workspace.close', {});
    expect(await call('workspace.openRemembered', { path })).toMatchObject({ ok: true, value: { path } });
    expect(await call('workspace.info', {})).toMatchObject({ ok: true, value: { path } });
  });

  it('a remembered passphrase that no longer opens the file gives the wrong-passphrase path, and is forgotten', async () => {
    const { path, store, call } = desktop();
    store.save(rememberedKey(path), 'the passphrase before it was changed');
    const before = fileState(path);
    const stale = await call('workspace.openRemembered', { path });
    expect(stale).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(!stale.ok && stale.error.message).toMatch(/no longer unlocks w\.attest .* forgotten\. Type the current passphrase\./);
    expect(store.has(rememberedKey(path))).toBe(false);
    expect(await call('workspace.info', {})).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE_OPEN' } });
    expect(fileState(path)).toEqual(before);
    expect(await call('workspace.openRemembered', { path })).toMatchObject({ ok: false, error: { code: 'NOT_REMEMBERED' } });
  });

  it('a wrong typed passphrase with the box ticked keeps nothing', async () => {
    const { path, store, call } = desktop();
    expect(await call('workspace.open', { path, passphrase: 'not it', remember: true })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(store.has(rememberedKey(path))).toBe(false);
  });

  it('forgets when the box is unticked at the next unlock, on lock-and-forget, and follows a passphrase change', async () => {
    const { path, store, call } = desktop();
    const key = rememberedKey(path);
    await call('workspace.open', { path, passphrase: PASSPHRASE, remember: true });
    expect(await call('workspace.open', { path, passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(store.has(key)).toBe(true);
    expect(await call('workspace.open', { path, passphrase: PASSPHRASE, remember: false })).toMatchObject({ ok: true });
    expect(store.has(key)).toBe(false);

    await call('workspace.open', { path, passphrase: PASSPHRASE, remember: true });
    const changed = 'a brand new passphrase, longer';
    expect(await call('workspace.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: changed })).toMatchObject({ ok: true });
    await call('workspace.close', {});
    expect(await call('workspace.openRemembered', { path })).toMatchObject({ ok: true });
    expect(store.load(key)).toBe(changed);

    // Lock and forget (File menu): forget, then close.
    expect(await call('secrets.forget', { path })).toEqual({ ok: true, value: { forgotten: true } });
    expect(await call('workspace.close', {})).toEqual({ ok: true, value: { closed: true } });
    expect(await call('secrets.forget', { path })).toEqual({ ok: true, value: { forgotten: false } });
    expect(await call('workspace.openRemembered', { path })).toMatchObject({ ok: false, error: { code: 'NOT_REMEMBERED' } });
  });

  it('is never offered without a keychain: remembering is refused before the file is touched, and nothing is written', async () => {
    for (const { session, path, userData } of [
      { ...desktop({ keychain: false }) },
      // The CLI's and the serve host's session: no store at all.
      (() => {
        const d = desktop();
        const bare = new ApiSession();
        sessions.push(bare);
        return { ...d, session: bare };
      })(),
    ]) {
      const call = (name: string, input: unknown) => invoke(name, input, { session });
      const before = fileState(path);
      expect(await call('secrets.status', { path })).toEqual({ ok: true, value: { available: false, remembered: false } });
      const refused = await call('workspace.open', { path, passphrase: PASSPHRASE, remember: true });
      expect(refused).toMatchObject({ ok: false, error: { code: 'SECRETS_UNAVAILABLE' } });
      expect(!refused.ok && refused.error.message).toMatch(/Type the passphrase each time\.$/);
      expect(await call('workspace.info', {})).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE_OPEN' } });
      expect(fileState(path)).toEqual(before);
      expect(await call('workspace.openRemembered', { path })).toMatchObject({ ok: false, error: { code: 'SECRETS_UNAVAILABLE' } });
      expect(await call('secrets.forget', { path })).toMatchObject({ ok: false, error: { code: 'SECRETS_UNAVAILABLE' } });
      // Unticked (remember: false) is simply an unlock: there is nothing to forget.
      expect(await call('workspace.open', { path, passphrase: PASSPHRASE, remember: false })).toMatchObject({ ok: true });
      expect(readdirSync(join(userData, '..'))).not.toContain('user-data');
    }
  });

  it('the serve host says it cannot remember, and refuses to', async () => {
    const { path } = desktop();
    server = await startServer();
    const post = async (op: string, input: unknown): Promise<unknown> => {
      const response = await fetch(`http://127.0.0.1:${server!.port}/api/${op}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server!.token}` },
        body: JSON.stringify(input),
      });
      return response.json();
    };
    expect(await post('secrets.status', { path })).toEqual({ ok: true, value: { available: false, remembered: false } });
    expect(await post('workspace.open', { path, passphrase: PASSPHRASE, remember: true })).toMatchObject({ ok: false, error: { code: 'SECRETS_UNAVAILABLE' } });
    expect(await post('workspace.openRemembered', { path })).toMatchObject({ ok: false, error: { code: 'SECRETS_UNAVAILABLE' } });
  });
});
