import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../../src/store/create-workspace.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { fileState } from '../helpers/file-state.js';
import { makeReadOnlyDir } from '../helpers/read-only-dir.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace, openRaw, PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();

/** Opening must fail with `code`, and the file must keep its bytes with nothing left beside it. */
function expectRefusal(path: string, code: string, passphrase = PASSPHRASE): void {
  const before = fileState(path);
  expect(() => openWorkspace(path, passphrase)).toThrowError(expect.objectContaining({ code }) as Error);
  expect(fileState(path)).toEqual(before);
}

describe('openWorkspace refusals', () => {
  it('WRONG_PASSPHRASE for the wrong passphrase, with the file unchanged', () => {
    const dir = tempDir();
    newWorkspace(dir).close();
    expectRefusal(join(dir, 'w.attest'), 'WRONG_PASSPHRASE', 'not the passphrase');
    openWorkspace(join(dir, 'w.attest'), PASSPHRASE).close();
  });

  it('NOT_A_WORKSPACE for an empty file, random bytes, a plain SQLite file and a folder', () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.attest');
    writeFileSync(empty, '');
    expectRefusal(empty, 'NOT_A_WORKSPACE');

    const random = join(dir, 'random.attest');
    writeFileSync(random, randomBytes(10_000));
    expectRefusal(random, 'NOT_A_WORKSPACE');

    const plain = join(dir, 'plain.sqlite');
    const db = new Database(plain);
    db.exec('CREATE TABLE t (a); INSERT INTO t VALUES (1)');
    db.close();
    expectRefusal(plain, 'NOT_A_WORKSPACE');

    const folder = join(dir, 'folder.attest');
    mkdirSync(folder);
    expect(() => openWorkspace(folder, PASSPHRASE)).toThrowError(expect.objectContaining({ code: 'NOT_A_WORKSPACE' }) as Error);
  });

  it('random bytes of a whole number of pages cannot be told from a wrong key: refused, unchanged', () => {
    const dir = tempDir();
    const path = join(dir, 'pages.attest');
    writeFileSync(path, randomBytes(8192));
    expectRefusal(path, 'WRONG_PASSPHRASE');
  });

  it('NOT_A_WORKSPACE for an encrypted database of another application', () => {
    const dir = tempDir();
    const path = join(dir, 'other.db');
    const db = new Database(path);
    db.pragma("cipher='sqlcipher'");
    db.pragma('legacy=4');
    db.key(Buffer.from(PASSPHRASE));
    db.exec('CREATE TABLE notes (body TEXT)');
    db.close();
    expectRefusal(path, 'NOT_A_WORKSPACE');
  });

  it('NEWER_VERSION for a schema newer than this build, with the file unchanged', () => {
    const dir = tempDir();
    newWorkspace(dir).close();
    const path = join(dir, 'w.attest');
    const raw = openRaw(path);
    raw.pragma('user_version = 999');
    raw.close();
    expectRefusal(path, 'NEWER_VERSION');
  });

  it('NOT_FOUND for a path with no file', () => {
    expect(() => openWorkspace(join(tempDir(), 'nope.attest'), PASSPHRASE)).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }) as Error);
  });

  it('READ_ONLY for a workspace in a read-only location, and for init there; nothing written', () => {
    const parent = tempDir();
    const ro = makeReadOnlyDir(parent, (dir) => createWorkspace(join(dir, 'w.attest'), PASSPHRASE).close());
    try {
      expectRefusal(join(ro.dir, 'w.attest'), 'READ_ONLY');
      expect(() => createWorkspace(join(ro.dir, 'new.attest'), PASSPHRASE)).toThrowError(expect.objectContaining({ code: 'READ_ONLY' }) as Error);
      expect(fileState(join(ro.dir, 'w.attest')).siblings).toEqual(['w.attest']);
    } finally {
      ro.release();
    }
  });
});
