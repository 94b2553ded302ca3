// Child process for the crash-safety test: opens a workspace, starts one big audited
// transaction, says "writing" once rows are in flight, and keeps writing until it is killed.
import { openWorkspace } from '../../src/store/workspace.js';

const [path, passphrase] = process.argv.slice(2);
if (path === undefined || passphrase === undefined) process.exit(2);
const ws = openWorkspace(path, passphrase, 'crash-writer');
ws.change('crash-writer', 'grants.bulk', () => {
  ws.db.exec("INSERT INTO systems (id, name, created_at) VALUES (1, 'ERP', 'now')");
  ws.db.exec(`INSERT INTO snapshots (id, system_id, content, profile, mapping, file_name, sha256, size_bytes, as_of, imported_at, imported_by, rows_read, rows_imported, rows_rejected) VALUES (1, 1, 'access', 'grants', NULL, 'a.csv', '${'a'.repeat(64)}', 1, '2026-01-01', 'now', 'me', 1, 1, 0)`);
  const insert = ws.db.prepare('INSERT INTO grants (snapshot_id, account_id, entitlement_id) VALUES (1, ?, ?)');
  for (let i = 1; ; i++) {
    insert.run(i, 1);
    if (i === 200_000) process.stdout.write('writing\n');
  }
});
