import { describe, expect, it } from 'vitest';
import { salesforcePermissionSetsProfile } from '../../../src/ingest/profiles/salesforce-permission-sets.js';
import { salesforceUsersProfile } from '../../../src/ingest/profiles/salesforce-users.js';
import { CollectingSink } from './helpers/collecting-sink.js';
import { countsOf, readFixture, runTableProfile } from './helpers/run-table-profile.js';

describe('salesforce-users profile', () => {
  const result = runTableProfile(salesforceUsersProfile, readFixture('salesforce-users.csv'));

  it('one account per Id, with its profile and role as entitlements', () => {
    expect(countsOf(result)).toEqual({ rows: 6, identities: 0, accounts: 5, entitlements: 6, grants: 7, rejected: 1 });
    expect(result.entitlements).toEqual([
      { key: 'profile:00eHs000001SysAdm', name: 'profile:00eHs000001SysAdm', type: 'profile' },
      { key: 'role:00EHs000000CeoRl', name: 'role:00EHs000000CeoRl', type: 'role' },
      { key: 'profile:00eHs000001StdUsr', name: 'profile:00eHs000001StdUsr', type: 'profile' },
      { key: 'role:00EHs000000FinRl', name: 'role:00EHs000000FinRl', type: 'role' },
      { key: 'profile:00eHs000001PrtCom', name: 'profile:00eHs000001PrtCom', type: 'profile' },
      { key: 'profile:00eHs000001AutoPr', name: 'profile:00eHs000001AutoPr', type: 'profile' },
    ]);
    expect(result.grants).toEqual([
      '005Hs00000AbCdEIAV → profile:00eHs000001SysAdm',
      '005Hs00000AbCdEIAV → role:00EHs000000CeoRl',
      '005Hs00000BcDeFIAV → profile:00eHs000001StdUsr',
      '005Hs00000CdEfGIAV → profile:00eHs000001StdUsr',
      '005Hs00000CdEfGIAV → role:00EHs000000FinRl',
      '005Hs00000DeFgHIAV → profile:00eHs000001PrtCom',
      '005Hs00000EfGhIIAV → profile:00eHs000001AutoPr',
    ]);
    expect(result.rejections).toEqual([{ line: 7, reason: 'IsActive "perhaps" is not yes/no' }]);
  });

  it('maps a user in full: Salesforce timestamps, IsActive, UserType', () => {
    expect(result.accounts[0]).toEqual({
      key: '005Hs00000AbCdEIAV',
      login: 'ana.novak@example.com.prod',
      email: 'ana.novak@example.com',
      displayName: 'Ana Novak',
      status: 'enabled',
      accountType: 'human',
      createdOn: '2019-04-02',
      lastLogin: '2026-10-30T14:02:11Z',
      attributes: { alias: 'anova', userType: 'Standard', department: 'Executive', division: 'EMEA' },
    });
    expect(result.accounts.map((a) => [a.login, a.status, a.accountType, a.lastLogin])).toEqual([
      ['ana.novak@example.com.prod', 'enabled', 'human', '2026-10-30T14:02:11Z'],
      ['bjorn.angstrom@example.com.prod', 'enabled', 'human', null],
      ['dana.levi@example.com.prod', 'disabled', 'human', '2026-09-14T17:02:44Z'],
      ['partner.user@acme-consulting.example', 'enabled', 'external', '2026-10-01T09:00:00Z'],
      ['autoproc@00dhs000000abcd.example', 'enabled', 'service', null],
    ]);
  });
});

describe('salesforce-permission-sets profile', () => {
  const result = runTableProfile(salesforcePermissionSetsProfile, readFixture('salesforce-permission-sets.csv'));

  it('grants permission sets and groups; revoked and inactive assignments are rejected with their reason', () => {
    expect(countsOf(result)).toEqual({ rows: 7, identities: 0, accounts: 3, entitlements: 3, grants: 4, rejected: 3 });
    expect(result.entitlements).toEqual([
      { key: 'permset:0PSHs000000ModAll', name: 'permset:0PSHs000000ModAll', type: 'permission-set' },
      { key: 'permset:0PSHs000000ApiOnly', name: 'permset:0PSHs000000ApiOnly', type: 'permission-set' },
      { key: 'permsetgroup:0PGHs0000000FinOp', name: 'permsetgroup:0PGHs0000000FinOp', type: 'permission-set-group' },
    ]);
    expect(result.grants).toEqual([
      '005Hs00000AbCdEIAV → permset:0PSHs000000ModAll',
      '005Hs00000AbCdEIAV → permset:0PSHs000000ApiOnly',
      '005Hs00000BcDeFIAV → permsetgroup:0PGHs0000000FinOp',
      '005Hs00000ZzZzZIAV → permset:0PSHs000000ApiOnly',
    ]);
    expect(result.rejections).toEqual([
      { line: 5, reason: 'IsRevoked is true: the assignment was revoked' },
      { line: 6, reason: 'IsActive is false: the assignment is not active' },
      { line: 8, reason: 'AssigneeId is empty' },
    ]);
  });

  it('on its own, an assignee is an account known by its Id only', () => {
    expect(result.accounts).toEqual([
      { key: '005Hs00000AbCdEIAV', login: '005Hs00000AbCdEIAV', status: 'enabled' },
      { key: '005Hs00000BcDeFIAV', login: '005Hs00000BcDeFIAV', status: 'enabled' },
      { key: '005Hs00000ZzZzZIAV', login: '005Hs00000ZzZzZIAV', status: 'enabled' },
    ]);
  });

  it('imported with the users in one snapshot, grants land on the users without contradicting them', () => {
    const sink = new CollectingSink();
    runTableProfile(salesforceUsersProfile, readFixture('salesforce-users.csv'), { sink });
    const both = runTableProfile(salesforcePermissionSetsProfile, readFixture('salesforce-permission-sets.csv'), { sink });
    expect(countsOf(both)).toEqual({ rows: 13, identities: 0, accounts: 6, entitlements: 9, grants: 11, rejected: 4 });
    expect(both.conflicts).toEqual([]);
    expect(both.accounts[0]).toMatchObject({ key: '005Hs00000AbCdEIAV', login: 'ana.novak@example.com.prod', status: 'enabled' });
    expect(both.grants.filter((g) => g.startsWith('005Hs00000AbCdEIAV'))).toEqual([
      '005Hs00000AbCdEIAV → profile:00eHs000001SysAdm',
      '005Hs00000AbCdEIAV → role:00EHs000000CeoRl',
      '005Hs00000AbCdEIAV → permset:0PSHs000000ModAll',
      '005Hs00000AbCdEIAV → permset:0PSHs000000ApiOnly',
    ]);
    // An assignee the user file does not have stays a minimal account.
    expect(both.accounts[5]).toEqual({ key: '005Hs00000ZzZzZIAV', login: '005Hs00000ZzZzZIAV', status: 'enabled' });
  });
});
