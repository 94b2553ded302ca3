import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../src/demo/generate-demo-company.js';
import { fileText } from './helpers/findings.js';
import { readCsv } from './helpers/csv.js';

const DAY_MS = 86_400_000;

for (const seed of [20261031, 1, 99]) {
  describe(`HR roster (seed ${seed})`, () => {
    const company = generateDemoCompany({ seed });
    const { records } = readCsv(fileText(company, 'hr-roster.csv'));
    const asOf = Date.parse(`${company.asOf}T00:00:00Z`);

    it('has about 300 employees with unique ids like E1001 and unique e-mails', () => {
      expect(records.length).toBe(company.employees);
      expect(records.length).toBeGreaterThanOrEqual(280);
      const ids = records.map((r) => r['Employee ID']);
      expect(ids.every((id) => /^E\d{4}$/.test(id ?? ''))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      const emails = records.map((r) => (r.Email ?? '').toLowerCase());
      expect(emails.every((e) => /^[a-z][a-z0-9.-]*@northwind-demo\.example$/.test(e))).toBe(true);
      expect(new Set(emails).size).toBe(emails.length);
    });

    it('has one CEO and a manager hierarchy without cycles, every manager an existing active employee', () => {
      const byId = new Map(records.map((r) => [r['Employee ID'] ?? '', r]));
      const roots = records.filter((r) => r['Manager Employee ID'] === '');
      expect(roots.map((r) => r.Title)).toEqual(['Chief Executive Officer']);
      for (const r of records) {
        const manager = r['Manager Employee ID'] ?? '';
        if (manager === '') continue;
        expect(manager).not.toBe(r['Employee ID']);
        expect(byId.get(manager)?.Status, `${r['Employee ID']}'s manager`).toBe('Active');
        const seen = new Set<string>();
        let at: string | undefined = r['Employee ID'];
        while (at) {
          expect(seen.has(at), `cycle through ${at}`).toBe(false);
          seen.add(at);
          at = byId.get(at)?.['Manager Employee ID'] || undefined;
        }
        expect(seen.has(roots[0]?.['Employee ID'] ?? '')).toBe(true);
      }
    });

    it('has 6-8% terminated within the year before asOf, each with a termination date after the hire date', () => {
      const terminated = records.filter((r) => r.Status === 'Terminated');
      expect(terminated.length / records.length).toBeGreaterThanOrEqual(0.06);
      expect(terminated.length / records.length).toBeLessThanOrEqual(0.08);
      for (const r of terminated) {
        const end = Date.parse(`${r['Termination Date']}T00:00:00Z`);
        expect(end).toBeLessThan(asOf);
        expect(end).toBeGreaterThanOrEqual(asOf - 365 * DAY_MS);
        expect(end).toBeGreaterThan(Date.parse(`${r['Hire Date']}T00:00:00Z`));
      }
      for (const r of records.filter((x) => x.Status !== 'Terminated')) expect(r['Termination Date']).toBe('');
      expect(new Set(records.map((r) => r.Status))).toEqual(new Set(['Active', 'Leave', 'Terminated']));
    });

    it('spreads people over the departments and hires nobody after asOf', () => {
      const departments = new Set(records.map((r) => r.Department));
      for (const d of ['Finance', 'Engineering', 'Sales', 'HR', 'IT', 'Operations', 'Legal', 'Marketing']) expect(departments.has(d)).toBe(true);
      for (const r of records) expect(Date.parse(`${r['Hire Date']}T00:00:00Z`)).toBeLessThan(asOf);
    });
  });
}
