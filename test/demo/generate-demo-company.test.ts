import { describe, expect, it } from 'vitest';
import { isAttestError } from '../../src/errors.js';
import { generateDemoCompany } from '../../src/demo/generate-demo-company.js';

const FILE_NAMES = [
  'hr-roster.csv',
  'aws-credential-report.csv',
  'aws-authorization-details.json',
  'entra-users.csv',
  'google-workspace-users.csv',
  'active-directory.ldif',
  'erp-grants.csv',
  'bank-portal-users.csv',
];

describe('generateDemoCompany', () => {
  const company = generateDemoCompany();

  it('defaults to seed 20261031, asOf 2026-10-31 and a fictional org of about 300 people', () => {
    expect(company.seed).toBe(20261031);
    expect(company.asOf).toBe('2026-10-31');
    expect(company.org).toBe('Northwind Demo Ltd');
    expect(company.employees).toBeGreaterThanOrEqual(280);
    expect(company.employees).toBeLessThanOrEqual(320);
  });

  it('writes the eight export files of six systems plus HR', () => {
    expect(company.files.map((f) => f.name)).toEqual(FILE_NAMES);
    expect(new Set(company.files.map((f) => f.system))).toEqual(new Set(['hr', 'aws', 'entra', 'google', 'ad', 'erp', 'bank']));
    for (const f of company.files) {
      expect(f.content.length, f.name).toBeGreaterThan(0);
      expect(f.rows, f.name).toBeGreaterThan(0);
    }
  });

  it('gives byte-identical files and manifest for the same seed', () => {
    const again = generateDemoCompany({ seed: 20261031, asOf: '2026-10-31' });
    expect(again).toEqual(company);
    for (const [i, f] of company.files.entries()) expect(again.files[i]?.content === f.content, f.name).toBe(true);
  });

  it('gives different data for a different seed or asOf', () => {
    const other = generateDemoCompany({ seed: 7 });
    for (const [i, f] of company.files.entries()) expect(other.files[i]?.content, f.name).not.toBe(f.content);
    expect(other.planted).not.toEqual(company.planted);
    const later = generateDemoCompany({ asOf: '2027-03-31' });
    expect(later.files[0]?.content).not.toBe(company.files[0]?.content);
  });

  it('rejects a seed that is not a whole number and a malformed asOf', () => {
    const fails = (fn: () => unknown): unknown => {
      try {
        fn();
      } catch (error) {
        return error;
      }
      return null;
    };
    for (const bad of [fails(() => generateDemoCompany({ seed: 1.5 })), fails(() => generateDemoCompany({ seed: Number.NaN }))]) {
      expect(isAttestError(bad) && bad.code).toBe('INVALID_INPUT');
    }
    for (const asOf of ['2026-02-30', '31/10/2026', '1999-01-01', '']) {
      const error = fails(() => generateDemoCompany({ asOf }));
      expect(isAttestError(error) && error.code, asOf).toBe('INVALID_INPUT');
    }
  });
});
