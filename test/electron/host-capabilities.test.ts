import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IpcCalls, type IpcSender } from '../../electron/main/ipc-calls.js';
import { followOpenedWorkspaces } from '../../electron/main/recent-feed.js';
import { RecentWorkspaces } from '../../electron/main/recent-workspaces.js';
import { revealableFile } from '../../electron/main/reveal-file.js';
import { isFilePath, isPathList } from '../../src/api/bridge.js';
import { CallRunner } from '../../src/api/call-runner.js';
import { ApiSession } from '../../src/api/session.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();

const window: IpcSender = { id: 1, send: () => undefined, isDestroyed: () => false };

describe('show a file in its folder (desktop app)', () => {
  it('shows only an absolute path to an existing regular file', () => {
    const dir = tempDir();
    const pack = join(dir, 'pack.pdf');
    writeFileSync(pack, '%PDF');
    mkdirSync(join(dir, 'folder'));
    symlinkSync(pack, join(dir, 'link.pdf'));
    expect(revealableFile(pack)).toBe(pack);
    expect(revealableFile(join(dir, 'folder', '..', 'pack.pdf'))).toBe(pack);
    for (const refused of [join(dir, 'folder'), join(dir, 'link.pdf'), join(dir, 'missing.pdf'), 'pack.pdf', './pack.pdf', `${pack}\0.txt`, '', '/dev/null', 42, null, undefined, { path: pack }, [pack], 'x'.repeat(5000)]) {
      expect(revealableFile(refused), JSON.stringify(refused)).toBeNull();
    }
  });

  it('the bridge passes on only well-formed paths and path lists', () => {
    expect(isFilePath('/a/b.attest')).toBe(true);
    expect(isFilePath('')).toBe(false);
    expect(isFilePath('/a\0b')).toBe(false);
    expect(isPathList(['/a.attest', 'C:\\b.attest'])).toBe(true);
    expect(isPathList([])).toBe(true);
    expect(isPathList(['/a', 3])).toBe(false);
    expect(isPathList('/a')).toBe(false);
    expect(isPathList(Array<string>(101).fill('/a'))).toBe(false);
  });
});

describe('one list of recent workspaces for the File menu and the welcome screen', () => {
  it('puts each workspace opened or created through the API first, tells the menu and the window, and ignores failed opens', async () => {
    const dir = tempDir();
    const changes: (readonly string[])[] = [];
    const recent = new RecentWorkspaces(join(dir, 'user-data', 'recent-workspaces.json'), { onChange: (paths) => changes.push(paths) });
    const osRecent: string[] = [];
    const calls = new IpcCalls(new CallRunner(new ApiSession()), followOpenedWorkspaces(recent, (path) => osRecent.push(path)));
    const a = join(dir, 'a.attest');
    const b = join(dir, 'b.attest');
    expect(await calls.call(window, 'workspace.create', { path: a, passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await calls.call(window, 'workspace.create', { path: b, passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(recent.list()).toEqual([b, a]);
    // Opening from the screen (or a file the menu's Open Recent filled in: the same call).
    expect(await calls.call(window, 'workspace.open', { path: a, passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await calls.call(window, 'workspace.open', { path: b, passphrase: 'not the passphrase' })).toMatchObject({ ok: false });
    expect(recent.list()).toEqual([a, b]);
    expect(changes).toEqual([[a], [b, a], [a, b]]);
    expect(osRecent).toEqual([a, b, a]);
    // What the welcome screen reads on the next launch is the same file.
    expect(new RecentWorkspaces(recent.file).list()).toEqual([a, b]);
    await calls.call(window, 'workspace.close', {});
  });
});
