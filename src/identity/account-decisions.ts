import type Database from 'better-sqlite3-multiple-ciphers';
import { AttestError } from '../errors.js';
import { findSystemId } from '../store/snapshot-lookup.js';
import type { Workspace } from '../store/workspace.js';
import { forgetSystemCorrelations } from './correlation-store.js';

/** What a person decided about one account; it wins over every automatic correlation rule. */
export type AccountDecisionKind = 'link' | 'unlink' | 'service' | 'shared';

export interface AccountDecisionRequest {
  system: string;
  /** The account's key, or its login when that names one account of the system. */
  account: string;
  decision: AccountDecisionKind;
  /** link: the identity; service: the owner. */
  employeeId?: string | undefined;
  operator: string;
}

export interface AccountDecisionResult {
  system: string;
  accountKey: string;
  login: string;
  decision: AccountDecisionKind;
  employeeId: string | null;
}

/** The account by key, else by login (case-insensitively), across every snapshot of the system. */
function findAccount(db: Database.Database, systemId: number, systemName: string, account: string): { key: string; login: string } {
  const byKey = db
    .prepare('SELECT a.account_key AS key, a.login FROM accounts a JOIN snapshots s ON s.id = a.snapshot_id WHERE s.system_id = ? AND a.account_key = ? ORDER BY s.as_of DESC, s.id DESC LIMIT 1')
    .get(systemId, account) as { key: string; login: string } | undefined;
  if (byKey) return byKey;
  const byLogin = db
    .prepare('SELECT DISTINCT a.account_key AS key, a.login FROM accounts a JOIN snapshots s ON s.id = a.snapshot_id WHERE s.system_id = ? AND lower(a.login) = lower(?) ORDER BY a.account_key LIMIT 5')
    .all(systemId, account) as { key: string; login: string }[];
  const keys = [...new Set(byLogin.map((a) => a.key))];
  if (keys.length > 1) throw new AttestError('AMBIGUOUS_ACCOUNT', `The login "${account}" names several accounts of ${systemName} (${keys.join('; ')}). Give the account key instead.`);
  const found = byLogin[0];
  if (!found) throw new AttestError('UNKNOWN_ACCOUNT', `No account "${account}" (key or login) in any snapshot of ${systemName}. Check it in the system's export, or with "attest findings".`);
  return found;
}

function checkIdentity(db: Database.Database, employeeId: string): void {
  const known = db.prepare("SELECT 1 FROM identities i JOIN snapshots s ON s.id = i.snapshot_id WHERE i.employee_id = ? LIMIT 1").get(employeeId);
  if (!known) throw new AttestError('UNKNOWN_IDENTITY', `No employee id "${employeeId}" in any imported HR roster. Check the id, or import the roster that holds it.`);
}

/**
 * Records (replacing any earlier one) a person's decision about an account, audited. It holds
 * for every snapshot of the system with that account key, past and future.
 */
export function decideAccount(ws: Workspace, request: AccountDecisionRequest): AccountDecisionResult {
  const { db } = ws;
  const needsIdentity = request.decision === 'link' || request.decision === 'service';
  if (needsIdentity && !request.employeeId) throw new AttestError('USAGE', `A ${request.decision === 'link' ? 'link' : 'service-account mark'} needs an employee id.`);
  const systemId = findSystemId(db, request.system);
  // As stored: names match case-insensitively.
  const system = { id: systemId, name: db.prepare('SELECT name FROM systems WHERE id = ?').pluck().get(systemId) as string };
  const account = findAccount(db, system.id, system.name, request.account);
  const employeeId = needsIdentity ? (request.employeeId ?? null) : null;
  if (employeeId !== null) checkIdentity(db, employeeId);
  const result: AccountDecisionResult = { system: system.name, accountKey: account.key, login: account.login, decision: request.decision, employeeId };
  ws.change(
    request.operator,
    `account.${request.decision}`,
    () => {
      forgetSystemCorrelations(db, system.id);
      db.prepare(
        `INSERT INTO account_decisions (system_id, account_key, decision, employee_id, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (system_id, account_key) DO UPDATE SET decision = excluded.decision, employee_id = excluded.employee_id, decided_at = excluded.decided_at, decided_by = excluded.decided_by`,
      ).run(system.id, account.key, request.decision, employeeId, new Date().toISOString(), request.operator);
    },
    () => result,
  );
  return result;
}

export interface StoredAccountDecision extends AccountDecisionResult {
  decidedAt: string;
  decidedBy: string;
}

/** Every decision a person made about an account, by system and account key. */
export function listAccountDecisions(db: Database.Database, where: { systemId: number; accountKey: string } | null = null): StoredAccountDecision[] {
  return db
    .prepare(
      `SELECT y.name AS system, d.account_key AS accountKey,
              ifnull((SELECT a.login FROM snapshots s JOIN accounts a ON a.snapshot_id = s.id WHERE s.system_id = d.system_id AND a.account_key = d.account_key
                      ORDER BY s.as_of DESC, s.id DESC LIMIT 1), d.account_key) AS login,
              d.decision, d.employee_id AS employeeId, d.decided_at AS decidedAt, d.decided_by AS decidedBy
       FROM account_decisions d JOIN systems y ON y.id = d.system_id
       WHERE @systemId IS NULL OR (d.system_id = @systemId AND d.account_key = @accountKey)
       ORDER BY y.name, d.account_key`,
    )
    .all({ systemId: where?.systemId ?? null, accountKey: where?.accountKey ?? null }) as StoredAccountDecision[];
}

/**
 * Forgets a person's decision about an account (audited): from then on the automatic rules
 * decide again. The account is named as for a decision; a decision whose account is in no
 * snapshot any more is found by its key.
 */
export function forgetAccountDecision(ws: Workspace, request: { system: string; account: string; operator: string }): StoredAccountDecision {
  const { db } = ws;
  const systemId = findSystemId(db, request.system);
  const decided = (accountKey: string): StoredAccountDecision | undefined => listAccountDecisions(db, { systemId, accountKey })[0];
  const systemName = db.prepare('SELECT name FROM systems WHERE id = ?').pluck().get(systemId) as string;
  const existing = decided(request.account) ?? decided(findAccount(db, systemId, systemName, request.account).key);
  if (!existing) {
    throw new AttestError('UNKNOWN_DECISION', `No decision about ${systemName} account "${request.account}" to forget: the automatic rules decide it already. List decisions with "attest decisions".`);
  }
  ws.change(
    request.operator,
    'account.forget',
    () => {
      forgetSystemCorrelations(db, systemId);
      db.prepare('DELETE FROM account_decisions WHERE system_id = ? AND account_key = ?').run(systemId, existing.accountKey);
    },
    () => existing,
  );
  return existing;
}
