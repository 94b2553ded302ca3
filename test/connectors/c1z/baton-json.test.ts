import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importSnapshot } from '../../../src/ingest/import-snapshot.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { newWorkspace, openRaw } from '../../helpers/workspace.js';

const tempDir = useTempDirs();
const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/baton-json/${name}`, import.meta.url));

describe('the JSON of `baton resources|entitlements|grants -o json` (profile baton-json)', () => {
  it('the three files make one snapshot: accounts from the user trait, entitlements, grants direct or inherited', async () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    const files = ['resources.json', 'entitlements.json', 'grants.json'].map((name) => ({ path: fixture(name) }));
    const result = await importSnapshot(ws, { files, system: 'Okta', operator: 'tester', asOf: '2025-12-01' });
    ws.close();
    expect(result.files.map((f) => f.profile)).toEqual(['baton-json', 'baton-json', 'baton-json']);
    expect(result).toMatchObject({ accounts: 2, entitlements: 2, grants: 3, rowsRead: 3 + 2 + 5, rowsRejected: 1 });
    expect(result.rejected).toEqual([{ source: 2, file: 'grants.json', line: 5, reason: 'grants[4] is a string, not an object' }]);

    const db = openRaw(join(dir, 'w.attest'));
    const accounts = db.prepare('SELECT account_key AS key, login, email, status, account_type AS type, mfa, last_login AS lastLogin, employee_id AS employeeId, attributes FROM accounts ORDER BY account_key').all();
    expect(accounts).toEqual([
      { key: 'user:u-alice', login: 'alice', email: 'alice@example.com', status: 'enabled', type: 'human', mfa: 1, lastLogin: '2025-11-30T08:00:00.000Z', employeeId: 'E100', attributes: JSON.stringify({ resourceType: 'user', resourceId: 'u-alice', statusDetails: 'active', emails: 'alice@example.com, a.example@example.com' }) },
      { key: 'user:u-bot', login: 'deploy-bot', email: 'bot@example.com', status: 'disabled', type: 'service', mfa: 0, lastLogin: null, employeeId: null, attributes: JSON.stringify({ resourceType: 'user', resourceId: 'u-bot' }) },
    ]);
    expect(db.prepare('SELECT entitlement_key AS key, name, type, description FROM entitlements ORDER BY entitlement_key').all()).toEqual([
      { key: 'app:prod:deploy', name: 'Production deploy', type: 'app', description: null },
      { key: 'group:g-eng:member', name: 'Engineering member', type: 'group', description: 'Member of Engineering' },
    ]);
    const grants = db.prepare(`SELECT a.account_key AS account, e.entitlement_key AS entitlement, g.via FROM grants g
      JOIN accounts a ON a.id = g.account_id JOIN entitlements e ON e.id = g.entitlement_id ORDER BY 1, 2`).all();
    expect(grants).toEqual([
      { account: 'user:u-alice', entitlement: 'app:prod:deploy', via: 'group:g-eng:member' },
      { account: 'user:u-alice', entitlement: 'group:g-eng:member', via: null },
      { account: 'user:u-bot', entitlement: 'app:prod:deploy', via: null },
    ]);
    db.close();
  });

  it('the grants file alone names its accounts through each grant’s principal', async () => {
    const ws = newWorkspace(tempDir());
    const result = await importSnapshot(ws, { files: [{ path: fixture('grants.json') }], system: 'Okta', operator: 'tester', dryRun: true });
    ws.close();
    expect(result).toMatchObject({ profile: 'baton-json', accounts: 2, entitlements: 2, grants: 3 });
    expect(result.preview.accounts.map((a) => [a.key, a.accountType])).toEqual([['user:u-alice', 'human'], ['user:u-bot', 'service']]);
  });
});
