import { fileURLToPath } from 'node:url';
import type { TableRow, TableSource } from '../../../src/ingest/source.js';

/** The path of a fixture in test/fixtures/csv (written by make-fixtures.mjs). */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/csv/${name}`, import.meta.url));
}

/** Every row of a source, as plain { line, cells } objects. */
export async function readRows(source: TableSource): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of source.rows()) rows.push({ line: row.line, cells: [...row.cells] });
  return rows;
}

/** The rejection of a promise (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
