/**
 * The part of xl/styles.xml a reader needs: for each cell format (cellXfs, which a cell's `s`
 * names) its number format, and whether that format shows a date. Numbers then read as the
 * SheetJS path reads them: General without float noise, dates as ISO 8601, other formats as
 * SheetJS's formatter (SSF) shows them.
 */
import { SSF } from 'xlsx';
import { AttestError } from '../../../../errors.js';
import { generalNumber } from '../cell-text.js';
import type { XmlHandler, XmlTag } from './xml-tokenizer.js';
import { name } from './xml-tokenizer.js';
import { decodeXstring } from './xml-text.js';

/** SheetJS types its formatter as `any`; this is the one call used. */
const formatter = SSF as { format: (format: string, value: number) => string };

/**
 * Excel's built-in number formats, by id, as SheetJS 0.20.3 fills them in (its table, then the
 * formats it assumes for the ids Excel leaves implicit); any other id without a custom format
 * reads as General.
 */
const BUILT_IN: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"$"#,##0_);\\("$"#,##0\\)',
  6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  23: 'General',
  24: 'General',
  25: 'General',
  26: 'General',
  27: 'm/d/yy',
  28: 'm/d/yy',
  29: 'm/d/yy',
  30: 'm/d/yy',
  31: 'm/d/yy',
  32: 'h:mm:ss',
  33: 'h:mm:ss',
  34: 'h:mm:ss',
  35: 'h:mm:ss',
  36: 'm/d/yy',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  41: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* (#,##0);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'm/d/yy',
  51: 'm/d/yy',
  52: 'm/d/yy',
  53: 'm/d/yy',
  54: 'm/d/yy',
  55: 'm/d/yy',
  56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
  57: 'm/d/yy',
  58: 'm/d/yy',
  59: '0',
  60: '0.00',
  61: '#,##0',
  62: '#,##0.00',
  63: '"$"#,##0_);\\("$"#,##0\\)',
  64: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  65: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  66: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  67: '0%',
  68: '0.00%',
  69: '# ?/?',
  70: '# ??/??',
  71: 'm/d/yy',
  72: 'm/d/yy',
  73: 'd-mmm-yy',
  74: 'd-mmm',
  75: 'mmm-yy',
  76: 'h:mm',
  77: 'h:mm:ss',
  78: 'm/d/yy h:mm',
  79: 'mm:ss',
  80: '[h]:mm:ss',
  81: 'mmss.0',
};

const isGeneral = (code: string): boolean => code.toLowerCase() === 'general';

/**
 * Whether a number format shows a date or a time of day: it has d, m, y, h or s outside quoted
 * text, [brackets] (colours, conditions, locales), `\x` escapes and the `_x` / `*x` spacing
 * characters; but not when it is an elapsed duration (`[h]:mm:ss`, `[mm]:ss`) with no day or
 * year, which reads as the number it formats (36:00:00), never as a date in 1900.
 */
export function isDateFormat(code: string): boolean {
  let dateOrTime = false;
  let dayOrYear = false;
  let elapsed = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i] ?? '';
    if (c === '"') {
      const close = code.indexOf('"', i + 1);
      i = close < 0 ? code.length : close;
    } else if (c === '\\' || c === '_' || c === '*') {
      i++;
    } else if (c === '[') {
      const close = code.indexOf(']', i + 1);
      const inside = code.slice(i + 1, close < 0 ? code.length : close);
      if (/^(?:h+|m+|s+)$/i.test(inside)) elapsed = true;
      i = close < 0 ? code.length : close;
    } else {
      const lower = c.toLowerCase();
      if (lower === 'd' || lower === 'y') {
        dateOrTime = true;
        dayOrYear = true;
      } else if (lower === 'm' || lower === 'h' || lower === 's') {
        dateOrTime = true;
      }
    }
  }
  return dateOrTime && !(elapsed && !dayOrYear);
}

const GENERAL = 0;
const DATE = 1;
const FORMATTED = 2;

/** How a cell's number reads, by cell format index. */
export class NumberStyles {
  private readonly kinds: Uint8Array;

  constructor(
    kinds: readonly number[],
    private readonly codes: readonly string[],
  ) {
    this.kinds = Uint8Array.from(kinds);
  }

  /** No styles part: every number is General. */
  static none(): NumberStyles {
    return new NumberStyles([], []);
  }

  isDate(style: number): boolean {
    return this.kinds[style] === DATE;
  }

  /** A number as its (non-date) format shows it; General when the format is unknown or SSF fails. */
  text(style: number, value: number): string {
    if (this.kinds[style] !== FORMATTED) return generalNumber(value);
    try {
      return formatter.format(this.codes[style] ?? 'General', value);
    } catch {
      // A format SSF cannot apply: the plain number is still the truth.
      return generalNumber(value);
    }
  }
}

/** Cell formats beyond this many are refused: Excel allows 64,000. */
const MAX_CELL_FORMATS = 1 << 20;

const NUM_FMTS = name('numFmts');
const NUM_FMT = name('numFmt');
const CELL_XFS = name('cellXfs');
const XF = name('xf');
const NUM_FMT_ID = name('numFmtId');
const FORMAT_CODE = name('formatCode');

/** Reads styles.xml (fed to an XmlTokenizer) into NumberStyles. */
export class StylesReader implements XmlHandler {
  private readonly custom = new Map<number, string>();
  private readonly formatIds: number[] = [];
  private inNumFmts = false;
  private inCellXfs = false;

  constructor(private readonly file: string) {}

  open(tag: XmlTag): void {
    if (tag.is(NUM_FMTS)) this.inNumFmts = true;
    else if (tag.is(CELL_XFS)) this.inCellXfs = true;
    else if (this.inNumFmts && tag.is(NUM_FMT)) {
      const id = Number.parseInt(tag.rawAttr(NUM_FMT_ID) ?? '', 10);
      const code = tag.rawAttr(FORMAT_CODE);
      if (Number.isInteger(id) && code !== undefined) this.custom.set(id, decodeXstring(code));
    } else if (this.inCellXfs && tag.is(XF)) {
      if (this.formatIds.length >= MAX_CELL_FORMATS) {
        throw new AttestError('FILE_TOO_LARGE', `"${this.file}" defines more than ${MAX_CELL_FORMATS.toLocaleString('en-US')} cell formats (Excel allows 64,000); open it in Excel, save it again, and import the saved copy.`);
      }
      const id = Number.parseInt(tag.rawAttr(NUM_FMT_ID) ?? '0', 10);
      this.formatIds.push(Number.isInteger(id) ? id : 0);
    }
  }

  close(tag: XmlTag): void {
    if (tag.is(NUM_FMTS)) this.inNumFmts = false;
    else if (tag.is(CELL_XFS)) this.inCellXfs = false;
  }

  text(): void {
    // Nothing in a stylesheet's text matters here.
  }

  result(): NumberStyles {
    const kinds: number[] = [];
    const codes: string[] = [];
    for (const id of this.formatIds) {
      const code = this.custom.get(id) ?? BUILT_IN[id] ?? 'General';
      codes.push(code);
      kinds.push(isGeneral(code) ? GENERAL : isDateFormat(code) ? DATE : FORMATTED);
    }
    return new NumberStyles(kinds, codes);
  }
}
