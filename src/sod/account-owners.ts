import type Database from 'better-sqlite3-multiple-ciphers';
import { createScopeTable } from '../identity/analysis-scope.js';
import { correlateAccounts } from '../identity/correlate-accounts.js';
import { ensureCorrelations } from '../identity/correlation-store.js';
import type { CurrentPicture } from './current-picture.js';

/**
 * Who an account belongs to, for SoD: THE one place that decides it. An account belongs to the
 * identity the analysis correlates it to (src/identity/correlation-rules.ts: a person's link or
 * unlink, employee id, e-mail and aliases, login) in the picture's HR snapshot, when it is a
 * person's account; service and shared accounts, ambiguous matches and accounts no rule links
 * stand for themselves. For one account, the correlation lands in `temp.correlation`.
 */
function correlatePicture(db: Database.Database, picture: CurrentPicture): void {
  createScopeTable(db);
  const insert = db.prepare("INSERT INTO temp.scope_snapshots (snapshot_id, system_id, system, day, has_activity) VALUES (?, ?, ?, substr(?, 1, 10), 0)");
  for (const s of picture.access) insert.run(s.id, s.systemId, s.system, s.asOf);
  if (picture.hr) {
    correlateAccounts(db, picture.hr.id);
    return;
  }
  db.exec(`DROP TABLE IF EXISTS temp.correlation;
    CREATE TEMP TABLE correlation (account_id INTEGER PRIMARY KEY, identity_id INTEGER, rule TEXT, category TEXT NOT NULL, question TEXT);
    INSERT INTO temp.correlation SELECT a.id, NULL, NULL, 'person', NULL FROM temp.scope_snapshots s JOIN accounts a ON a.snapshot_id = s.snapshot_id;`);
}

/** The identity row an account of the picture belongs to, or 0 (SQL over `a` and `temp.correlation` `c`). */
const IDENTITY_OF_ACCOUNT = "ifnull(CASE WHEN c.category = 'person' THEN c.identity_id END, 0)";

export interface AccountOwners {
  /** Smallest account id covered; `ownerOf[id - base]` is the account's owner index, or -1 (disabled, or not in the picture). */
  base: number;
  ownerOf: Int32Array;
  /** Per owner index: the identity row id, or 0 when the owner is an account standing for itself. */
  ownerIdentity: number[];
  /** Per owner index: the (first) account id, for an account that stands for itself. */
  ownerAccount: number[];
}

/** Per account of the picture: its id, whether it is enabled, and its identity row id or 0. */
interface PictureAccounts {
  ids: Float64Array;
  enabled: Uint8Array;
  identities: Float64Array;
  /** The HR snapshot's identity row ids lie in [identityBase, identityBase + identityRange). */
  identityBase: number;
  identityRange: number;
}

/**
 * Reads every account of the picture from the stored correlation (computed first if missing) as
 * one list of integers in account order (.pluck() of one column is several times faster than
 * rows, and one scan of the correlation beats two): (id × 2 + enabled) × span + the identity's
 * place in the HR snapshot's id range (0 for none).
 */
function pictureAccounts(db: Database.Database, picture: CurrentPicture): PictureAccounts {
  const hr = picture.hr;
  if (hr) ensureCorrelations(db, hr.id, picture.access.map((s) => s.id));
  const [low, high] = db.prepare('SELECT ifnull(min(id), 0), ifnull(max(id), 0) FROM identities WHERE snapshot_id = ?').raw().get(hr?.id ?? 0) as [number, number];
  const span = hr ? high - low + 2 : 1;
  const top = db.prepare('SELECT ifnull(max(id), 0) FROM accounts').pluck().get() as number;
  if (!Number.isSafeInteger((top * 2 + 2) * span)) throw new Error(`SoD owners: ${top} accounts × ${span} identities exceed exact integers`);
  const place = hr ? `ifnull(CASE WHEN c.category = 'person' THEN c.identity_id - ${low} + 1 END, 0)` : '0';
  const from = hr
    ? `FROM main.account_correlations c WHERE c.hr_snapshot_id = ${Math.trunc(hr.id)} AND c.snapshot_id = ?`
    : "FROM (SELECT id AS account_id, status = 'enabled' AS enabled FROM accounts WHERE snapshot_id = ?) c";
  const packed = db.prepare(`SELECT (c.account_id * 2 + c.enabled) * ${span} + ${place} ${from} ORDER BY c.account_id`).pluck();
  const parts = picture.access.map(({ id }) => packed.all(id) as number[]);
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out: PictureAccounts = { ids: new Float64Array(total), enabled: new Uint8Array(total), identities: new Float64Array(total), identityBase: low, identityRange: high - low + 1 };
  let i = 0;
  for (const part of parts) {
    for (let k = 0; k < part.length; k++, i++) {
      const v = part[k]!;
      const idAndEnabled = Math.floor(v / span);
      const at = v - idAndEnabled * span;
      out.ids[i] = Math.floor(idAndEnabled / 2);
      out.enabled[i] = idAndEnabled % 2;
      out.identities[i] = at === 0 ? 0 : at - 1 + low;
    }
  }
  return out;
}

/**
 * Owners of the enabled accounts in the picture's access snapshots. Disabled accounts take no part
 * in SoD: they cannot exercise their access (docs/sod.md).
 */
export function accountOwners(db: Database.Database, picture: CurrentPicture): AccountOwners {
  const { ids, enabled, identities, identityBase, identityRange } = pictureAccounts(db, picture);
  let base = Number.MAX_SAFE_INTEGER;
  let top = 0;
  for (const id of ids) {
    if (id < base) base = id;
    if (id > top) top = id;
  }
  if (top === 0) base = 0;
  const ownerOf = new Int32Array(top - base + 1).fill(-1);
  const ownerIdentity: number[] = [];
  const ownerAccount: number[] = [];
  // Owners are numbered in first-seen order: one per identity, one per account standing for itself.
  const ownerByIdentity = new Int32Array(identityRange).fill(-1);
  for (let i = 0; i < ids.length; i++) {
    if (enabled[i] !== 1) continue;
    const id = ids[i]!;
    const identity = identities[i]!;
    let owner = identity === 0 ? -1 : ownerByIdentity[identity - identityBase]!;
    if (owner < 0) {
      owner = ownerIdentity.length;
      ownerIdentity.push(identity);
      ownerAccount.push(id);
      if (identity !== 0) ownerByIdentity[identity - identityBase] = owner;
    }
    ownerOf[id - base] = owner;
  }
  return { base, ownerOf, ownerIdentity, ownerAccount };
}

/** The owner key of one account (how exceptions and mitigations name a violation's owner). */
export function ownerKeyOfAccount(db: Database.Database, picture: CurrentPicture, accountId: number): string {
  correlatePicture(db, picture);
  const row = db
    .prepare(
      `SELECT a.account_key AS accountKey, s.system_id AS systemId,
              (SELECT employee_id FROM identities WHERE id = (SELECT ${IDENTITY_OF_ACCOUNT} FROM temp.correlation c WHERE c.account_id = a.id)) AS employeeId
       FROM accounts a JOIN snapshots s ON s.id = a.snapshot_id WHERE a.id = ?`,
    )
    .get(accountId) as { accountKey: string; systemId: number; employeeId: string | null };
  return row.employeeId !== null ? identityOwnerKey(row.employeeId) : accountOwnerKey(row.systemId, row.accountKey);
}

export function identityOwnerKey(employeeId: string): string {
  return `identity:${employeeId}`;
}

export function accountOwnerKey(systemId: number, accountKey: string): string {
  return `account:${systemId}:${accountKey}`;
}
