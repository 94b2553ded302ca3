import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../src/api/invoke.js';
import { ApiSession } from '../../src/api/session.js';
import { findProfile } from '../../src/ingest/choose-profile.js';
import type { TableProfile } from '../../src/ingest/profile.js';
import { countsOf, readFixture, runTableProfile } from './profiles/helpers/run-table-profile.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const tempDir = useTempDirs();
const session = new ApiSession();
const fixture = (dir: string, name: string): string => fileURLToPath(new URL(`../fixtures/${dir}/${name}`, import.meta.url));

beforeAll(async () => {
  const result = await invoke('workspace.create', { path: join(tempDir(), 'profiles.attest'), passphrase: PASSPHRASE }, { session });
  expect(result.ok).toBe(true);
});
afterAll(() => session.close());

async function importFixture(path: string, system: string) {
  const result = await invoke('import.run', { files: [{ path }], system }, { session });
  if (!result.ok) throw new Error(`${system}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Each table fixture and the profile that must be detected for it. */
const TABLE_FIXTURES: [file: string, profile: string][] = [
  ['hr-roster.csv', 'hr'],
  ['hr-roster-synonyms-day-first.csv', 'hr'],
  ['grants.csv', 'grants'],
  ['aws-credential-report.csv', 'aws-credential-report'],
  ['entra-users.csv', 'entra-users'],
  ['google-workspace-users.csv', 'google-workspace-users'],
  ['github-members.csv', 'github-members'],
  ['okta-password-health.csv', 'okta-password-health'],
  ['salesforce-users.csv', 'salesforce-users'],
  ['conductorone-identities.csv', 'conductorone-file'],
  ['vanta-access.csv', 'vanta-access'],
];

describe('every profile fixture through the real import (detection, reader, writer)', () => {
  it.each(TABLE_FIXTURES)('%s is detected as %s and lands exactly as the profile maps it', async (file, profile) => {
    const expected = countsOf(runTableProfile(findProfile(profile) as TableProfile, readFixture(file)));
    const landed = await importFixture(fixture('profiles', file), file);
    expect(landed.profile).toBe(profile);
    expect({
      rows: landed.rowsRead,
      identities: landed.identities,
      accounts: landed.accounts,
      entitlements: landed.entitlements,
      grants: landed.grants,
      rejected: landed.rowsRejected,
    }).toEqual(expected);
    expect(landed.rowsImported).toBeGreaterThan(0);
  });

  it('salesforce users and permission sets given together make one snapshot', async () => {
    const result = await invoke(
      'import.run',
      { files: [{ path: fixture('profiles', 'salesforce-users.csv') }, { path: fixture('profiles', 'salesforce-permission-sets.csv') }], system: 'Salesforce' },
      { session },
    );
    expect(result.ok && result.value.profile).toBe('salesforce-users+salesforce-permission-sets');
    const alone = countsOf(runTableProfile(findProfile('salesforce-users') as TableProfile, readFixture('salesforce-users.csv')));
    expect(result.ok && result.value.accounts).toBe(alone.accounts);
    expect(result.ok && result.value.grants).toBeGreaterThan(alone.grants);
  });

  it('the AWS authorization details JSON and the AD LDIF are detected and land', async () => {
    const aws = await importFixture(fixture('profiles-structured', 'aws-authorization-details.json'), 'AWS');
    expect(aws).toMatchObject({ profile: 'aws-authorization-details', rowsRead: 13, rowsRejected: 1, accounts: 5, entitlements: 15, grants: 21 });
    expect(aws.rejected).toEqual([{ file: 'aws-authorization-details.json', line: 6, reason: 'UserDetailList[5] has no UserName' }]);
    const ad = await importFixture(fixture('profiles-structured', 'ad-export.ldif'), 'AD');
    // Both sides name each membership (memberOf on the user, member on the group): one grant each.
    expect(ad).toMatchObject({ profile: 'ad-ldif', rowsRead: 11, rowsRejected: 0, accounts: 6, entitlements: 3, grants: 6, duplicateGrants: 6 });
  });
});
