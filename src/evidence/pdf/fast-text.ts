import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

/** The parts of pdfkit 0.20's embedded font and document this module relies on. */
interface EmbeddedFont {
  id: string;
  scale: number;
  ascender: number;
  font: { glyphForCodePoint(cp: number): { id: number; advanceWidth: number; codePoints: number[] } };
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}
interface DocInternals {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string | Uint8Array): void;
}

interface GlyphInfo {
  /** The glyph's id in the embedded subset, as 4 hex digits. */
  hex: string;
  /** Advance in 1/1000 of the font size. */
  width: number;
}

/**
 * Appends operators to the page's content stream as bytes: pdfkit turns a string into bytes one
 * character at a time in JavaScript; the operators are ASCII, so latin1 is exact.
 */
export function addOperators(doc: Doc, operators: string): void {
  (doc as unknown as DocInternals).addContent(Buffer.from(`${operators}\n`, 'latin1'));
}

/**
 * Text without OpenType shaping: one glyph per character from the font's cmap, no ligatures, no
 * kerning. Tables of thousands of rows are set in it: pdfkit shapes every distinct word through
 * fontkit's GSUB/GPOS lookups (ids, e-mail addresses and names are nearly all distinct), which
 * was most of a pack's time. Widths come from the same glyphs, so measuring and drawing agree.
 * The glyphs go into pdfkit's own subset, widths and ToUnicode map, so the font embeds and the
 * text extracts as usual.
 */
export class FastText {
  private readonly glyphs = new Map<EmbeddedFont, Map<string, GlyphInfo>>();

  private glyph(font: EmbeddedFont, ch: string): GlyphInfo {
    let byChar = this.glyphs.get(font);
    if (!byChar) this.glyphs.set(font, (byChar = new Map<string, GlyphInfo>()));
    let info = byChar.get(ch);
    if (!info) {
      const glyph = font.font.glyphForCodePoint(ch.codePointAt(0)!);
      const gid = font.subset.includeGlyph(glyph.id);
      const width = glyph.advanceWidth * font.scale;
      font.widths[gid] ??= width;
      font.unicode[gid] ??= glyph.codePoints;
      info = { hex: gid.toString(16).padStart(4, '0'), width };
      byChar.set(ch, info);
    }
    return info;
  }

  /** The width of `text` in the document's current font and size. */
  width(doc: Doc, text: string): number {
    const d = doc as unknown as DocInternals;
    let units = 0;
    for (const ch of text) units += this.glyph(d._font, ch).width;
    return (units * d._fontSize) / 1000;
  }

  /** Draws `text` with its top-left corner at (x, y), in the current font and size, filled with `fill` (a PDF colour operator, see pdfFill). */
  draw(doc: Doc, text: string, x: number, y: number, fill: string): void {
    const d = doc as unknown as DocInternals;
    const font = d._font;
    // One array joined once: `hex +=` per character left a rope of small strings per cell.
    const glyphs: string[] = [];
    for (const ch of text) glyphs.push(this.glyph(font, ch).hex);
    const hex = glyphs.join('');
    d.page.fonts[font.id] ??= font.ref();
    const h = d.page.height;
    const baseline = h - y - (font.ascender / 1000) * d._fontSize;
    addOperators(doc, `q ${fill} 1 0 0 -1 0 ${h} cm BT 1 0 0 1 ${x.toFixed(3)} ${baseline.toFixed(3)} Tm /${font.id} ${d._fontSize} Tf <${hex}> Tj ET Q`);
  }
}
