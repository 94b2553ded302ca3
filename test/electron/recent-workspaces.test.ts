import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openedWorkspacePath } from '../../electron/main/opened-workspace.js';
import { recentSubmenu } from '../../electron/main/recent-menu.js';
import { RecentWorkspaces } from '../../electron/main/recent-workspaces.js';
import type { MenuCommand } from '../../src/api/bridge.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

/** Workspace files that really exist in a temp folder. */
function files(dir: string, ...names: string[]): string[] {
  return names.map((name) => {
    const path = join(dir, name);
    writeFileSync(path, 'x');
    return path;
  });
}

describe('the recent workspaces of the File menu', () => {
  it('keeps paths newest first, de-duplicated and capped, in a JSON file that holds nothing but paths', () => {
    const dir = tempDir();
    const changes: (readonly string[])[] = [];
    const store = new RecentWorkspaces(join(dir, 'user-data', 'recent-workspaces.json'), { limit: 3, onChange: (paths) => changes.push(paths) });
    const [a, b, c, d] = files(dir, 'a.attest', 'b.attest', 'c.attest', 'd.attest');
    expect(store.list()).toEqual([]);
    store.add(a!);
    store.add(b!);
    store.add(join(dir, '.', 'a.attest'));
    expect(store.list()).toEqual([a, b]);
    store.add(c!);
    expect(store.add(d!)).toEqual([d, c, a]);
    expect(JSON.parse(readFileSync(store.file, 'utf8'))).toEqual({ version: 1, paths: [d, c, a] });
    // A second store over the same file (the next launch) reads the same list.
    expect(new RecentWorkspaces(store.file).list()).toEqual([d, c, a]);
    expect(store.remove(c!)).toEqual([d, a]);
    expect(changes.at(-1)).toEqual([d, a]);
    expect(store.clear()).toEqual([]);
    expect(new RecentWorkspaces(store.file).list()).toEqual([]);
  });

  it('prunes files that are gone, and writes the pruned list back', () => {
    const dir = tempDir();
    const store = new RecentWorkspaces(join(dir, 'recent.json'));
    const [a, b] = files(dir, 'a.attest', 'b.attest');
    store.add(a!);
    store.add(b!);
    rmSync(a!);
    expect(store.list()).toEqual([b]);
    expect(JSON.parse(readFileSync(store.file, 'utf8'))).toEqual({ version: 1, paths: [b] });
  });

  it('ignores a corrupt or foreign file instead of failing, and replaces it on the next change', () => {
    const dir = tempDir();
    const file = join(dir, 'recent.json');
    const [a] = files(dir, 'a.attest');
    for (const content of ['{not json', '[]', JSON.stringify({ version: 2, paths: [a] }), JSON.stringify({ version: 1, paths: [42] }), JSON.stringify({ version: 1, paths: 'a' })]) {
      writeFileSync(file, content);
      expect(new RecentWorkspaces(file).list()).toEqual([]);
    }
    expect(new RecentWorkspaces(file).add(a!)).toEqual([a]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, paths: [a] });
  });

  it('treats paths differing only in case as one file where the file system does (Windows, macOS)', () => {
    const dir = tempDir();
    const [a] = files(dir, 'Audit.attest');
    const store = new RecentWorkspaces(join(dir, 'recent.json'), { caseInsensitive: true, exists: () => true });
    store.add(a!);
    expect(store.add(a!.toLowerCase())).toEqual([a!.toLowerCase()]);
  });

  it('survives a user-data folder it cannot write: the list is a convenience, never a reason to fail', () => {
    const dir = tempDir();
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const [a] = files(dir, 'a.attest');
    const store = new RecentWorkspaces(join(blocker, 'recent.json'));
    expect(store.add(a!)).toEqual([a]);
    expect(existsSync(join(blocker, 'recent.json'))).toBe(false);
  });

  it('builds Open Recent: each file by name with its path as the tooltip, opening it when clicked, then Clear', () => {
    const sent: MenuCommand[] = [];
    let cleared = 0;
    const menu = recentSubmenu((command) => sent.push(command), { recent: ['/audits/R&D fy25.attest', '/audits/hr.attest'], clearRecent: () => cleared++ });
    expect(menu.map((item) => item.label ?? item.type)).toEqual(['R&&D fy25.attest', 'hr.attest', 'separator', 'Clear Recent']);
    expect(menu[0]!.toolTip).toBe('/audits/R&D fy25.attest');
    const click = (index: number): void => (menu[index]!.click as () => void)();
    click(1);
    click(3);
    expect(sent).toEqual([{ command: 'open', path: '/audits/hr.attest' }]);
    expect(cleared).toBe(1);
    expect(recentSubmenu(() => undefined, { recent: [], clearRecent: () => undefined })).toEqual([{ label: 'No Recent Workspaces', enabled: false }]);
  });

  it('learns of a workspace from the successful calls that open or create one, and only from those', () => {
    expect(openedWorkspacePath('workspace.open', { ok: true, value: { path: '/w.attest', schemaVersion: 9 } })).toBe('/w.attest');
    expect(openedWorkspacePath('workspace.openRemembered', { ok: true, value: { path: '/r.attest', schemaVersion: 9 } })).toBe('/r.attest');
    expect(openedWorkspacePath('workspace.create', { ok: true, value: { path: '/n.attest' } })).toBe('/n.attest');
    expect(openedWorkspacePath('demo.create', { ok: true, value: { workspace: '/demo/northwind.attest', dir: '/demo' } })).toBe('/demo/northwind.attest');
    expect(openedWorkspacePath('workspace.open', { ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'no' } })).toBeNull();
    expect(openedWorkspacePath('sod.export', { ok: true, value: { path: '/rules.csv' } })).toBeNull();
  });
});
