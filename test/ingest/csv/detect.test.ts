import { describe, expect, it } from 'vitest';
import { binaryReason, controlShare } from '../../../src/ingest/readers/csv/detect-binary.js';
import { delimiterNote, detectDelimiter, fieldCounts } from '../../../src/ingest/readers/csv/detect-delimiter.js';
import { bomEncoding, firstInvalidUtf8, utf16WithoutBom } from '../../../src/ingest/readers/csv/detect-encoding.js';
import { decodeWindows1252 } from '../../../src/ingest/readers/csv/windows-1252.js';

describe('encoding detection', () => {
  it('recognises byte-order marks', () => {
    expect(bomEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8');
    expect(bomEncoding(Buffer.from([0xff, 0xfe, 0x41, 0]))).toBe('utf-16le');
    expect(bomEncoding(Buffer.from([0xfe, 0xff, 0, 0x41]))).toBe('utf-16be');
    expect(bomEncoding(Buffer.from('Account'))).toBeNull();
    expect(bomEncoding(Buffer.alloc(0))).toBeNull();
  });

  it('recognises UTF-16 without a BOM only when the zero bytes line up', () => {
    expect(utf16WithoutBom(Buffer.from('Account,Email\n', 'utf16le'))).toBe('utf-16le');
    const be = Buffer.from('Account,Email\n', 'utf16le').swap16();
    expect(utf16WithoutBom(be)).toBe('utf-16be');
    expect(utf16WithoutBom(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0x12, 0x00, 0x00, 0x33]))).toBeNull();
  });

  it('finds the first invalid UTF-8 byte exactly where a strict decoder fails', () => {
    const cases: [number[], number][] = [
      [[0x41, 0x42], -1],
      [[0x41, 0xc3, 0xa9, 0x42], -1], // é
      [[0xf0, 0x9f, 0x98, 0x80], -1], // 😀
      [[0x41, 0xfc, 0x72], 1], // Windows-1252 ü
      [[0x41, 0xc0, 0x80], 1], // overlong NUL
      [[0xe0, 0x80, 0x80], 0], // overlong
      [[0xed, 0xa0, 0x80], 0], // a UTF-16 surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
      [[0x41, 0x42, 0xe2, 0x82], 2], // cut off at the end
      [[0x80], 0], // a lone continuation byte
      [[0xe2, 0x82, 0x41], 0], // a sequence interrupted
    ];
    for (const [bytes, expected] of cases) {
      expect(firstInvalidUtf8(Uint8Array.from(bytes)), bytes.join(' ')).toBe(expected);
      let strict = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
      } catch {
        strict = false;
      }
      expect(strict, bytes.join(' ')).toBe(expected === -1);
    }
  });

  it('decodes Windows-1252 with the WHATWG table for 0x80-0x9F (not as Latin-1 controls)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeWindows1252(all);
    expect(text).toHaveLength(256);
    expect(text.slice(0x80, 0xa0)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    expect(text.slice(0, 0x80)).toBe(Buffer.from(all.subarray(0, 0x80)).toString('latin1'));
    expect(text.slice(0xa0)).toBe('\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ');
  });
});

describe('binary detection', () => {
  it('measures control characters other than tab, CR and LF', () => {
    expect(controlShare('a\tb\r\nc')).toBe(0);
    expect(controlShare('\u0001\u0002ab')).toBe(0.5);
    expect(binaryReason('Account,Email\r\nana,ana@example.com\r\n')).toBeNull();
    expect(binaryReason('a\u0000b')).toBe('it contains NUL characters');
    expect(binaryReason('\u001b[0m\u0007\u0007ab')).toBe('38% of its first characters are control characters');
  });
});

describe('delimiter detection', () => {
  it('counts fields per record outside quotes, across quoted newlines, skipping blank lines', () => {
    expect(fieldCounts('a,b,"c,d"\n\n"x\ny",2,3\r\nlast,1', ',', 10, false)).toEqual([3, 3]);
    expect(fieldCounts('a,b,"c,d"\n\n"x\ny",2,3\r\nlast,1', ',', 10, true)).toEqual([3, 3, 2]);
    expect(fieldCounts('only a long header, cut by the sample', ',', 10, false)).toEqual([2]);
  });

  it('picks the delimiter the following records agree with', () => {
    expect(detectDelimiter('Account,Email,Status\na,a@x,active\nb,b@x,disabled\n', true)).toBe(',');
    expect(detectDelimiter('Name;Amount;Date\nBob;1,5;2024-01-01\nAnn;2,25;2024-01-02\n', true)).toBe(';');
    expect(detectDelimiter('Name, First\tEmail\nDoe, Jane\tj@x\nRoe, Rick, Jr\tr@x\n', true)).toBe('\t');
    expect(detectDelimiter('"Display, Name"|Role\n"Doe, Jane"|Admin\n', true)).toBe('|');
    expect(detectDelimiter('Account;Email\n', true)).toBe(';');
    expect(detectDelimiter('Account\nana\n', true)).toBe(',');
    expect(detectDelimiter('a,b;c\n1,2;3\n', true)).toBe(',');
  });

  it('describes delimiters other than a comma', () => {
    expect(delimiterNote(';')).toBe('The columns are separated by semicolons (;).');
    expect(delimiterNote('\t')).toBe('The columns are separated by tabs.');
    expect(delimiterNote('|')).toBe('The columns are separated by vertical bars (|).');
  });
});
