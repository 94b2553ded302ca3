import type Database from 'better-sqlite3-multiple-ciphers';
import { emailAliases, foldKey, localPart, nameKey } from './match-keys.js';

/**
 * Correlation of the accounts in scope to the HR roster, in this order (the first rule that
 * decides wins):
 *  1. a person's decision (link, unlink, service account owned by, shared account);
 *  2. employee id;
 *  3. e-mail: the account's primary address, then the aliases its attributes carry;
 *  4. login equal to an identity's e-mail or to its local part (`jane.doe` ↔ `jane.doe@corp.com`).
 * A rule that matches two or more identities decides nothing: the account is listed as an
 * ambiguous match and left uncorrelated (never guessed). An account no rule links whose
 * normalised display name equals exactly one identity's gets a suggestion, not a link.
 *
 * Pure computation; src/identity/correlation-store.ts keeps the result per snapshot.
 */

export type CorrelationRule = 'link' | 'unlink' | 'service-owner' | 'shared' | 'employee-id' | 'email' | 'email-alias' | 'login' | 'ambiguous';
/** person: a human's (or a guest's) own account; service and shared: accounts nobody signs in to as themselves. */
export type AccountCategory = 'person' | 'service' | 'shared';

export interface AmbiguousMatch {
  accountId: number;
  rule: 'employee-id' | 'email' | 'email-alias' | 'login';
  employeeIds: string[];
}

type Candidates = readonly number[];

class RosterIndex {
  readonly employeeIdOf = new Map<number, string>();
  private readonly byEmployee = new Map<string, number>();
  private readonly byEmail = new Map<string, number[]>();
  private readonly byLocal = new Map<string, number[]>();
  private readonly byName = new Map<string, number[]>();

  constructor(db: Database.Database, snapshotId: number) {
    const rows = db.prepare("SELECT id, employee_id, email_key, coalesce(display_name, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))) FROM identities WHERE snapshot_id = ?").raw().all(snapshotId) as [number, string, string | null, string | null][];
    for (const [id, employeeId, emailKey, name] of rows) {
      this.employeeIdOf.set(id, employeeId);
      this.byEmployee.set(employeeId, id);
      if (emailKey) {
        push(this.byEmail, emailKey, id);
        const local = localPart(emailKey);
        if (local) push(this.byLocal, local, id);
      }
      const key = nameKey(name);
      if (key) push(this.byName, key, id);
    }
  }

  employee(employeeId: string): number | undefined {
    return this.byEmployee.get(employeeId);
  }

  email(key: string): Candidates {
    return this.byEmail.get(key) ?? [];
  }

  login(login: string): Candidates {
    const asEmail = this.email(login);
    return asEmail.length > 0 ? asEmail : (this.byLocal.get(login) ?? []);
  }

  name(key: string | null): Candidates {
    return key === null ? [] : (this.byName.get(key) ?? []);
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

function distinct(ids: Iterable<number>): number[] {
  return [...new Set(ids)];
}

type AccountRow = [id: number, systemId: number, key: string, login: string, emailKey: string | null, employeeId: string | null, displayName: string | null, attributes: string | null, accountType: string];

interface Decision {
  decision: 'link' | 'unlink' | 'service' | 'shared';
  employeeId: string | null;
}

/** What a person should decide about an account: an ambiguous match, or a name suggestion. */
export type CorrelationQuestion = { rule: AmbiguousMatch['rule']; employeeIds: string[] } | { employeeId: string };

/** One account's correlation to one HR snapshot, as stored in `account_correlations`. */
export type CorrelationRow = [accountId: number, identityId: number | null, rule: CorrelationRule | null, category: AccountCategory, question: CorrelationQuestion | null];

/**
 * Applies the rules to the accounts of access snapshots against one HR snapshot's identities:
 * pure computation, one row per account. The roster and the decisions are read once.
 */
export class Correlator {
  private readonly roster: RosterIndex;
  private readonly decisions = new Map<string, Decision>();

  constructor(private readonly db: Database.Database, hrSnapshotId: number) {
    this.roster = new RosterIndex(db, hrSnapshotId);
    for (const row of db.prepare('SELECT system_id, account_key, decision, employee_id FROM account_decisions').raw().all() as [number, string, Decision['decision'], string | null][]) {
      this.decisions.set(`${row[0]}\u0000${row[1]}`, { decision: row[2], employeeId: row[3] });
    }
  }

  snapshot(snapshotId: number): CorrelationRow[] {
    const accounts = this.db
      .prepare(
        `SELECT a.id, s.system_id, a.account_key, a.login, a.email_key, a.employee_id, a.display_name, a.attributes, a.account_type
         FROM snapshots s JOIN accounts a ON a.snapshot_id = s.id WHERE s.id = ?`,
      )
      .raw()
      .all(snapshotId) as AccountRow[];
    return accounts.map((account) => correlateOne(this.roster, this.decisions, account));
  }
}

function correlateOne(roster: RosterIndex, decisions: Map<string, Decision>, account: AccountRow): CorrelationRow {
  const [id, systemId, key, login, emailKey, employeeId, displayName, attributes, accountType] = account;
  const typeCategory: AccountCategory = accountType === 'service' ? 'service' : accountType === 'shared' ? 'shared' : 'person';
  const decided = decisions.get(`${systemId}\u0000${key}`);
  if (decided) {
    const identity = decided.employeeId === null ? null : (roster.employee(decided.employeeId) ?? null);
    if (decided.decision === 'link') return [id, identity, 'link', typeCategory, null];
    if (decided.decision === 'unlink') return [id, null, 'unlink', typeCategory, null];
    if (decided.decision === 'service') return [id, identity, 'service-owner', 'service', null];
    return [id, null, 'shared', 'shared', null];
  }
  const match = automaticMatch(roster, employeeId, emailKey, attributes, login);
  if (match === null) {
    const candidates = roster.name(nameKey(displayName));
    const only = candidates.length === 1 ? candidates[0] : undefined;
    const suggestion = only !== undefined && displayName ? { employeeId: roster.employeeIdOf.get(only) ?? '' } : null;
    return [id, null, null, typeCategory, suggestion];
  }
  if (match.ids.length > 1) return [id, null, 'ambiguous', typeCategory, { rule: match.rule, employeeIds: match.ids.map((i) => roster.employeeIdOf.get(i) ?? '').sort() }];
  return [id, match.ids[0] ?? null, match.rule, typeCategory, null];
}

function automaticMatch(roster: RosterIndex, employeeId: string | null, emailKey: string | null, attributes: string | null, login: string): { rule: AmbiguousMatch['rule']; ids: number[] } | null {
  if (employeeId) {
    const id = roster.employee(employeeId.trim());
    if (id !== undefined) return { rule: 'employee-id', ids: [id] };
  }
  if (emailKey) {
    const ids = roster.email(emailKey);
    if (ids.length > 0) return { rule: 'email', ids: [...ids] };
  }
  const aliases = distinct(emailAliases(attributes).flatMap((alias) => roster.email(alias)));
  if (aliases.length > 0) return { rule: 'email-alias', ids: aliases };
  const byLogin = roster.login(foldKey(login));
  if (byLogin.length > 0) return { rule: 'login', ids: [...byLogin] };
  return null;
}
