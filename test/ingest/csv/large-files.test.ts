import { closeSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCsv, countCsvRows } from '../../../src/ingest/readers/csv/open-csv.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { readRows, rejection } from './csv-test-helpers.js';

const tempDir = useTempDirs();

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

describe('a file that changes', () => {
  it('refuses to go on when the header changed between openCsv and rows()', async () => {
    const path = file('changing.csv', 'Account,Email\nana,ana@example.com\n');
    const source = await openCsv(path);
    writeFileSync(path, 'Login,Mail\nana,ana@example.com\n');
    const error = await rejection(readRows(source));
    expect(error).toMatchObject({ code: 'CORRUPT_FILE' });
    expect((error as Error).message).toBe('"changing.csv" changed while it was being read; wait until it is completely written (or copy it first) and import it again.');
  });
});

describe('large cells and rows', () => {
  it('reads a 100,000-character quoted cell with delimiters and newlines inside, and keeps later line numbers right', async () => {
    const big = 'x,y\r\n"z"""'.repeat(10_000);
    const path = file('big-cell.csv', `Account,Note\nana,"${big.replaceAll('"', '""')}"\nben,short\n`);
    const source = await openCsv(path);
    const rows = await readRows(source);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.line).toBe(2);
    expect(rows[0]?.cells[1]).toBe(big);
    expect(rows[0]?.cells[1]).toHaveLength(100_000);
    expect(rows[1]).toEqual({ line: 2 + 10_000 + 1, cells: ['ben', 'short'] });
  });

  it('refuses a cell longer than 1,000,000 characters with CELL_TOO_LARGE and its line', async () => {
    const path = file('huge-cell.csv', `Account,Note\nana,ok\nben,${'y'.repeat(1_000_001)}\n`);
    const source = await openCsv(path);
    const error = await rejection(readRows(source));
    expect(error).toMatchObject({ code: 'CELL_TOO_LARGE' });
    expect((error as Error).message).toBe(
      '"huge-cell.csv": the cell that starts on line 3 is longer than 1,000,000 characters. Look for an unclosed quote near that line, or shorten the cell, and try again.',
    );
  });

  it('stops an unclosed quote in a long file at the cell limit, naming the line where it opened', async () => {
    const path = file('unclosed-long.csv', `Account,Note\nana,"oops\n${'ben,fine\n'.repeat(200_000)}`);
    const error = await rejection(openCsv(path).then(readRows));
    expect(error).toMatchObject({ code: 'CELL_TOO_LARGE' });
    expect((error as Error).message).toContain('the cell that starts on line 2');
  });

  it('refuses a row of 1,000,000 columns with TOO_MANY_COLUMNS (as a data row and as the header), quickly', async () => {
    const wide = 'a,'.repeat(999_999) + 'a';
    const started = performance.now();
    const source = await openCsv(file('wide-row.csv', `Account,Email\nana,a@example.com\n${wide}\n`));
    const seen: number[] = [];
    const error = await rejection(
      (async () => {
        for await (const row of source.rows()) seen.push(row.line);
      })(),
    );
    expect(seen).toEqual([2]);
    expect(error).toMatchObject({ code: 'TOO_MANY_COLUMNS' });
    expect((error as Error).message).toBe(
      '"wide-row.csv": line 3 has more than 16,384 columns. Check that the file uses the delimiter you expect (or choose the delimiter yourself) and try again.',
    );
    const header = await rejection(openCsv(file('wide-header.csv', `${wide}\n1,2\n`)));
    expect(header).toMatchObject({ code: 'TOO_MANY_COLUMNS' });
    expect((header as Error).message).toContain('line 1 has more than 16,384 columns');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reads exactly 16,384 columns', async () => {
    const row = Array.from({ length: 16_384 }, (_, i) => `c${i}`).join(',');
    const source = await openCsv(file('max-columns.csv', `${row}\n${row}\n`));
    expect(source.header).toHaveLength(16_384);
    expect((await readRows(source))[0]?.cells).toHaveLength(16_384);
  });
});

describe('encoding decided on the whole file', () => {
  it('reads the whole file as Windows-1252 when the first invalid UTF-8 byte is far past the first 64 KB', async () => {
    const head = 'Account,Name\nzoe,Zoë\n';
    const filler = 'ana,Ana\n'.repeat(25_000);
    const path = file('late-1252.csv', Buffer.concat([Buffer.from(head + filler), Buffer.from([0x62, 0x65, 0x6e, 0x2c, 0xc9, 0x6d, 0x69, 0x6c, 0x65, 0x0a])]));
    const source = await openCsv(path);
    const offset = Buffer.byteLength(head + filler) + 4;
    expect(offset).toBeGreaterThan(200_000);
    expect(source).toMatchObject({ encoding: 'windows-1252', notes: [`The file is not valid UTF-8 (first bad byte at offset ${offset}); it was read as Windows-1252.`] });
    const rows = await readRows(source);
    expect(rows[0]).toEqual({ line: 2, cells: ['zoe', 'ZoÃ«'] });
    expect(rows.at(-1)).toEqual({ line: 25_003, cells: ['ben', 'Émile'] });
  });
});

describe('streaming', () => {
  it('streams a 200 MB file in bounded memory, reporting progress up to the file size', async () => {
    const row = 'svc-backup-0001,svc-backup-0001@example.com,"Backup, Service",E000123,APP_FINANCE_READ,Role,false,Enabled,2024-05-01T10:00:00Z,Service\n';
    const block = Buffer.from(row.repeat(Math.floor((1024 * 1024) / row.length)));
    const rowsPerBlock = block.length / Buffer.byteLength(row);
    const path = join(tempDir(), 'big.csv');
    const fd = openSync(path, 'w');
    writeSync(fd, 'Account,Email,Display Name,Employee ID,Entitlement,Entitlement Type,Privileged,Status,Last Login,Account Type\n');
    const blocks = 201;
    for (let i = 0; i < blocks; i++) writeSync(fd, block);
    closeSync(fd);
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(200 * 1024 * 1024);

    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const progress: [number, number][] = [];
    const source = await openCsv(path, { onProgress: (read, total) => progress.push([read, total]) });
    let count = 0;
    let lastLine = 0;
    for await (const row of source.rows()) {
      count++;
      lastLine = row.line;
      if ((count & 0xffff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
      if (row.cells.length !== 10) throw new Error(`line ${row.line}: ${row.cells.length} cells`);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(count).toBe(blocks * rowsPerBlock);
    expect(lastLine).toBe(count + 1);
    expect(peak - baseline).toBeLessThan(100 * 1024 * 1024);
    expect(progress.at(-1)).toEqual([size, size]);
    expect(progress.every(([read], i) => i === 0 || read > progress[i - 1]![0])).toBe(true);
    expect(progress.length).toBeGreaterThanOrEqual(Math.floor(size / (64 * 1024)));
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(size / (64 * 1024)) + 1);
  });

  it('reports progress up to the file size for a small file, from countCsvRows too', async () => {
    const path = file('small.csv', 'a,b\n1,2\n3,4\n');
    const seen: [number, number][] = [];
    const source = await openCsv(path, { onProgress: (read, total) => seen.push([read, total]) });
    expect(await readRows(source)).toHaveLength(2);
    expect(seen).toEqual([[12, 12]]);
    const counted: [number, number][] = [];
    expect(await countCsvRows(path, { onProgress: (read, total) => counted.push([read, total]) })).toBe(2);
    expect(counted).toEqual([[12, 12]]);
  });

  it('throws CANCELLED from the rows iterator when aborted mid-file, and from openCsv when already aborted', async () => {
    const path = file('cancel.csv', `Account,Email\n${'ana,ana@example.com\n'.repeat(100_000)}`);
    const controller = new AbortController();
    const source = await openCsv(path, { signal: controller.signal });
    let seen = 0;
    const error = await rejection(
      (async () => {
        for await (const _row of source.rows()) {
          if (++seen === 1_000) controller.abort();
        }
      })(),
    );
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'Reading "cancel.csv" was cancelled; start the import again to read it.' });
    // The signal is checked per 64 KB batch: at most one batch (~3,300 of these rows) after the abort.
    expect(seen).toBeGreaterThanOrEqual(1_000);
    expect(seen).toBeLessThan(1_000 + 3_500);
    expect(await rejection(openCsv(path, { signal: AbortSignal.abort() }))).toMatchObject({ code: 'CANCELLED' });
    expect(await rejection(countCsvRows(path, { signal: AbortSignal.abort() }))).toMatchObject({ code: 'CANCELLED' });
  });
});
