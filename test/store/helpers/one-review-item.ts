import type Database from 'better-sqlite3-multiple-ciphers';
import { openKeyed } from '../../../src/store/cipher.js';
import { MIGRATIONS } from '../../../src/store/migrations/index.js';
import { PASSPHRASE } from '../../helpers/workspace.js';

/**
 * A new database at `path` migrated up to `version` only (as a workspace of that version was),
 * holding one launched campaign item (id 1, stage 1, reviewer m@x) to record decisions on.
 */
export function oneReviewItemAt(path: string, version: number): Database.Database {
  const db = openKeyed(path, PASSPHRASE, { create: true });
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((m) => m.version <= version)) {
    db.exec(m.sql);
    db.pragma(`user_version = ${m.version}`);
  }
  db.exec(`
    INSERT INTO systems (id, name, created_at) VALUES (1, 'ERP', 'now');
    INSERT INTO snapshots (id, system_id, content, profile, mapping, file_name, sha256, size_bytes, as_of, imported_at, imported_by, rows_read, rows_imported, rows_rejected) VALUES (1, 1, 'access', 'grants', NULL, 'a.csv', '${'a'.repeat(64)}', 1, '2026-01-01', 'now', 'me', 1, 1, 0);
    INSERT INTO campaigns VALUES (1, 'Q4', 'manager', '{}', '["manager"]', '{}', NULL, NULL, '00', 'now', 'me');
    INSERT INTO campaign_items (id, campaign_id, ordinal, system, snapshot_id, account_key, account, account_status, account_type, entitlement_key, entitlement, privileged, findings)
      VALUES (1, 1, 1, 'ERP', 1, 'a', 'a', 'enabled', 'human', 'r', 'r', 0, '[]');
    INSERT INTO campaign_item_reviewers VALUES (1, 1, 'm@x', 'manager', NULL);`);
  return db;
}

/** SQL for one decision row on that item (`undoes` only when given: the column is migration 011's). */
export function decisionRow(decision: string, supersedes: number | null, undoes?: number): string {
  const marked = undoes === undefined ? { column: '', value: '' } : { column: ', undoes', value: `, ${undoes}` };
  return `INSERT INTO campaign_decisions (item_id, stage, decision, reviewer, channel, recorded_by, decided_at, supersedes${marked.column})
    VALUES (1, 1, '${decision}', 'm@x', 'app', 'me', 'now', ${supersedes ?? 'NULL'}${marked.value})`;
}
