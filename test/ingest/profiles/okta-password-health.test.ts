import { describe, expect, it } from 'vitest';
import { oktaPasswordHealthProfile } from '../../../src/ingest/profiles/okta-password-health.js';
import { countsOf, readFixture, runTableProfile } from './helpers/run-table-profile.js';

describe('okta-password-health profile', () => {
  const result = runTableProfile(oktaPasswordHealthProfile, readFixture('okta-password-health.csv'));

  it('one account per login, no entitlements', () => {
    expect(countsOf(result)).toEqual({ rows: 6, identities: 0, accounts: 5, entitlements: 0, grants: 0, rejected: 1 });
    expect(result.rejections).toEqual([{ line: 7, reason: 'Status "ARCHIVED" is not enabled or disabled' }]);
  });

  it('maps a user in full, reading US 12-hour dates', () => {
    expect(result.accounts[0]).toEqual({
      key: 'ana.novak@example.com',
      login: 'ana.novak@example.com',
      email: 'ana.novak@example.com',
      displayName: 'Ana Novak',
      status: 'enabled',
      createdOn: '2015-03-02',
      lastLogin: '2026-10-30T14:02:11Z',
      attributes: { oktaStatus: 'ACTIVE', authenticationSource: 'OKTA', passwordChanged: '2026-06-01T12:00:00Z' },
    });
  });

  it('only deprovisioned and suspended users are disabled; the Okta status is kept', () => {
    expect(result.accounts.map((a) => [a.login, a.status, a.attributes?.oktaStatus])).toEqual([
      ['ana.novak@example.com', 'enabled', 'ACTIVE'],
      ['chidi.okafor@example.com', 'enabled', 'LOCKED_OUT'],
      ['dana.levi@example.com', 'disabled', 'DEPROVISIONED'],
      ['eunji.park@example.com', 'enabled', 'PASSWORD_EXPIRED'],
      ['fhaddad', 'disabled', 'SUSPENDED'],
    ]);
  });

  it('Never is a null date; a login that is not an e-mail address is no e-mail', () => {
    expect(result.accounts[3]).toMatchObject({ lastLogin: null });
    expect(result.accounts[2]?.attributes).not.toHaveProperty('passwordChanged');
    expect(result.accounts[4]).toEqual({
      key: 'fhaddad',
      login: 'fhaddad',
      displayName: 'Farid Haddad',
      status: 'disabled',
      createdOn: '2022-02-14',
      lastLogin: '2026-10-29T23:59:59Z',
      attributes: { oktaStatus: 'SUSPENDED', authenticationSource: 'OKTA', passwordChanged: '2022-02-14T00:30:00Z' },
    });
  });
});
