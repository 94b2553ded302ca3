import { describe, expect, it } from 'vitest';
import { conductorOneFileProfile } from '../../../src/ingest/profiles/conductorone-file.js';
import { countsOf, readFixture, runTableProfile } from './helpers/run-table-profile.js';

describe('conductorone-file profile', () => {
  const result = runTableProfile(conductorOneFileProfile, readFixture('conductorone-identities.csv'));

  it('one account per User ID; groups and roles from comma-separated lists', () => {
    expect(countsOf(result)).toEqual({ rows: 6, identities: 0, accounts: 5, entitlements: 7, grants: 10, rejected: 1 });
    expect(result.entitlements).toEqual([
      { key: 'group:Finance Approvers', name: 'Finance Approvers', type: 'group' },
      { key: 'group:All Staff', name: 'All Staff', type: 'group' },
      { key: 'role:Admin', name: 'Admin', type: 'role' },
      { key: 'role:Approver', name: 'Approver', type: 'role' },
      { key: 'role:Viewer', name: 'Viewer', type: 'role' },
      { key: 'role:Integration', name: 'Integration', type: 'role' },
      { key: 'group:Build Runners', name: 'Build Runners', type: 'group' },
    ]);
    expect(result.grants).toEqual([
      'u-1001 → group:Finance Approvers',
      'u-1001 → group:All Staff',
      'u-1001 → role:Admin',
      'u-1002 → group:All Staff',
      'u-1002 → role:Approver',
      'u-1002 → role:Viewer',
      'u-1004 → group:All Staff',
      'u-1004 → role:Viewer',
      'u-9001 → role:Integration',
      'u-9002 → group:Build Runners',
    ]);
    expect(result.rejections).toEqual([{ line: 7, reason: 'User Status "Pending approval" is not enabled or disabled' }]);
  });

  it('maps people and service users in full', () => {
    expect(result.accounts).toEqual([
      {
        key: 'u-1001', login: 'anovak', email: 'ana.novak@example.com', displayName: 'Ana Novak', status: 'enabled', accountType: 'human',
        lastLogin: '2026-10-30T14:02:11Z', attributes: { userType: 'Human' },
      },
      {
        key: 'u-1002', login: 'bangstrom', email: 'bjorn.angstrom@example.com', displayName: 'Björn Ångström', status: 'enabled', accountType: 'human',
        lastLogin: '2026-10-12T09:00:00Z', attributes: { userType: 'Human', managerId: 'u-1001' },
      },
      {
        key: 'u-1004', login: 'dlevi', email: 'dana.levi@example.com', displayName: 'Dana Levi', status: 'disabled',
        lastLogin: '2026-09-14T17:02:44Z', attributes: { managerId: 'u-1002' },
      },
      {
        key: 'u-9001', login: 'svc-sync', displayName: 'Nightly Sync', status: 'enabled', accountType: 'service',
        lastLogin: '2026-10-31T02:00:00Z', attributes: { userType: 'Service', accountOwner: 'ana.novak@example.com' },
      },
      {
        key: 'u-9002', login: 'build-agent', displayName: 'Build Agent', status: 'enabled', accountType: 'service',
        lastLogin: null, attributes: { userType: 'System', accountOwner: 'ana.novak@example.com' },
      },
    ]);
  });

  it('a user type it does not know is kept as an attribute, not refused', () => {
    const other = runTableProfile(conductorOneFileProfile, 'User ID,Username,User Status,User Type\r\nu-1,agent-7,Enabled,Agent\r\n');
    expect(other.accounts).toEqual([{ key: 'u-1', login: 'agent-7', status: 'enabled', lastLogin: null, attributes: { userType: 'Agent' } }]);
  });
});
