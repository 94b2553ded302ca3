import { createWriteStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';

/** Benchmark inputs are generated once per machine, in the temp folder, and reused. */
const DIR = join(tmpdir(), 'attest-bench-inputs');

const HEADER = ['Account', 'Email', 'Display Name', 'Employee ID', 'Entitlement', 'Entitlement Type', 'Privileged', 'Status', 'Last Login', 'Account Type'];
const ACCOUNTS = 10_000;
const ENTITLEMENTS = 500;

/** Row i of the synthetic grants layout: 10k accounts × 100 of 500 entitlements, ~116 bytes. */
export function grantsRow(i: number): string[] {
  const a = Math.floor(i / 100) % ACCOUNTS;
  const e = (a * 7919 + (i % 100) * 5) % ENTITLEMENTS;
  const day = String(1 + (a % 28)).padStart(2, '0');
  return [
    `user${a}`,
    `user${a}@northwind-demo.example`,
    `User Number ${a}`,
    `E${100000 + a}`,
    `Finance Role ${e}`,
    'Role',
    e % 50 === 0 ? 'Yes' : 'No',
    a % 40 === 0 ? 'Disabled' : 'Enabled',
    `2026-10-${day}T08:15:00Z`,
    a % 97 === 0 ? 'Service' : 'Human',
  ];
}

function ready(path: string): boolean {
  return existsSync(path) && statSync(path).size > 0;
}

export async function grantsCsv(rows: number): Promise<string> {
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, `grants-${rows}.csv`);
  if (ready(path)) return path;
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  const write = (text: string): Promise<void> => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  await write(`${HEADER.join(',')}\r\n`);
  let batch = '';
  for (let i = 0; i < rows; i++) {
    batch += `${grantsRow(i).join(',')}\r\n`;
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  renameSync(partial, path);
  return path;
}

export function grantsXlsx(rows: number): string {
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, `grants-${rows}.xlsx`);
  if (ready(path)) return path;
  const data: string[][] = [HEADER];
  for (let i = 0; i < rows; i++) data.push(grantsRow(i));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(data, { dense: true }), 'Grants');
  // SheetJS's ESM build has no fs of its own: write the buffer.
  writeFileSync(`${path}.partial`, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
  renameSync(`${path}.partial`, path);
  return path;
}
