import { describe, expect, it } from 'vitest';
import { githubMembersProfile } from '../../../src/ingest/profiles/github-members.js';
import { countsOf, readFixture, runTableProfile } from './helpers/run-table-profile.js';

describe('github-members profile', () => {
  const result = runTableProfile(githubMembersProfile, readFixture('github-members.csv'));

  it('one account per login, its organisation role as the entitlement', () => {
    expect(countsOf(result)).toEqual({ rows: 5, identities: 0, accounts: 4, entitlements: 3, grants: 4, rejected: 1 });
    expect(result.entitlements).toEqual([
      { key: 'org:owner', name: 'org:owner', type: 'org-role', privileged: true },
      { key: 'org:member', name: 'org:member', type: 'org-role', privileged: false },
      { key: 'org:billing_manager', name: 'org:billing_manager', type: 'org-role', privileged: false },
    ]);
    expect(result.grants).toEqual(['anovak → org:owner', 'bangstrom → org:member', 'ci-bot → org:member', 'dlevi → org:billing_manager']);
    expect(result.rejections).toEqual([{ line: 6, reason: 'role "maintainer" is not owner, member, billing_manager or outside_collaborator' }]);
  });

  it('an owner is privileged; 2FA is MFA; the SAML NameID is kept', () => {
    expect(result.accounts[0]).toEqual({
      key: 'anovak',
      login: 'anovak',
      email: 'ana.novak@example.com',
      displayName: 'Ana Novak',
      status: 'enabled',
      privileged: true,
      mfa: true,
      lastLogin: '2026-10-30T14:02:11Z',
      attributes: { samlNameId: 'ana.novak@example.com' },
    });
    expect(result.accounts[1]).toEqual({
      key: 'bangstrom',
      login: 'bangstrom',
      displayName: 'Björn Ångström',
      status: 'enabled',
      mfa: false,
      lastLogin: '2026-10-12T09:00:00Z',
      attributes: { samlNameId: 'bjorn.angstrom@example.com' },
    });
    expect(result.accounts[2]).toEqual({ key: 'ci-bot', login: 'ci-bot', status: 'enabled', mfa: true, lastLogin: '2026-10-31T03:15:00Z' });
  });

  it('reads two_factor_authentication, admin for owner, and outside collaborators as external', () => {
    const text = 'login,two_factor_authentication,role\r\nroot-admin,enabled,admin\r\nhelper,disabled,Outside Collaborator\r\n';
    const other = runTableProfile(githubMembersProfile, text);
    expect(other.accounts).toEqual([
      { key: 'root-admin', login: 'root-admin', status: 'enabled', privileged: true, mfa: true, lastLogin: null },
      { key: 'helper', login: 'helper', status: 'enabled', accountType: 'external', mfa: false, lastLogin: null },
    ]);
    expect(other.grants).toEqual(['root-admin → org:owner', 'helper → org:outside_collaborator']);
  });
});
