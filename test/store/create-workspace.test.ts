import Database from 'better-sqlite3-multiple-ciphers';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../../src/store/create-workspace.js';
import { APPLICATION_ID } from '../../src/store/cipher.js';
import { SCHEMA_VERSION } from '../../src/store/migrations/index.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { fileState } from '../helpers/file-state.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace, openRaw, PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();

function expectCode(fn: () => unknown, code: string): void {
  expect(fn).toThrowError(expect.objectContaining({ code }) as Error);
}

describe('createWorkspace', () => {
  it('creates an encrypted SQLCipher 4 file with the current schema, WAL and the Attest application id', () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    expect(ws.schemaVersion).toBe(SCHEMA_VERSION);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(ws.getMeta('org')).toBe('Acme Audit');
    ws.close();

    const header = readFileSync(join(dir, 'w.attest')).subarray(0, 24);
    expect(header.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    // SQLCipher 4 encrypts bytes 16-23 too; cipher='sqlcipher' without legacy=4 leaves the
    // plain page size / format bytes (…, 0x40, 0x20, 0x20) there.
    expect([header[21], header[22], header[23]]).not.toEqual([0x40, 0x20, 0x20]);

    const plain = new Database(join(dir, 'w.attest'), { fileMustExist: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrowError(/not a database/);
    plain.close();
  });

  it('leaves no temporary file behind and records the creation in the audit trail', () => {
    const dir = tempDir();
    newWorkspace(dir).close();
    expect(readdirSync(dir)).toEqual(['w.attest']);
    const raw = openRaw(join(dir, 'w.attest'));
    const events = raw.prepare('SELECT action, actor FROM audit_events ORDER BY seq').all();
    raw.close();
    expect(events).toEqual([{ action: 'workspace.created', actor: 'tester' }]);
  });

  it('never overwrites an existing file (EXISTS), and the file keeps its bytes', () => {
    const dir = tempDir();
    const path = join(dir, 'taken.attest');
    writeFileSync(path, 'precious evidence');
    const before = fileState(path);
    expectCode(() => createWorkspace(path, PASSPHRASE), 'EXISTS');
    expect(fileState(path)).toEqual(before);
    expect(readFileSync(path, 'utf8')).toBe('precious evidence');
  });

  it('refuses a folder as the target (EXISTS) and a missing parent folder (NOT_FOUND)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder.attest'));
    expectCode(() => createWorkspace(join(dir, 'folder.attest'), PASSPHRASE), 'EXISTS');
    expectCode(() => createWorkspace(join(dir, 'missing', 'w.attest'), PASSPHRASE), 'NOT_FOUND');
  });

  it('refuses a short passphrase (WEAK_PASSPHRASE) and writes nothing', () => {
    const dir = tempDir();
    expectCode(() => createWorkspace(join(dir, 'w.attest'), 'short'), 'WEAK_PASSPHRASE');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('unlocks with the passphrase it was made with', () => {
    const dir = tempDir();
    newWorkspace(dir).close();
    const ws = openWorkspace(join(dir, 'w.attest'), PASSPHRASE);
    expect(ws.getMeta('workspace_id')).toMatch(/^[0-9a-f-]{36}$/);
    ws.close();
  });
});
