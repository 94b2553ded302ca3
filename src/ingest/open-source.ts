import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { C1Z_V3_MAGIC, refuseV3 } from '../connectors/c1z/c1z-file.js';
import { AttestError } from '../errors.js';
import { detectSourceKind, type SourceKind } from './detect-source-kind.js';
import { openCsv } from './readers/csv/open-csv.js';
import { openJson } from './readers/json/open-json.js';
import { openLdif } from './readers/ldif/open-ldif.js';
import { openSpreadsheet } from './readers/spreadsheet/open-spreadsheet.js';
import { READ_LIMITS, type Source } from './source.js';

export interface OpenSourceOptions {
  sheet?: string | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((bytesRead: number, totalBytes: number) => void) | undefined;
}

function startsWithBytes(path: string, magic: Buffer): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(magic.length);
    readSync(fd, head, 0, magic.length, 0);
    return head.equals(magic);
  } finally {
    closeSync(fd);
  }
}

/** Opens a file with the reader its content calls for. */
export async function openSource(path: string, options: OpenSourceOptions = {}): Promise<{ kind: SourceKind; source: Source }> {
  const kind = await detectSourceKind(path);
  const { signal, onProgress } = options;
  if ((kind === 'csv' || kind === 'ldif') && statSync(path).size > READ_LIMITS.maxTextFileBytes) {
    const gb = (statSync(path).size / 1024 ** 3).toFixed(1);
    throw new AttestError('FILE_TOO_LARGE', `${basename(path)} is ${gb} GB; one import takes at most 1 GB. Split the export (by account range or system) and import the parts as separate files of one snapshot.`);
  }
  switch (kind) {
    case 'spreadsheet':
      return { kind, source: await openSpreadsheet(path, { ...(options.sheet === undefined ? {} : { sheet: options.sheet }), ...(signal ? { signal } : {}) }) };
    case 'json':
      return { kind, source: await openJson(path, signal ? { signal } : {}) };
    case 'ldif':
      return { kind, source: await openLdif(path, { ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) }) };
    case 'c1z':
      if (startsWithBytes(path, C1Z_V3_MAGIC)) refuseV3(path);
      return { kind, source: { kind: 'c1z', path, notes: [] } };
    case 'csv':
      return { kind, source: await openCsv(path, { ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) }) };
  }
}
