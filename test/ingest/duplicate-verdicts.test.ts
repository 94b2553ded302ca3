import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSnapshot } from '../../src/ingest/import-snapshot.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { newWorkspace } from '../helpers/workspace.js';

const tempDir = useTempDirs();

/** Where the last row's grants begin: its 100 grants then straddle the resolver's batches of 16,384. */
const LAST_ROW_STARTS_AT = 16_300;

const names = (from: number, to: number): string => Array.from({ length: to - from + 1 }, (_, i) => `g${from + i}`).join(';');

/**
 * A grants file whose last row names 100 grants of accounts and entitlements seen before, so
 * that whether it is a duplicate rests on its inserts, and its grants straddle two batches.
 */
async function importStraddling(earlier: string[], earlierGrants: number, last: string) {
  // Single-grant rows that fill the first batch up to where the last row begins.
  const filler = Array.from({ length: LAST_ROW_STARTS_AT - earlierGrants }, (_, i) => `u${i},base`);
  const path = join(tempDir(), 'grants.csv');
  writeFileSync(path, ['Account,Entitlement', ...earlier, ...filler, last, ''].join('\n'));
  const ws = newWorkspace(tempDir());
  try {
    return await importSnapshot(ws, { files: [{ path }], system: 'ERP', operator: 'tester', dryRun: true });
  } finally {
    ws.close();
  }
}


describe('duplicate rows whose grants straddle two batches', () => {
  it('a row repeating grants that all exist is a duplicate, naming the first line', async () => {
    const result = await importStraddling([`alice,"${names(1, 100)}"`], 100, `alice,"${names(1, 100)}"`);
    expect(result.grants).toBe(LAST_ROW_STARTS_AT);
    expect(result.rejected.map((r) => r.line)).toEqual([result.rowsRead + 1]);
    expect(result.rejected[0]?.reason).toMatch(/^Duplicate row.*line 2\)/);
  });

  it('a row whose only new grant lands in the first batch is kept', async () => {
    const result = await importStraddling([`bob,"${names(1, 100)}"`, `alice,"${names(2, 100)}"`], 199, `alice,"${names(1, 100)}"`);
    expect(result.grants).toBe(LAST_ROW_STARTS_AT + 1);
    expect(result.rejected).toEqual([]);
  });

  it('a row whose only new grant lands in the second batch is kept', async () => {
    const result = await importStraddling([`bob,"${names(1, 100)}"`, `alice,"${names(1, 99)}"`], 199, `alice,"${names(1, 100)}"`);
    expect(result.grants).toBe(LAST_ROW_STARTS_AT + 1);
    expect(result.rejected).toEqual([]);
  });
});
