import { describe, expect, it } from 'vitest';
import { TABLE_PROFILES } from '../../../src/ingest/profiles/table-profiles.js';
import { fixtureHeader } from './helpers/run-table-profile.js';

const GENERIC = new Set(['hr', 'grants']);

/** Every table fixture and the profile that must claim it. */
const FIXTURES: Record<string, string> = {
  'hr-roster.csv': 'hr',
  'hr-roster-synonyms-day-first.csv': 'hr',
  'grants.csv': 'grants',
  'aws-credential-report.csv': 'aws-credential-report',
  'entra-users.csv': 'entra-users',
  'google-workspace-users.csv': 'google-workspace-users',
  'github-members.csv': 'github-members',
  'okta-password-health.csv': 'okta-password-health',
  'salesforce-users.csv': 'salesforce-users',
  'salesforce-permission-sets.csv': 'salesforce-permission-sets',
  'conductorone-identities.csv': 'conductorone-file',
  'vanta-access.csv': 'vanta-access',
};

function ranked(header: readonly string[]) {
  return TABLE_PROFILES.map((p) => ({ name: p.name, score: p.detect(header) })).sort((a, b) => b.score - a.score);
}

describe('table profile detection', () => {
  it('every profile has a fixture', () => {
    expect(new Set(Object.values(FIXTURES))).toEqual(new Set(TABLE_PROFILES.map((p) => p.name)));
  });

  it.each(Object.entries(FIXTURES))('%s is claimed by %s, by a clear margin', (fixture, expected) => {
    const [best, next] = ranked(fixtureHeader(fixture));
    expect(best?.name).toBe(expected);
    expect(best?.score).toBeGreaterThanOrEqual(0.5);
    expect((best?.score ?? 0) - (next?.score ?? 0)).toBeGreaterThanOrEqual(0.2);
  });

  it.each(Object.entries(FIXTURES).filter(([, name]) => !GENERIC.has(name)))('on %s the generic layouts stay below %s', (fixture, expected) => {
    const scores = Object.fromEntries(ranked(fixtureHeader(fixture)).map((c) => [c.name, c.score]));
    const vendor = scores[expected] ?? 0;
    expect(scores.hr).toBeLessThanOrEqual(0.7);
    expect(scores.grants).toBeLessThanOrEqual(0.75);
    expect(vendor - Math.max(scores.hr ?? 0, scores.grants ?? 0)).toBeGreaterThanOrEqual(0.2);
  });

  it('vendor formats are recognised whatever the case, spacing and punctuation of their headers', () => {
    const [best] = ranked(['USER', 'ARN', 'MFA Active', 'Password Last Used']);
    expect(best).toEqual({ name: 'aws-credential-report', score: 0.95 });
    expect(ranked(['Email Address', 'Org Unit Path', 'Status', 'Last Sign In'])[0]?.name).toBe('google-workspace-users');
  });

  it('the generic layouts answer moderately, and not at all without their key columns', () => {
    expect(ranked(['User Name', 'Mail', 'Role', 'State'])[0]).toEqual({ name: 'grants', score: 0.5 + 0.25 * (2 / 8) });
    expect(ranked(['Employee ID', 'Email', 'Status'])[0]).toEqual({ name: 'hr', score: 0.5 });
    expect(TABLE_PROFILES.find((p) => p.name === 'hr')?.detect(['Employee ID', 'Email'])).toBe(0);
    expect(TABLE_PROFILES.find((p) => p.name === 'grants')?.detect(['Account', 'Email'])).toBe(0);
  });

  it('an unrelated or empty header is claimed by nothing', () => {
    for (const header of [[], ['Invoice', 'Amount', 'Currency'], ['']]) {
      expect(ranked(header).filter((c) => c.score > 0)).toEqual([]);
    }
  });
});

describe('TABLE_PROFILES', () => {
  it('names are unique; each profile is a table profile with a one-line description and sound fields', () => {
    expect(new Set(TABLE_PROFILES.map((p) => p.name)).size).toBe(TABLE_PROFILES.length);
    for (const profile of TABLE_PROFILES) {
      expect(profile.kind).toBe('table');
      expect(profile.content).toBe(profile.name === 'hr' ? 'identities' : 'access');
      expect(profile.description).toMatch(/^[^\n]{10,120}$/);
      expect(profile.fields.some((f) => f.required), profile.name).toBe(true);
      expect(new Set(profile.fields.map((f) => f.name)).size, profile.name).toBe(profile.fields.length);
    }
  });
});
