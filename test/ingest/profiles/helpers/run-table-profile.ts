import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AttestError } from '../../../../src/errors.js';
import type { DateOrder } from '../../../../src/ingest/normalize/dates.js';
import { matchHeader } from '../../../../src/ingest/normalize/header-match.js';
import { createRowMapper } from '../../../../src/ingest/normalize/mapped-row.js';
import { RowRejected } from '../../../../src/ingest/profile.js';
import type { TableProfile } from '../../../../src/ingest/profile.js';
import { CollectingSink } from './collecting-sink.js';
import type { Collected } from './collecting-sink.js';
import { splitCsv } from './split-csv.js';

export interface RunOptions {
  mapping?: Readonly<Record<string, string>>;
  dateOrder?: DateOrder;
  /** Continue into this sink (several files of one snapshot); its result is returned. */
  sink?: CollectingSink;
}

/**
 * Maps CSV text through a table profile the way an import does: header matched (with the
 * mapping), a missing required column refuses the file, each row mapped on its own, a
 * RowRejected rejects just that row with its line.
 */
export function runTableProfile(profile: TableProfile, csvText: string, options: RunOptions = {}): Collected {
  const { header, rows } = splitCsv(csvText);
  const match = matchHeader(header, profile.fields, options.mapping);
  if (match.missing.length > 0) throw new AttestError('MISSING_COLUMNS', `missing ${match.missing.join(', ')}`);
  const toRow = createRowMapper(match, options.dateOrder ? { dateOrder: options.dateOrder } : {});
  const sink = options.sink ?? new CollectingSink();
  sink.beginFile();
  for (const row of rows) {
    sink.beginRow(row.line);
    try {
      profile.mapRow(toRow(row), sink);
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error;
      sink.reject(error.message);
    }
    sink.endRow();
  }
  return sink.result();
}

export const FIXTURES_DIR = fileURLToPath(new URL('../../../fixtures/profiles/', import.meta.url));

export function readFixture(name: string): string {
  return readFileSync(`${FIXTURES_DIR}${name}`, 'utf8');
}

/** The header of a fixture, as the reader would hand it to detect(). */
export function fixtureHeader(name: string): string[] {
  return splitCsv(readFixture(name)).header;
}

/** How many of each, for a one-line check of a whole file. */
export function countsOf(result: Collected) {
  return {
    rows: result.rowsRead,
    identities: result.identities.length,
    accounts: result.accounts.length,
    entitlements: result.entitlements.length,
    grants: result.grants.length,
    rejected: result.rejections.length,
  };
}
