import { describe, expect, it } from 'vitest';
import { entraUsersProfile } from '../../../src/ingest/profiles/entra-users.js';
import { countsOf, readFixture, runTableProfile } from './helpers/run-table-profile.js';

describe('entra-users profile', () => {
  const result = runTableProfile(entraUsersProfile, readFixture('entra-users.csv'));

  it('one account per user, keyed by objectId, the UPN when there is none', () => {
    expect(countsOf(result)).toEqual({ rows: 7, identities: 0, accounts: 6, entitlements: 0, grants: 0, rejected: 1 });
    expect(result.accounts.map((a) => [a.key, a.status, a.accountType])).toEqual([
      ['6f1d2c3b-0a4e-4f5a-9b8c-1d2e3f4a5b6c', 'enabled', 'human'],
      ['7a2e3d4c-1b5f-4a6b-8c9d-2e3f4a5b6c7d', 'disabled', 'human'],
      ['8b3f4e5d-2c6a-4b7c-9d0e-3f4a5b6c7d8e', 'enabled', 'external'],
      ['9c4a5f6e-3d7b-4c8d-8e1f-4a5b6c7d8e9f', 'enabled', 'external'],
      ['0d5b6a7f-4e8c-4d9e-9f2a-5b6c7d8e9f0a', 'enabled', 'human'],
      ['o.brien@example.com', 'enabled', 'human'],
    ]);
    expect(result.rejections).toEqual([{ line: 8, reason: 'accountEnabled "maybe" is not yes/no' }]);
  });

  it('maps a member in full', () => {
    expect(result.accounts[0]).toEqual({
      key: '6f1d2c3b-0a4e-4f5a-9b8c-1d2e3f4a5b6c',
      login: 'ana.novak@example.com',
      email: 'ana.novak@example.com',
      displayName: 'Ana Novak',
      status: 'enabled',
      accountType: 'human',
      attributes: { userType: 'Member', jobTitle: 'Chief Executive Officer', department: 'Executive' },
    });
  });

  it('a guest is external by userType, or by #EXT# in the UPN whatever userType says', () => {
    expect(result.accounts[2]).toEqual({
      key: '8b3f4e5d-2c6a-4b7c-9d0e-3f4a5b6c7d8e',
      login: 'billing_acme-consulting.example#EXT#@example.onmicrosoft.com',
      email: 'billing@acme-consulting.example',
      displayName: 'Acme Consulting (Guest)',
      status: 'enabled',
      accountType: 'external',
      attributes: { userType: 'Guest' },
    });
    expect(result.accounts[3]).toMatchObject({ accountType: 'external', attributes: { userType: 'Member' } });
  });

  it('a quoted display name with a comma and an apostrophe survives', () => {
    expect(result.accounts[5]).toEqual({
      key: 'o.brien@example.com',
      login: 'o.brien@example.com',
      email: 'o.brien@example.com',
      displayName: "O'Brien, Siobhán",
      status: 'enabled',
      accountType: 'human',
      attributes: { userType: 'Member', jobTitle: 'Director, Sales', department: 'Sales' },
    });
  });
});
