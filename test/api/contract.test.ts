import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, OPERATION_NAMES } from '../../src/api/contract.js';
import { handlers } from '../../src/api/handlers.js';
import { invoke } from '../../src/api/invoke.js';
import { ApiSession } from '../../src/api/session.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();

describe('the API contract', () => {
  it('has exactly one handler per operation', () => {
    expect(Object.keys(handlers).sort()).toEqual([...OPERATION_NAMES].sort());
    expect(OPERATION_NAMES.length).toBe(Object.keys(contract).length);
  });

  it('answers an unknown operation and invalid input with coded results, never a throw', async () => {
    const session = new ApiSession();
    expect(await invoke('workspace.explode', {}, { session })).toEqual({ ok: false, error: { code: 'USAGE', message: 'There is no operation "workspace.explode".' } });
    const bad = await invoke('workspace.create', { path: 42 }, { session });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!bad.ok && bad.error.message).toMatch(/path/);
    expect(await invoke('__proto__', {}, { session })).toMatchObject({ ok: false, error: { code: 'USAGE' } });
  });

  it('refuses workspace operations before a workspace is unlocked', async () => {
    expect(await invoke('workspace.info', {}, { session: new ApiSession() })).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE_OPEN' } });
  });

  it('creates, reports, locks and unlocks through one session', async () => {
    const session = new ApiSession();
    const path = join(tempDir(), 'api.attest');
    expect(await invoke('workspace.create', { path, passphrase: PASSPHRASE, org: 'Acme', operator: 'ana' }, { session })).toEqual({ ok: true, value: { path } });
    const info = await invoke('workspace.info', {}, { session });
    expect(info).toMatchObject({ ok: true, value: { path, org: 'Acme', operator: 'ana', systems: 0, grants: 0, auditEvents: 2, signer: { fingerprintSha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown } } });
    expect(await invoke('workspace.close', {}, { session })).toEqual({ ok: true, value: { closed: true } });
    expect(await invoke('workspace.open', { path, passphrase: 'wrong passphrase' }, { session })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await invoke('workspace.open', { path, passphrase: PASSPHRASE }, { session })).toMatchObject({ ok: true, value: { path } });
    const changed = await invoke('workspace.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: 'another long passphrase' }, { session });
    expect(changed).toEqual({ ok: true, value: { path, changed: true } });
    const events = await invoke('audit.list', { afterSeq: 0 }, { session });
    expect(events.ok && events.value.events.map((e) => e.action)).toEqual(['workspace.created', 'signer.created', 'workspace.passphrase-changed']);
    expect(await invoke('audit.verify', {}, { session })).toMatchObject({ ok: true, value: { ok: true, events: 3 } });
    session.close();
  });

  it('reports a cancelled call as CANCELLED', async () => {
    const abort = new AbortController();
    abort.abort();
    expect(await invoke('workspace.close', {}, { session: new ApiSession(), signal: abort.signal })).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });
});
