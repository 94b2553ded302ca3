import { describe, expect, it } from 'vitest';
import { vantaAccessProfile } from '../../../src/ingest/profiles/vanta-access.js';
import { countsOf, readFixture, runTableProfile } from './helpers/run-table-profile.js';

describe('vanta-access profile', () => {
  const result = runTableProfile(vantaAccessProfile, readFixture('vanta-access.csv'));

  it('one account per account name; roles from a comma-separated list', () => {
    expect(countsOf(result)).toEqual({ rows: 6, identities: 0, accounts: 5, entitlements: 5, grants: 7, rejected: 1 });
    expect(result.entitlements).toEqual([
      { key: 'Admin', name: 'Admin', type: 'role' },
      { key: 'Billing', name: 'Billing', type: 'role' },
      { key: 'Support', name: 'Support', type: 'role' },
      { key: 'Viewer', name: 'Viewer', type: 'role' },
      { key: 'Deployer', name: 'Deployer', type: 'role' },
    ]);
    expect(result.grants).toEqual([
      'ana.novak → Admin',
      'ana.novak → Billing',
      'acme-support → Support',
      'old-shared-login → Viewer',
      'deploy-bot → Deployer',
      'deploy-bot → Viewer',
      'dana.levi → Viewer',
    ]);
    expect(result.rejections).toEqual([{ line: 7, reason: 'Status "Unknown" is not enabled or disabled' }]);
  });

  it('the owner column: an e-mail, External user, No owner, Not a person', () => {
    expect(result.accounts).toEqual([
      {
        key: 'ana.novak', login: 'ana.novak', email: 'ana.novak@example.com', status: 'enabled', createdOn: '2019-04-02',
        attributes: { accountOwner: 'ana.novak@example.com', accessAppropriate: 'Yes' },
      },
      { key: 'acme-support', login: 'acme-support', status: 'enabled', accountType: 'external', createdOn: '2024-02-01', attributes: { accountOwner: 'External user' } },
      { key: 'old-shared-login', login: 'old-shared-login', status: 'enabled', createdOn: '2018-01-15', attributes: { accountOwner: 'No owner', accessAppropriate: 'No' } },
      {
        key: 'deploy-bot', login: 'deploy-bot', status: 'enabled', accountType: 'service', createdOn: '2021-09-01',
        attributes: { accountOwner: 'Not a person', accessAppropriate: 'Yes' },
      },
      {
        key: 'dana.levi', login: 'dana.levi', email: 'dana.levi@example.com', status: 'disabled', createdOn: '2019-09-30',
        attributes: { accountOwner: 'dana.levi@example.com', deactivatedOn: '2026-09-15' },
      },
    ]);
  });

  it('the current layout without the older date columns', () => {
    const other = runTableProfile(vantaAccessProfile, 'Account name,Account owner,Role,Status\r\nbob,bob@example.com,Editor,Active\r\n');
    expect(other.accounts).toEqual([{ key: 'bob', login: 'bob', email: 'bob@example.com', status: 'enabled', createdOn: null, attributes: { accountOwner: 'bob@example.com' } }]);
  });
});
