import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, verifyAuditChain } from '../../src/audit/audit-log.js';
import { runCli } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace, openRaw, PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();

/** A closed workspace with events 1..5: the creation and four changes. */
function workspaceWithEvents(): string {
  const dir = tempDir();
  const ws = newWorkspace(dir);
  for (const name of ['HR', 'ERP', 'AWS', 'Bank']) {
    ws.change('tester', 'system.added', () => ws.db.prepare("INSERT INTO systems (name, created_at) VALUES (?, 'now')").run(name), () => ({ name }));
  }
  ws.close();
  return join(dir, 'w.attest');
}

/** Tampers with the raw file as someone holding the passphrase could, triggers dropped. */
function tamper(path: string, sql: string): void {
  const db = openRaw(path);
  db.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
  db.exec(sql);
  db.close();
}

function verify(path: string): ReturnType<typeof verifyAuditChain> {
  const db = openRaw(path);
  try {
    return verifyAuditChain(db);
  } finally {
    db.close();
  }
}

describe('audit hash chain', () => {
  it('links every event to the previous one from the genesis hash, and verifies', () => {
    const path = workspaceWithEvents();
    const db = openRaw(path);
    const rows = db.prepare('SELECT seq, prev_hash, hash FROM audit_events ORDER BY seq').all() as { seq: number; prev_hash: string; hash: string }[];
    db.close();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(verify(path)).toEqual({ ok: true, events: 5, head: rows[4]?.hash, firstBadSeq: null });
  });

  it('reports an altered payload at its sequence number', () => {
    const path = workspaceWithEvents();
    tamper(path, `UPDATE audit_events SET payload = '{"name":"Payroll"}' WHERE seq = 3`);
    expect(verify(path)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('reports an altered actor or time even when the attacker recomputes nothing else', () => {
    const path = workspaceWithEvents();
    tamper(path, `UPDATE audit_events SET actor = 'someone else' WHERE seq = 2`);
    expect(verify(path)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('reports a removed event at the gap', () => {
    const path = workspaceWithEvents();
    tamper(path, 'DELETE FROM audit_events WHERE seq = 4');
    expect(verify(path)).toMatchObject({ ok: false, firstBadSeq: 4, events: 4 });
  });

  it('reports reordered events', () => {
    const path = workspaceWithEvents();
    tamper(path, 'UPDATE audit_events SET seq = -2 WHERE seq = 2; UPDATE audit_events SET seq = 2 WHERE seq = 3; UPDATE audit_events SET seq = 3 WHERE seq = -2;');
    expect(verify(path)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('reports a removed tail through the recorded head', () => {
    const path = workspaceWithEvents();
    tamper(path, 'DELETE FROM audit_events WHERE seq = 5');
    expect(verify(path)).toMatchObject({ ok: false, firstBadSeq: 5, events: 4 });
  });

  it('the triggers refuse UPDATE and DELETE through a normal connection', () => {
    const path = workspaceWithEvents();
    const db = openRaw(path);
    expect(() => db.exec("UPDATE audit_events SET actor = 'x' WHERE seq = 1")).toThrowError(/immutable/);
    expect(() => db.exec('DELETE FROM audit_events WHERE seq = 1')).toThrowError(/immutable/);
    db.close();
    expect(verify(path).ok).toBe(true);
  });

  it('`attest audit verify` exits 0 on a whole chain and 1 with the first bad sequence on a tampered one', async () => {
    const path = workspaceWithEvents();
    const env = { ATTEST_PASSPHRASE: PASSPHRASE };
    const good = await runCli(['audit', 'verify', '-w', path, '--json'], { env });
    expect(good.code, good.stderr).toBe(0);
    expect(good.json()).toMatchObject({ ok: true, events: 5, firstBadSeq: null });
    tamper(path, `UPDATE audit_events SET action = 'nothing.happened' WHERE seq = 2`);
    const bad = await runCli(['audit', 'verify', '-w', path, '--json'], { env });
    expect(bad.code).toBe(1);
    expect(bad.json()).toMatchObject({ ok: false, firstBadSeq: 2 });
    const human = await runCli(['audit', 'verify', '-w', path], { env });
    expect(human.stdout).toMatch(/BROKEN at event 2/);
  });
});
