import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IpcCalls, type IpcSender } from '../../electron/main/ipc-calls.js';
import { PROGRESS_CHANNEL } from '../../src/api/bridge.js';
import { CallRunner } from '../../src/api/call-runner.js';
import type { Progress, Result } from '../../src/api/result.js';
import { ApiSession } from '../../src/api/session.js';
import { grantsCsv } from '../bench/import-fixtures.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();

/** A window as the dispatcher sees it: an id, and what main sends it (kept, to be read back). */
class RecordingWindow implements IpcSender {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  destroyed = false;
  constructor(readonly id: number) {}
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  progressOf(callId: string): Progress[] {
    return this.sent.filter((m) => m.channel === PROGRESS_CHANNEL && m.args[0] === callId).map((m) => m.args[1] as Progress);
  }
}

function setUp() {
  const seen: { name: string; result: Result<unknown> }[] = [];
  const runner = new CallRunner(new ApiSession());
  const calls = new IpcCalls(runner, (name, result) => seen.push({ name, result }));
  return { runner, calls, seen, window: new RecordingWindow(1) };
}

async function withWorkspace(calls: IpcCalls, window: RecordingWindow): Promise<string> {
  const dir = tempDir();
  expect(await calls.call(window, 'workspace.create', { path: join(dir, 'w.attest'), passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  return dir;
}

async function snapshotSystems(calls: IpcCalls, window: RecordingWindow): Promise<string[]> {
  const listed = (await calls.call(window, 'snapshots.list', {})) as Result<{ snapshots: { system: string }[] }>;
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.snapshots.map((s) => s.system);
}

describe('the IPC dispatcher of the desktop app', () => {
  it('refuses what is not a contract call: unknown operations, malformed call ids, inputs the schema rejects', async () => {
    const { calls, window, seen } = setUp();
    expect(await calls.call(window, 'workspace.delete', {})).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    expect(await calls.call(window, 42, {})).toMatchObject({ ok: false, error: { code: 'USAGE', message: 'There is no operation "number".' } });
    expect(await calls.call(window, 'workspace.info', {}, 'has spaces')).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    expect(await calls.call(window, 'workspace.info', {}, 'x'.repeat(65))).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    expect(await calls.call(window, 'workspace.open', { path: 7 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await calls.call(window, 'workspace.info', {})).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE_OPEN' } });
    // Refused names never reach the session; the calls that ran are observed with their outcome.
    expect(seen.map((s) => s.name)).toEqual(['workspace.open', 'workspace.info']);
    expect(window.sent).toEqual([]);
  });

  it('sends a call’s progress to the window that started it, named by its call id, and answers with the result', async () => {
    const { calls, window, seen } = setUp();
    const dir = await withWorkspace(calls, window);
    const file = join(dir, 'erp.csv');
    writeFileSync(file, ['Account,Entitlement', ...Array.from({ length: 50 }, (_, i) => `user${i},Role ${i % 7}`)].join('\n'));
    const other = new RecordingWindow(2);
    const result = await calls.call(window, 'import.run', { files: [{ path: file }], system: 'ERP' }, 'import-1');
    expect(result).toMatchObject({ ok: true, value: { system: 'ERP', rowsImported: 50 } });
    const progress = window.progressOf('import-1');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => typeof p.phase === 'string' && p.done <= p.total)).toBe(true);
    // The last report completes its phase (the throttle never drops it).
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect(other.sent).toEqual([]);
    expect(seen.at(-1)).toMatchObject({ name: 'import.run', result: { ok: true } });
    expect(calls.running(window.id)).toBe(0);
  });

  it('cancels by (window, call id): the answer is the true outcome, CANCELLED with nothing saved or the result when the work finished first', async () => {
    const { calls, window } = setUp();
    await withWorkspace(calls, window);
    const big = await grantsCsv(300_000);
    const stranger = new RecordingWindow(2);
    let cancelledByOwner: boolean | undefined;
    const original = window.send.bind(window);
    window.send = (channel, ...args) => {
      original(channel, ...args);
      if (cancelledByOwner === undefined) {
        // Another window cannot cancel this window's call, even by its id.
        expect(calls.cancel(stranger, 'big')).toBe(false);
        cancelledByOwner = calls.cancel(window, 'big');
      }
    };
    const pending = calls.call(window, 'import.run', { files: [{ path: big }], system: 'Big ERP' }, 'big');
    // A second call under the same id while the first runs is refused.
    expect(await calls.call(window, 'workspace.info', {}, 'big')).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    const result = await pending;
    expect(cancelledByOwner).toBe(true);
    const systems = await snapshotSystems(calls, window);
    // Never both, never neither.
    expect(systems.length).toBe(result.ok ? 1 : 0);
    if (!result.ok) expect(result.error.code).toBe('CANCELLED');
    expect(calls.cancel(window, 'big')).toBe(false);
    expect(calls.cancel(window, 'no such call!')).toBe(false);
  });

  it('a window that goes away (closed or reloaded) cancels its running calls, and no progress is sent to a destroyed window', async () => {
    const { calls, window } = setUp();
    await withWorkspace(calls, window);
    const big = await grantsCsv(300_000);
    const original = window.send.bind(window);
    window.send = (channel, ...args) => {
      original(channel, ...args);
      if (window.sent.length === 1) {
        window.destroyed = true;
        calls.abandon(window.id);
      }
    };
    const result = await calls.call(window, 'import.run', { files: [{ path: big }], system: 'Big ERP' }, 'gone');
    expect(window.sent.length).toBe(1);
    expect((await snapshotSystems(calls, new RecordingWindow(3))).length).toBe(result.ok ? 1 : 0);
    if (!result.ok) expect(result.error.code).toBe('CANCELLED');
    expect(calls.running(window.id)).toBe(0);
  });

  it('a call cancelled while it waits its turn never starts', async () => {
    const { calls, window } = setUp();
    await withWorkspace(calls, window);
    const big = await grantsCsv(300_000);
    const first = calls.call(window, 'import.run', { files: [{ path: big }], system: 'Big ERP' }, 'first');
    const second = calls.call(window, 'workspace.info', {}, 'second');
    expect(calls.running(window.id)).toBe(2);
    expect(calls.cancel(window, 'second')).toBe(true);
    expect(await second).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'The operation was cancelled before it started.' } });
    expect(await first).toMatchObject({ ok: true, value: { system: 'Big ERP' } });
  });
});
