import type Database from 'better-sqlite3-multiple-ciphers';
import type { AmbiguousMatch, CorrelationQuestion, CorrelationRule } from './correlation-rules.js';
import { ensureCorrelations } from './correlation-store.js';

export type { AccountCategory, AmbiguousMatch, CorrelationRule } from './correlation-rules.js';

/**
 * Correlation of the accounts in scope to the HR roster (rules: src/identity/correlation-rules.ts),
 * read from the per-snapshot store (src/identity/correlation-store.ts, computed when missing).
 * `temp.correlation` shows it for the finding queries: one row per account of the snapshots in
 * `temp.scope_snapshots` (account_id, identity_id, rule, category).
 */

export interface NameSuggestion {
  accountId: number;
  employeeId: string;
  name: string;
}

export interface CorrelationSummary {
  accounts: number;
  byRule: Record<CorrelationRule | 'none', number>;
  ambiguous: AmbiguousMatch[];
  suggestions: NameSuggestion[];
}

/** Correlates every account of the snapshots in `temp.scope_snapshots` to the HR snapshot's identities. */
export function correlateAccounts(db: Database.Database, hrSnapshotId: number): CorrelationSummary {
  ensureCorrelations(db, hrSnapshotId, db.prepare('SELECT snapshot_id FROM temp.scope_snapshots').pluck().all() as number[]);
  db.exec(`DROP TABLE IF EXISTS temp.correlation;
    CREATE TEMP TABLE correlation (account_id INTEGER PRIMARY KEY, identity_id INTEGER, rule TEXT, category TEXT NOT NULL, question TEXT);`);
  db.prepare(
    `INSERT INTO temp.correlation SELECT c.account_id, c.identity_id, c.rule, c.category, c.question
     FROM temp.scope_snapshots s JOIN main.account_correlations c ON c.hr_snapshot_id = ? AND c.snapshot_id = s.snapshot_id
     ORDER BY c.account_id`,
  ).run(hrSnapshotId);
  const summary: CorrelationSummary = {
    accounts: 0,
    byRule: { link: 0, unlink: 0, 'service-owner': 0, shared: 0, 'employee-id': 0, email: 0, 'email-alias': 0, login: 0, ambiguous: 0, none: 0 },
    ambiguous: [],
    suggestions: [],
  };
  for (const [rule, count] of db.prepare("SELECT ifnull(rule, 'none'), count(*) FROM temp.correlation GROUP BY 1").raw().all() as [CorrelationRule | 'none', number][]) {
    summary.byRule[rule] = count;
    summary.accounts += count;
  }
  const questions = db.prepare('SELECT c.account_id, c.question, a.display_name FROM temp.correlation c JOIN accounts a ON a.id = c.account_id WHERE c.question IS NOT NULL ORDER BY c.account_id').raw().all() as [number, string, string | null][];
  for (const [accountId, json, name] of questions) {
    const question = JSON.parse(json) as CorrelationQuestion;
    if ('rule' in question) summary.ambiguous.push({ accountId, rule: question.rule, employeeIds: question.employeeIds });
    else summary.suggestions.push({ accountId, employeeId: question.employeeId, name: name ?? '' });
  }
  return summary;
}
