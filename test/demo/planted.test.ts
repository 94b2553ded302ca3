import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../src/demo/generate-demo-company.js';
import { PLANTED_TYPES, buildPlantedManifest } from '../../src/demo/planted.js';
import { manifestKeys, recomputeFindings } from './helpers/findings.js';

const cases: { seed?: number; asOf?: string }[] = [{}, { seed: 1 }, { seed: 2 }, { seed: 42 }, { seed: 123_456_789 }, { seed: 5, asOf: '2024-03-15' }];

describe('planted findings', () => {
  for (const options of cases) {
    it(`the manifest is exactly what the files show (${JSON.stringify(options)})`, () => {
      const company = generateDemoCompany(options);
      expect(recomputeFindings(company)).toEqual(manifestKeys(company));
    });
  }

  it('plants a handful (3-8) of every type', () => {
    const company = generateDemoCompany();
    const counts = buildPlantedManifest(company).counts;
    for (const type of PLANTED_TYPES) {
      expect(counts[type], type).toBeGreaterThanOrEqual(3);
      expect(counts[type], type).toBeLessThanOrEqual(8);
    }
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(company.planted.length);
  });

  it('covers the cases the demo promises', () => {
    const { planted } = generateDemoCompany();
    const of = (type: string) => planted.filter((c) => c.type === type);
    expect(of('leaver').some((c) => c.detail.includes('AFTER the termination date'))).toBe(true);
    expect(new Set(of('leaver').map((c) => c.system)).size).toBeGreaterThanOrEqual(3);
    expect(of('orphan').map((c) => c.account)).toEqual(expect.arrayContaining(['jdoe.old']));
    expect(of('orphan').every((c) => c.employeeId === null)).toBe(true);
    expect(of('privileged').map((c) => c.system)).toEqual(expect.arrayContaining(['aws', 'ad', 'erp', 'bank']));
    expect(of('noMfa').map((c) => c.system)).toEqual(expect.arrayContaining(['aws', 'google']));
    expect(of('sodConflict').some((c) => c.system === 'erp+bank')).toBe(true);
    const rules = of('sodConflict').map((c) => c.detail.slice(0, 6));
    expect(rules).toEqual(expect.arrayContaining(['SOD-01', 'SOD-02', 'SOD-04']));
    expect(of('dormant').some((c) => c.detail.toLowerCase().includes('never'))).toBe(true);
  });

  it('stays exact and never fails to plant across many seeds', () => {
    for (let seed = 100; seed < 130; seed++) {
      const company = generateDemoCompany({ seed });
      expect(recomputeFindings(company), `seed ${seed}`).toEqual(manifestKeys(company));
    }
  });
});
