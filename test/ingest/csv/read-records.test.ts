import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../../src/ingest/readers/csv/open-csv.js';
import { readRecordBatches } from '../../../src/ingest/readers/csv/read-records.js';
import type { TableRow } from '../../../src/ingest/source.js';
import { fixture } from './csv-test-helpers.js';

const READABLE = readdirSync(fixture('.'))
  .filter((name) => name.endsWith('.csv'))
  .filter((name) => !['binary-garbage.csv', 'control-characters.csv', 'empty.csv', 'whitespace-only.csv', 'unterminated-quote.csv'].includes(name));

async function records(name: string, chunkBytes?: number): Promise<{ rows: TableRow[]; progress: number[] }> {
  const source = await openCsv(fixture(name));
  const plan = { path: fixture(name), fileName: name, encoding: source.encoding ?? 'utf-8', delimiter: source.delimiter ?? ',', ...(chunkBytes ? { chunkBytes } : {}) };
  const rows: TableRow[] = [];
  const progress: number[] = [];
  for await (const batch of readRecordBatches(plan)) {
    rows.push(...batch.rows);
    progress.push(batch.bytesRead);
  }
  return { rows, progress };
}

describe('readRecordBatches', () => {
  it('reads every fixture the same whatever the chunk size (characters and records cut anywhere)', async () => {
    expect(READABLE.length).toBeGreaterThanOrEqual(12);
    for (const name of READABLE) {
      const whole = await records(name);
      for (const chunkBytes of [1, 2, 3, 5, 7]) {
        const { rows, progress } = await records(name, chunkBytes);
        expect(rows, `${name} in chunks of ${chunkBytes}`).toEqual(whole.rows);
        expect(progress.at(-1)).toBe(whole.progress.at(-1));
      }
    }
  });
});
