import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit-log.js';
import { changeWorkspacePassphrase } from '../../src/store/change-passphrase.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { fileState } from '../helpers/file-state.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace, PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const NEW = 'a brand new passphrase';

describe('changeWorkspacePassphrase', () => {
  it('re-encrypts: the new passphrase unlocks, the old one does not, data and audit chain survive', () => {
    const dir = tempDir();
    const path = join(dir, 'w.attest');
    const ws = newWorkspace(dir);
    ws.change('tester', 'system.added', () => ws.db.prepare("INSERT INTO systems (name, created_at) VALUES ('ERP', '2026-01-01')").run());
    const reopened = changeWorkspacePassphrase(ws, PASSPHRASE, NEW, 'tester');
    expect(ws.isOpen).toBe(false);
    expect(reopened.db.prepare('SELECT name FROM systems').pluck().all()).toEqual(['ERP']);
    const actions = reopened.db.prepare('SELECT action FROM audit_events ORDER BY seq').pluck().all();
    expect(actions).toEqual(['workspace.created', 'system.added', 'workspace.passphrase-changed']);
    expect(verifyAuditChain(reopened.db).ok).toBe(true);
    reopened.close();

    expect(() => openWorkspace(path, PASSPHRASE)).toThrowError(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }) as Error);
    openWorkspace(path, NEW).close();
    expect(readdirSync(dir)).toEqual(['w.attest']);
  });

  it('refuses a weak new passphrase and a wrong current one, leaving the workspace open and unchanged', () => {
    const dir = tempDir();
    const path = join(dir, 'w.attest');
    const ws = newWorkspace(dir);
    ws.close();
    const before = fileState(path);
    const open = openWorkspace(path, PASSPHRASE);
    expect(() => changeWorkspacePassphrase(open, PASSPHRASE, 'short', 'tester')).toThrowError(expect.objectContaining({ code: 'WEAK_PASSPHRASE' }) as Error);
    expect(() => changeWorkspacePassphrase(open, 'not the current one', NEW, 'tester')).toThrowError(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }) as Error);
    expect(open.isOpen).toBe(true);
    expect(open.db.pragma('journal_mode', { simple: true })).toBe('wal');
    open.close();
    expect(fileState(path).siblings).toEqual(before.siblings);
    openWorkspace(path, PASSPHRASE).close();
  });
});
