import { describe, expect, it } from 'vitest';
import { googleWorkspaceUsersProfile } from '../../../src/ingest/profiles/google-workspace-users.js';
import { countsOf, fixtureHeader, readFixture, runTableProfile } from './helpers/run-table-profile.js';

describe('google-workspace-users profile', () => {
  const result = runTableProfile(googleWorkspaceUsersProfile, readFixture('google-workspace-users.csv'));

  it('matches the bracketed headers by their bare names', () => {
    expect(fixtureHeader('google-workspace-users.csv')).toContain('Last Sign In [READ ONLY]');
    expect(countsOf(result)).toEqual({ rows: 7, identities: 0, accounts: 5, entitlements: 0, grants: 0, rejected: 2 });
  });

  it('maps an active user in full: Google timestamps, 2SV as MFA, the org unit kept', () => {
    expect(result.accounts[0]).toEqual({
      key: 'ana.novak@example.com',
      login: 'ana.novak@example.com',
      email: 'ana.novak@example.com',
      displayName: 'Ana Novak',
      employeeId: 'E1001',
      status: 'enabled',
      accountType: 'human',
      mfa: true,
      lastLogin: '2026-10-30T08:15:02Z',
      attributes: { orgUnitPath: '/Executive', employeeType: 'Full-time', title: 'Chief Executive Officer', department: 'Executive', twoSvEnforced: 'True' },
    });
  });

  it('Suspended is disabled; "Never logged in" is a null last login', () => {
    expect(result.accounts[1]).toMatchObject({ key: 'dana.levi@example.com', status: 'disabled', lastLogin: '2026-09-14T17:02:44Z' });
    expect(result.accounts[2]).toMatchObject({ key: 'summer.intern@example.com', status: 'enabled', mfa: false, lastLogin: null });
  });

  it('the account type comes from Employee Type only: not guessed from the org unit', () => {
    expect(result.accounts.map((a) => [a.key, a.accountType])).toEqual([
      ['ana.novak@example.com', 'human'],
      ['dana.levi@example.com', 'external'],
      ['summer.intern@example.com', 'human'],
      ['scanner@example.com', 'human'],
      ['backup-bot@example.com', 'service'],
    ]);
    expect(result.accounts[3]?.attributes).toEqual({ orgUnitPath: '/Service Accounts', twoSvEnforced: 'False' });
  });

  it('rejects an impossible sign-in date and an unknown status, naming the field', () => {
    expect(result.rejections).toEqual([
      { line: 7, reason: 'Last Sign In "2026/13/01 10:00:00" is not a date' },
      { line: 8, reason: 'Status "Pending" is not enabled or disabled' },
    ]);
  });
});
