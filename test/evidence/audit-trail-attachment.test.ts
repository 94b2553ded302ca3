import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/audit/audit-log.js';
import { canonicalJson } from '../../src/audit/canonical-json.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace, openRaw, PASSPHRASE } from '../helpers/workspace.js';
import { attachmentBytes, packInto } from './helpers/pack-file.js';
import { pdfText } from './helpers/pdf-tools.js';

const tempDir = useTempDirs();

/** A line of audit-log.jsonl: an audit event as the workspace stores it. */
type TrailLine = AuditEvent;

/** A closed workspace with a few audited changes. */
function workspaceWithEvents(dir: string): string {
  const ws = newWorkspace(dir);
  for (const name of ['HR', 'ERP', 'AWS']) {
    ws.change('tester', 'system.added', () => ws.db.prepare("INSERT INTO systems (name, created_at) VALUES (?, 'now')").run(name), () => ({ name, order: { '10': 'ten', '9': 'nine' } }));
  }
  ws.close();
  return join(dir, 'w.attest');
}

function trailOf(pdf: Buffer): { text: string; lines: TrailLine[] } {
  const text = attachmentBytes(pdf, 'audit-log.jsonl').toString('utf8');
  return { text, lines: text.trimEnd().split('\n').map((l) => JSON.parse(l) as TrailLine) };
}

describe('the audit trail a pack attaches', () => {
  it('holds every event, from which anyone can recompute the chain to the head the pack states', async () => {
    const dir = tempDir();
    const ws = openWorkspace(workspaceWithEvents(dir), PASSPHRASE);
    try {
      const pack = await packInto(ws, dir, { operator: 'tester' });
      const { lines } = trailOf(pack.pdf);
      const stored = ws.db.prepare('SELECT seq, payload FROM audit_events ORDER BY seq').all() as { seq: number; payload: string }[];
      expect(lines.map((l) => l.seq)).toEqual(stored.map((s) => s.seq));
      expect(pack.data.audit).toMatchObject({ ok: true, events: stored.length, firstBadSeq: null });
      let prev = '0'.repeat(64);
      for (const line of lines) {
        expect(line.prevHash).toBe(prev);
        const body = canonicalJson({ seq: line.seq, at: line.at, actor: line.actor, action: line.action, payload: canonicalJson(line.payload), prev: line.prevHash });
        expect(createHash('sha256').update(body).digest('hex')).toBe(line.hash);
        prev = line.hash;
      }
      expect(prev).toBe(pack.data.audit.head);
      expect(pdfText(pack.path)).toContain('Intact: every event links to the one before it.');
    } finally {
      ws.close();
    }
  });

  it('from a workspace altered outside Attest: the pack says where the chain breaks, and a payload that is not JSON is kept as a string', async () => {
    const dir = tempDir();
    const path = workspaceWithEvents(dir);
    const raw = openRaw(path);
    raw.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
    raw.exec(`UPDATE audit_events SET payload = '{"name": broken' WHERE seq = 3`);
    raw.close();
    const ws = openWorkspace(path, PASSPHRASE);
    try {
      const pack = await packInto(ws, dir, { operator: 'tester' });
      expect(pack.data.audit).toMatchObject({ ok: false, firstBadSeq: 3 });
      const { lines } = trailOf(pack.pdf);
      expect(lines.find((l) => l.seq === 3)?.payload).toBe('{"name": broken');
      expect(pdfText(pack.path)).toContain('BROKEN at event 3');
      const manifest = JSON.parse(attachmentBytes(pack.pdf, 'manifest.json').toString('utf8')) as { audit: { ok: boolean } };
      expect(manifest.audit.ok).toBe(false);
    } finally {
      ws.close();
    }
  });
});
