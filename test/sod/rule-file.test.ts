import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { compileGlob } from '../../src/sod/glob.js';
import { readRuleFile } from '../../src/sod/read-rule-file.js';
import { exportRuleSet, importRuleSet } from '../../src/sod/rule-set.js';
import { loadRules } from '../../src/sod/rule-store.js';
import { STARTER_RULES_PATH } from '../../src/sod/starter-rules.js';
import { failure } from '../helpers/attest-failure.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace } from '../helpers/workspace.js';

const tempDir = useTempDirs();

const HEADER = 'Rule ID,Rule Name,Risk,Side,System,Entitlement,Group,Finding,Business Process,Description,Mitigating Control';
const RICH_RULES = [
  HEADER,
  'X-1,Vendor and pay,critical,A,ERP,Vendor Master,,,Procure to pay,"Create a vendor, then pay it",CTL-1: Vendor changes reviewed monthly',
  'X-1,Vendor and pay,critical,B,ERP,Payment*,,,Procure to pay,"Create a vendor, then pay it",CTL-1: Vendor changes reviewed monthly',
  'X-1,Vendor and pay,critical,B,Bank,=Approve,,,Procure to pay,"Create a vendor, then pay it",CTL-1: Vendor changes reviewed monthly',
  'X-2,Three ways,medium,A,ERP,PO Create,,,,,',
  'X-2,Three ways,medium,B,ERP,Receipt,both,,,,',
  'X-2,Three ways,medium,B,ERP,Receipt Post,both,,,,',
  'X-2,Three ways,medium,C,,,,leaver,,,',
].join('\r\n');

function file(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('SoD rule files', () => {
  it('globs: * is any run of characters, case-insensitive; nothing else is special', () => {
    expect(compileGlob('Payment*')('payment approver')).toBe(true);
    expect(compileGlob('Payment*')('Payments')).toBe(true);
    expect(compileGlob('Payment *')('Payments')).toBe(false);
    expect(compileGlob('*Admin*')('Domain Admins')).toBe(true);
    expect(compileGlob('a*b*a')('aba')).toBe(true);
    expect(compileGlob('a*b*a')('ab')).toBe(false);
    expect(compileGlob('GL (Entry)?')('GL (Entry)?')).toBe(true);
    expect(compileGlob('GL.Entry')('GL Entry')).toBe(false);
  });

  it('a CSV and an XLSX export each import back to the same rules (groups, findings, controls, formula-like text)', async () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    await importRuleSet(ws, { path: file(dir, 'rich.csv', RICH_RULES), operator: 'tester' });
    await importRuleSet(ws, { starter: true, operator: 'tester' });
    const rules = loadRules(ws.db);
    expect(rules.map((r) => r.id)).toEqual(['ITG-01', 'ITG-02', 'ITG-03', 'P2P-01', 'P2P-02', 'P2P-03', 'PAY-01', 'R2R-01', 'TRE-01', 'X-1', 'X-2']);
    expect(rules.find((r) => r.id === 'X-2')?.sides[1]?.alternatives).toEqual([{ group: 'both', matchers: [{ kind: 'entitlement', system: 'ERP', entitlement: 'Receipt' }, { kind: 'entitlement', system: 'ERP', entitlement: 'Receipt Post' }] }]);
    for (const name of ['rules.csv', 'rules.xlsx']) {
      const path = join(dir, name);
      expect(exportRuleSet(ws, path)).toMatchObject({ rules: 11 });
      const again = newWorkspace(dir, `${name}.attest`);
      await importRuleSet(again, { path, operator: 'tester' });
      expect(loadRules(again.db)).toEqual(rules);
      again.close();
    }
    // What people open is neutralised: the cell reads '=Approve, never a formula.
    expect(readFileSync(join(dir, 'rules.csv'), 'utf8')).toContain(",'=Approve,");
    const sheet = XLSX.read(readFileSync(join(dir, 'rules.xlsx')), { type: 'buffer' }).Sheets['SoD rules'];
    const cells = Object.values(sheet ?? {}).filter((c): c is XLSX.CellObject => typeof c === 'object' && c !== null && 'v' in c);
    expect(cells.some((c) => c.v === "'=Approve" && c.t === 's' && c.f === undefined)).toBe(true);
    expect((await failure(Promise.resolve().then(() => exportRuleSet(ws, join(dir, 'rules.csv'))))).code).toBe('EXISTS');
    expect((await failure(Promise.resolve().then(() => exportRuleSet(ws, join(dir, 'rules.json'))))).code).toBe('USAGE');
    ws.close();
  });

  it('names every mistake with its line, and imports nothing', async () => {
    const dir = tempDir();
    const bad = [
      'Rule ID,Rule Name,Risk,Side,System,Entitlement',
      'B-1,One side,high,A,ERP,AP Clerk',
      'B-2,Dup,high,A,ERP,AP Clerk',
      'B-2,Dup,high,B,ERP,AP Approver',
      'B-2,Dup,high,B,erp,ap approver',
      'B-3,Risky,extreme,A,ERP,X',
      'B-3,Risky,extreme,B,ERP,Y',
      'B-4,Name one,low,A,ERP,X',
      'B-4,Name two,low,B,ERP,Y',
      'B-5,Empty side,low,A,ERP,X',
      'B-5,Empty side,low,B,ERP,',
      'B-6,Everything,low,A,ERP,*',
      'B-6,Everything,low,B,ERP,Y',
      ',No id,low,A,ERP,X',
    ].join('\n');
    const ws = newWorkspace(dir);
    const error = await failure(importRuleSet(ws, { path: file(dir, 'bad.csv', bad), operator: 'tester' }));
    expect(error.code).toBe('SOD_RULES_INVALID');
    for (const expected of [
      'rule B-1 (line 2) has only side A',
      'line 5 repeats line 4 (rule B-2, side B)',
      'Risk "extreme" of rule B-3 is not critical, high, medium or low',
      'line 9: rule B-4 has Rule Name "Name two", but line 8 gave "Name one"',
      'line 11: side B of rule B-5 names no Entitlement',
      'line 12: Entitlement "*" would match every entitlement of ERP',
      'line 14: Rule ID is empty',
      'Fix the file and import it again',
    ]) {
      expect(error.message).toContain(expected);
    }
    expect(ws.db.prepare('SELECT count(*) FROM sod_rules').pluck().get()).toBe(0);
    const noColumns = await failure(importRuleSet(ws, { path: file(dir, 'cols.csv', 'Rule ID,Rule Name,Side\nA,B,C\n'), operator: 'tester' }));
    expect(noColumns).toMatchObject({ code: 'SOD_RULES_INVALID', message: expect.stringContaining('no column for Risk, System') as unknown });
    ws.close();
  });

  it('an unknown system is a warning, not an error; the starter library reads cleanly', async () => {
    const dir = tempDir();
    const ws = newWorkspace(dir);
    const result = await importRuleSet(ws, { path: file(dir, 'r.csv', 'Rule ID,Rule Name,Risk,Side,System,Entitlement\nW-1,W,low,A,Payroll,X\nW-1,W,low,B,Payroll,Y\n'), operator: 'tester' });
    expect(result).toMatchObject({ rules: 1, sides: 2, matchers: 2 });
    expect(result.warnings).toEqual(['System "Payroll" (rules W-1) is not in this workspace yet: those sides cannot hold until it is imported under that name.']);
    const starter = await readRuleFile(STARTER_RULES_PATH);
    expect(starter.rules.length).toBe(9);
    expect(starter.rules.every((r) => r.sides.length >= 2)).toBe(true);
    ws.close();
  });
});
