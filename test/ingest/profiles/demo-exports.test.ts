import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../../src/demo/generate-demo-company.js';
import { TABLE_PROFILES } from '../../../src/ingest/profiles/table-profiles.js';
import { splitCsv } from './helpers/split-csv.js';
import { runTableProfile } from './helpers/run-table-profile.js';

/** The demo company's CSV exports, written by independent code: each must be recognised and read without a rejection. */
const EXPECTED: Record<string, string> = {
  'hr-roster.csv': 'hr',
  'aws-credential-report.csv': 'aws-credential-report',
  'entra-users.csv': 'entra-users',
  'google-workspace-users.csv': 'google-workspace-users',
  'erp-grants.csv': 'grants',
  'bank-portal-users.csv': 'grants',
};

describe('the demo company exports', () => {
  const files = generateDemoCompany().files.filter((f) => f.name.endsWith('.csv'));

  it('are the CSV files this test knows', () => {
    expect(files.map((f) => f.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s is detected as %s and read whole', (name, profileName) => {
    const file = files.find((f) => f.name === name);
    if (!file) throw new Error(`no demo file ${name}`);
    const scores = TABLE_PROFILES.map((p) => ({ name: p.name, score: p.detect(splitCsv(file.content).header) })).sort((a, b) => b.score - a.score);
    expect(scores[0]?.name).toBe(profileName);
    expect((scores[0]?.score ?? 0) - (scores[1]?.score ?? 0)).toBeGreaterThanOrEqual(0.2);
    const profile = TABLE_PROFILES.find((p) => p.name === profileName);
    if (!profile) throw new Error(`no profile ${profileName}`);
    const result = runTableProfile(profile, file.content);
    expect(result.rejections).toEqual([]);
    expect(result.conflicts).toEqual([]);
    expect(result.rowsRead).toBe(file.rows);
    if (profileName === 'hr') expect(result.identities).toHaveLength(file.rows);
    else expect(result.accounts.length).toBeGreaterThan(0);
  });
});
