import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { canonicalJson } from './canonical-json.js';

/** The hash the first event links back to. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  payload: unknown;
  prevHash: string;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  head: string;
  /** The first event whose hash, link or sequence does not hold; null when the chain is whole. */
  firstBadSeq: number | null;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

function eventHash(e: { seq: number; at: string; actor: string; action: string; payload: string; prevHash: string }): string {
  const body = canonicalJson({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, payload: e.payload, prev: e.prevHash });
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Appends one event to the hash chain. Call it inside the transaction that makes the change it
 * records, so that the change and its event land together or not at all.
 */
export function appendAuditEvent(db: Database, actor: string, action: string, payload: unknown, at = new Date()): AuditEvent {
  const last = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const payloadJson = canonicalJson(payload ?? {});
  const event = { seq, at: at.toISOString(), actor, action, payload: payloadJson, prevHash };
  const hash = eventHash(event);
  db.prepare(
    'INSERT INTO audit_events (seq, at, actor, action, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(seq, event.at, actor, action, payloadJson, prevHash, hash);
  db.prepare("INSERT INTO meta (key, value) VALUES ('audit_head', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    `${seq}:${hash}`,
  );
  return { ...event, payload, hash };
}

/**
 * Recomputes the chain from the first event. Detects an altered event (its hash), a removed or
 * reordered one (the sequence or the link to the previous hash) and a removed tail (the head
 * recorded at the last append no longer matches the last event).
 */
export function verifyAuditChain(db: Database): AuditVerification {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let events = 0;
  let firstBadSeq: number | null = null;
  for (const row of db.prepare('SELECT * FROM audit_events ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    events += 1;
    if (firstBadSeq === null) {
      const recomputed = eventHash({ ...row, prevHash: row.prev_hash });
      if (row.seq !== expectedSeq || row.prev_hash !== prevHash || row.hash !== recomputed) {
        firstBadSeq = Math.min(row.seq, expectedSeq);
      }
    }
    prevHash = row.hash;
    expectedSeq = row.seq + 1;
  }
  if (firstBadSeq === null) {
    const head = db.prepare("SELECT value FROM meta WHERE key = 'audit_head'").pluck().get() as string | undefined;
    const expectedHead = events === 0 ? undefined : `${expectedSeq - 1}:${prevHash}`;
    if (head !== expectedHead) firstBadSeq = expectedSeq;
  }
  return { ok: firstBadSeq === null, events, head: prevHash, firstBadSeq };
}

export function listAuditEvents(db: Database, options: { afterSeq?: number; limit?: number } = {}): AuditEvent[] {
  const rows = db
    .prepare('SELECT * FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?')
    .all(options.afterSeq ?? 0, options.limit ?? 1000) as AuditRow[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    payload: JSON.parse(r.payload) as unknown,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}
