import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IpcCalls, type IpcSender } from '../../electron/main/ipc-calls.js';
import { callWithProgressOverIpc } from '../../renderer/src/api/ipc-progress.js';
import { PROGRESS_CHANNEL, isCallId, isMenuCommand, isProgress, type AttestBridge } from '../../src/api/bridge.js';
import { CallRunner } from '../../src/api/call-runner.js';
import type { Progress, Result } from '../../src/api/result.js';
import { ApiSession } from '../../src/api/session.js';
import { grantsCsv } from '../bench/import-fixtures.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();

/**
 * The bridge as the preload builds it, over an in-process channel instead of Electron's: each
 * message reaches the other side on a later turn of the event loop, in order, as IPC delivers
 * them; progress events are routed to the listener of their call id after the preload's check.
 */
function inProcessBridge(calls: IpcCalls, id: number): AttestBridge {
  const listeners = new Map<string, (progress: Progress) => void>();
  const window: IpcSender = {
    id,
    isDestroyed: () => false,
    send: (channel, callId, progress) => {
      setImmediate(() => {
        if (channel === PROGRESS_CHANNEL && typeof callId === 'string' && isProgress(progress)) listeners.get(callId)?.(progress);
      });
    },
  };
  const toMain = <T>(work: () => Promise<T> | T): Promise<T> => new Promise((resolve) => setImmediate(() => resolve(work())));
  return {
    invoke: (name, input) => toMain(() => calls.call(window, name, input)) as never,
    invokeWithProgress: (name, input, callId, onProgress) => {
      listeners.set(callId, onProgress);
      return toMain(() => calls.call(window, name, input, callId)).finally(() => listeners.delete(callId)) as never;
    },
    cancel: (callId) => toMain(() => calls.cancel(window, callId)),
    onMenu: () => () => undefined,
  };
}

async function desktopWithWorkspace() {
  const runner = new CallRunner(new ApiSession());
  const bridge = inProcessBridge(new IpcCalls(runner), 1);
  expect(await bridge.invoke('workspace.create', { path: join(tempDir(), 'w.attest'), passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  const systems = async (): Promise<number> => {
    const listed = (await bridge.invoke('snapshots.list', {})) as Result<{ snapshots: unknown[] }>;
    return listed.ok ? listed.value.snapshots.length : -1;
  };
  return { runner, bridge, systems };
}

describe('the renderer’s long calls in the desktop app (client → bridge → main)', () => {
  it('shows progress as the work goes, and ends with the result', async () => {
    const { bridge, systems } = await desktopWithWorkspace();
    const big = await grantsCsv(300_000);
    const seen: Progress[] = [];
    const result = await callWithProgressOverIpc(bridge, 'import.run', { files: [{ path: big }], system: 'ERP' }, { onProgress: (p) => seen.push(p), signal: new AbortController().signal });
    expect(result).toMatchObject({ ok: true, value: { system: 'ERP', rowsImported: 300_000 } });
    // At most one event per 100 ms reaches the window: how many depends on the machine's speed.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.done <= p.total)).toBe(true);
    expect(seen.every((p, i) => i === 0 || p.phase !== seen[i - 1]!.phase || p.done >= seen[i - 1]!.done)).toBe(true);
    expect(await systems()).toBe(1);
  });

  it('Cancel during the work: the answer is the true outcome, and the snapshot exists exactly when it says so', async () => {
    const { bridge, systems } = await desktopWithWorkspace();
    const big = await grantsCsv(300_000);
    const abort = new AbortController();
    const result = await callWithProgressOverIpc(bridge, 'import.run', { files: [{ path: big }], system: 'ERP' }, { onProgress: () => abort.abort(), signal: abort.signal });
    expect(abort.signal.aborted).toBe(true);
    expect(await systems()).toBe(result.ok ? 1 : 0);
    if (!result.ok) expect(result.error.code).toBe('CANCELLED');
  });

  it('a signal aborted before the call is sent still reaches main, which stops the work', async () => {
    const { bridge, systems } = await desktopWithWorkspace();
    const big = await grantsCsv(300_000);
    const abort = new AbortController();
    abort.abort();
    const result = await callWithProgressOverIpc(bridge, 'import.run', { files: [{ path: big }], system: 'ERP' }, { onProgress: () => undefined, signal: abort.signal });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await systems()).toBe(0);
  });

  it('the preload’s checks: call ids, progress events and menu commands of the agreed shapes only', () => {
    expect(['a', 'x-1_Y', 'f'.repeat(64)].every(isCallId)).toBe(true);
    expect(['', 'a b', 'f'.repeat(65), '../x', 7, null].some(isCallId)).toBe(false);
    expect(isProgress({ phase: 'rows', done: 1, total: 2 })).toBe(true);
    expect([{ phase: 'rows', done: '1', total: 2 }, { phase: 3, done: 1, total: 2 }, { phase: 'rows', done: Number.NaN, total: 2 }, null, 'rows'].some(isProgress)).toBe(false);
    expect([{ command: 'new' }, { command: 'open' }, { command: 'open', path: '/w.attest' }, { command: 'forget' }].every(isMenuCommand)).toBe(true);
    expect([{ command: 'quit' }, { command: 'lock', path: '/w.attest' }, { command: 'open', path: '' }, { command: 'open', path: 3 }, 'open', null].some(isMenuCommand)).toBe(false);
  });
});
