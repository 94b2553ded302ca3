import { describe, expect, it } from 'vitest';
import { CsvParser } from '../../../src/ingest/readers/csv/csv-parser.js';
import type { TableRow } from '../../../src/ingest/source.js';

interface Limits {
  maxColumns?: number;
  maxCellChars?: number;
}

function parse(chunks: readonly string[], delimiter = ',', limits: Limits = {}): TableRow[] {
  const parser = new CsvParser({ delimiter, fileName: 'test.csv', ...limits });
  const out: TableRow[] = [];
  for (const chunk of chunks) parser.push(chunk, out);
  parser.end(out);
  return out;
}

/** Every way of cutting `text` into two chunks, and into one-character chunks. */
function splits(text: string): string[][] {
  const ways = [[text], [...text]];
  for (let at = 0; at <= text.length; at++) ways.push([text.slice(0, at), text.slice(at)]);
  return ways;
}

function thrown(run: () => unknown): { code?: string; message?: string } {
  try {
    run();
  } catch (error) {
    return error as { code?: string; message?: string };
  }
  throw new Error('expected a throw');
}

const TRICKY = [
  'a,b\r\n"x\r\ny","say ""hi"""\r\nlast,"",\r\n',
  'a;b\r"q""\r";z\r\r"";"end"',
  '"ab"cd,e\n5" tall,f\n"",""\n\n  \n"x""\n""y",\n',
  'h1,h2\n"""",""""""\n"a""",b\r\n',
];

describe('CsvParser', () => {
  it('parses the RFC 4180 cases with lines of the records’ first physical line', () => {
    expect(parse(['a,b\r\n"x\r\ny","say ""hi"""\r\nlast,"",\r\n'])).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\r\ny', 'say "hi"'] },
      { line: 4, cells: ['last', '', ''] },
    ]);
  });

  it('handles lone CRs, empty quoted cells and a last record without a newline', () => {
    expect(parse(['a;b\r"q""\r";z\r\r"";"end"'], ';')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['q"\r', 'z'] },
      { line: 5, cells: ['', 'end'] },
    ]);
  });

  it('is lenient with quotes in and after cells, and skips blank lines', () => {
    expect(parse(['"ab"cd,e\n5" tall,f\n"",""\n\n  \n"x""\n""y",\n'])).toEqual([
      { line: 1, cells: ['abcd', 'e'] },
      { line: 2, cells: ['5" tall', 'f'] },
      { line: 3, cells: ['', ''] },
      { line: 6, cells: ['x"\n"y', ''] },
    ]);
  });

  it('keeps a lone "" line (one empty quoted cell) but skips whitespace-only lines, also with tabs as delimiter', () => {
    expect(parse(['a\n""\n \t \nb\n'])).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: [''] },
      { line: 4, cells: ['b'] },
    ]);
    expect(parse(['a\tb\n\t\t\n \t \nc\td\n\t""\n'], '\t')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 4, cells: ['c', 'd'] },
      { line: 5, cells: ['', ''] },
    ]);
  });

  it('completes a record ending in a delimiter at the end of input with an empty cell', () => {
    expect(parse(['a,b,'])).toEqual([{ line: 1, cells: ['a', 'b', ''] }]);
    expect(parse(['a,""'])).toEqual([{ line: 1, cells: ['a', ''] }]);
    expect(parse(['a,"b"'])).toEqual([{ line: 1, cells: ['a', 'b'] }]);
    expect(parse(['a\n'])).toEqual([{ line: 1, cells: ['a'] }]);
    expect(parse([''])).toEqual([]);
  });

  it('gives the same records and lines wherever the chunks are cut', () => {
    for (const text of TRICKY) {
      const whole = parse([text]);
      for (const chunks of splits(text)) expect(parse(chunks), JSON.stringify(chunks)).toEqual(whole);
    }
  });

  it('round-trips random CSV written with every kind of quoting and newline, in random chunks', () => {
    const random = mulberry32(20240601);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const alphabet = ['a', 'b', 'Z', ' ', 'é', '😀', '"', ',', ';', '\t', '\r', '\n', '\r\n', '='];
    for (const delimiter of [',', ';', '\t', '|']) {
      const expected: TableRow[] = [];
      let text = '';
      let line = 1;
      for (let r = 0; r < 300; r++) {
        const width = 1 + Math.floor(random() * 5);
        const cells: string[] = [];
        for (let c = 0; c < width; c++) {
          let cell = '';
          const length = Math.floor(random() * 6);
          for (let k = 0; k < length; k++) cell += pick(alphabet);
          cells.push(cell);
        }
        const record = cells
          .map((cell) => {
            const needsQuotes = cell.startsWith('"') || cell.includes(delimiter) || /[\r\n]/.test(cell);
            return needsQuotes || random() < 0.3 ? `"${cell.replaceAll('"', '""')}"` : cell;
          })
          .join(delimiter);
        // A record of only spaces and tabs, unquoted, is a blank line: quote its first cell.
        const written = /^[ \t]*$/.test(record.replaceAll(delimiter, '')) && !record.includes('"') ? `"${cells[0]!}"${record.slice(cells[0]!.length)}` : record;
        expected.push({ line, cells });
        const newline = pick(['\n', '\r\n', '\r']);
        text += written + newline;
        line += 1 + (written.match(/\r\n|\r|\n/g)?.length ?? 0);
        if (random() < 0.1) {
          // (After a lone CR, an LF would make one CRLF newline, not a blank line.)
          text += newline === '\r' ? pick(['\r', '  \r']) : pick(['\n', '\r\n', '\r', '  \n']);
          line++;
        }
      }
      expect(parse([text], delimiter)).toEqual(expected);
      const chunks: string[] = [];
      for (let at = 0; at < text.length; ) {
        const size = 1 + Math.floor(random() * 40);
        chunks.push(text.slice(at, at + size));
        at += size;
      }
      expect(parse(chunks, delimiter)).toEqual(expected);
    }
  });

  it('throws CORRUPT_FILE naming the line where an unterminated quoted cell opens', () => {
    const error = thrown(() => parse(['a,b\n"ok",x\nc,"open\nmore\n', 'still open']));
    expect(error.code).toBe('CORRUPT_FILE');
    expect(error.message).toContain('the quoted cell that opens on line 3 is never closed');
  });

  it('throws TOO_MANY_COLUMNS as soon as a record passes the limit, with its line', () => {
    expect(parse(['a,b,c\n'], ',', { maxColumns: 3 })).toHaveLength(1);
    const error = thrown(() => parse(['a,b,c\n"x\ny",b,c,d\n'], ',', { maxColumns: 3 }));
    expect(error).toMatchObject({ code: 'TOO_MANY_COLUMNS' });
    expect(error.message).toBe('"test.csv": line 2 has more than 16,384 columns. Check that the file uses the delimiter you expect (or choose the delimiter yourself) and try again.');
  });

  it('throws CELL_TOO_LARGE for unquoted, quoted, escaped and chunk-spanning cells, naming the line the cell starts on', () => {
    expect(parse(['abcde,"vwxyz"\n'], ',', { maxCellChars: 5 })).toEqual([{ line: 1, cells: ['abcde', 'vwxyz'] }]);
    const cases: string[][] = [['ok\nabcdef\n'], ['ok\n"a\nbcdef"\n'], ['ok\n"ab""cd""ef"\n'], ['ok\nabc', 'def\n'], ['ok\n"ab', 'c\nd', 'ef']];
    for (const chunks of cases) {
      const error = thrown(() => parse(chunks, ',', { maxCellChars: 5 }));
      expect(error.code, JSON.stringify(chunks)).toBe('CELL_TOO_LARGE');
      expect(error.message, JSON.stringify(chunks)).toContain('the cell that starts on line 2 is longer than 1,000,000 characters');
    }
  });

  it('refuses a delimiter that cannot work', () => {
    expect(() => new CsvParser({ delimiter: '"', fileName: 'x' })).toThrow(RangeError);
    expect(() => new CsvParser({ delimiter: ',,', fileName: 'x' })).toThrow(RangeError);
  });
});

/** A small seeded PRNG, so a failure reproduces. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
