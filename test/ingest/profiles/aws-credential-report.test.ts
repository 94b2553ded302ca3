import { describe, expect, it } from 'vitest';
import { awsCredentialReportProfile } from '../../../src/ingest/profiles/aws-credential-report.js';
import { countsOf, readFixture, runTableProfile } from './helpers/run-table-profile.js';

describe('aws-credential-report profile', () => {
  const result = runTableProfile(awsCredentialReportProfile, readFixture('aws-credential-report.csv'));

  it('one account per user and root, keyed by ARN; no entitlements in this file', () => {
    expect(countsOf(result)).toEqual({ rows: 5, identities: 0, accounts: 5, entitlements: 0, grants: 0, rejected: 0 });
    expect(result.accounts.map((a) => a.key)).toEqual([
      'arn:aws:iam::123456789012:root',
      'arn:aws:iam::123456789012:user/ana.novak',
      'arn:aws:iam::123456789012:user/bjorn.angstrom',
      'arn:aws:iam::123456789012:user/dana.levi',
      'arn:aws:iam::123456789012:user/service/svc-ci-deploy',
    ]);
  });

  it('the root user is a privileged human account, marked root; not_supported and N/A are "no date"', () => {
    expect(result.accounts[0]).toEqual({
      key: 'arn:aws:iam::123456789012:root',
      login: '<root_account>',
      status: 'enabled',
      accountType: 'human',
      privileged: true,
      mfa: true,
      createdOn: '2019-04-02',
      lastLogin: '2026-07-01T08:00:00Z',
      attributes: { root: 'true', passwordEnabled: 'not_supported', accessKey1Active: 'false', accessKey2Active: 'false' },
    });
  });

  it('last login is the latest of the password and both access keys', () => {
    expect(result.accounts[1]).toEqual({
      key: 'arn:aws:iam::123456789012:user/ana.novak',
      login: 'ana.novak',
      status: 'enabled',
      mfa: true,
      createdOn: '2020-01-15',
      lastLogin: '2026-10-31T06:12:44Z',
      attributes: { path: '/', passwordEnabled: 'true', accessKey1Active: 'true', accessKey2Active: 'false' },
    });
    expect(result.accounts[4]).toEqual({
      key: 'arn:aws:iam::123456789012:user/service/svc-ci-deploy',
      login: 'svc-ci-deploy',
      status: 'enabled',
      // No console password: MFA does not apply (null), it is not "off".
      mfa: null,
      createdOn: '2021-09-01',
      lastLogin: '2026-10-31T01:02:03Z',
      attributes: { path: '/service/', passwordEnabled: 'false', accessKey1Active: 'true', accessKey2Active: 'true' },
    });
  });

  it('no_information (a password never used) is a null last login; offsets are converted to UTC', () => {
    expect(result.accounts[2]).toMatchObject({ login: 'bjorn.angstrom', mfa: false, lastLogin: null });
    // 2019-09-30T22:00:00-05:00 is already 1 October in UTC; 23:30 at -02:00 is 01:30 the next day.
    expect(result.accounts[3]).toMatchObject({ login: 'dana.levi', createdOn: '2019-10-01', lastLogin: '2026-09-15T01:30:00Z' });
  });

  it('a row it cannot read is rejected with the field named', () => {
    const text = readFixture('aws-credential-report.csv').replace('svc-ci-deploy,2021-09-01T00:00:00+00:00,false,N/A,N/A,N/A,false', 'svc-ci-deploy,2021-09-01T00:00:00+00:00,false,N/A,N/A,N/A,unknown');
    expect(runTableProfile(awsCredentialReportProfile, text).rejections).toEqual([{ line: 6, reason: 'mfa_active "unknown" is not yes/no' }]);
  });
});
