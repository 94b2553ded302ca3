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

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

/**
 * The hash of an event: SHA-256 of its canonical JSON (keys sorted: action, actor, at, payload,
 * prev, seq), written out directly since the shape is fixed (it is what canonicalJson makes).
 */
function eventHash(e: { seq: number; at: string; actor: string; action: string; payload: string; prevHash: string }): string {
  const body = `{"action":${JSON.stringify(e.action)},"actor":${JSON.stringify(e.actor)},"at":${JSON.stringify(e.at)},"payload":${JSON.stringify(e.payload)},"prev":${JSON.stringify(e.prevHash)},"seq":${e.seq}}`;
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
 * Recomputes the chain event by event, as a reader meets them in order: detects an altered event
 * (its hash), a removed or reordered one (the sequence or the link to the previous hash) and a
 * removed tail (the head recorded at the last append no longer matches the last event).
 */
export class AuditChainCheck {
  private prevHash = GENESIS_HASH;
  private expectedSeq = 1;
  private events = 0;
  private firstBadSeq: number | null = null;

  add(row: AuditRow): void {
    this.events += 1;
    if (this.firstBadSeq === null) {
      const recomputed = eventHash({ seq: row.seq, at: row.at, actor: row.actor, action: row.action, payload: row.payload, prevHash: row.prev_hash });
      if (row.seq !== this.expectedSeq || row.prev_hash !== this.prevHash || row.hash !== recomputed) this.firstBadSeq = Math.min(row.seq, this.expectedSeq);
    }
    this.prevHash = row.hash;
    this.expectedSeq = row.seq + 1;
  }

  /** The verdict once every event has been added; `db` gives the head recorded at the last append. */
  finish(db: Database): AuditVerification {
    let firstBadSeq = this.firstBadSeq;
    if (firstBadSeq === null) {
      const head = db.prepare("SELECT value FROM meta WHERE key = 'audit_head'").pluck().get() as string | undefined;
      const expectedHead = this.events === 0 ? undefined : `${this.expectedSeq - 1}:${this.prevHash}`;
      if (head !== expectedHead) firstBadSeq = this.expectedSeq;
    }
    return { ok: firstBadSeq === null, events: this.events, head: this.prevHash, firstBadSeq };
  }
}

/** Recomputes the chain from the first event (AuditChainCheck over every event). */
export function verifyAuditChain(db: Database): AuditVerification {
  const check = new AuditChainCheck();
  for (const row of db.prepare('SELECT * FROM audit_events ORDER BY seq').iterate() as IterableIterator<AuditRow>) check.add(row);
  return check.finish(db);
}

/** Every event as stored, in order, a page at a time (no statement stays open between pages). */
export function* auditRows(db: Database, pageSize = 512): Generator<AuditRow> {
  const page = db.prepare('SELECT * FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?');
  for (let after = Number.MIN_SAFE_INTEGER; ; ) {
    const rows = page.all(after, pageSize) as AuditRow[];
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1]!.seq;
  }
}

/** Whether stored text is JSON (a workspace altered outside Attest may hold anything). */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * One event as a line of JSON: `{"seq","at","actor","action","payload","prevHash","hash"}`, the
 * payload as stored (the canonical JSON its hash covers, so a reader can recompute the chain);
 * a payload that is not JSON (altered outside Attest) is kept as a string.
 */
export function auditEventLine(row: AuditRow): string {
  const payload = isJson(row.payload) ? row.payload : JSON.stringify(row.payload);
  return `{"seq":${row.seq},"at":${JSON.stringify(row.at)},"actor":${JSON.stringify(row.actor)},"action":${JSON.stringify(row.action)},"payload":${payload},"prevHash":${JSON.stringify(row.prev_hash)},"hash":${JSON.stringify(row.hash)}}\n`;
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
