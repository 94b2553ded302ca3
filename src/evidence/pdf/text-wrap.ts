import type { FontName } from './theme.js';

/** Measures text in a font and size; the pack writer passes pdfkit's measurement. */
export type Measure = (text: string, font: FontName, size: number) => number;

/** Whitespace that wrapping would change: a line break, a tab, a run of spaces, a space at either end. */
const IRREGULAR_SPACE = /[^\S ]| {2}|^ | $|^$/;

/** Wraps text to a width; widths come from the glyphs' advances (FastText), cheap enough not to cache per word. */
export class TextMeasurer {
  constructor(private readonly measure: Measure) {}

  width(text: string, font: FontName, size: number): number {
    return this.measure(text, font, size);
  }

  /**
   * Splits one over-long word (a hash, an e-mail address) into pieces that fit, by the widths of
   * its characters (measuring every prefix would shape thousands of one-off strings).
   */
  private breakWord(word: string, font: FontName, size: number, width: number): string[] {
    const pieces: string[] = [];
    let piece = '';
    let pieceWidth = 0;
    for (const ch of word) {
      const w = this.width(ch, font, size);
      if (piece !== '' && pieceWidth + w > width) {
        pieces.push(piece);
        piece = '';
        pieceWidth = 0;
      }
      piece += ch;
      pieceWidth += w;
    }
    if (piece !== '') pieces.push(piece);
    return pieces;
  }

  /** Lines of at most `width` points; at most `maxLines`, the last one ending in "…" when cut. */
  wrap(text: string, font: FontName, size: number, width: number, maxLines = Infinity): string[] {
    // Most table cells are one short line already: no splitting, no rebuilding (it was most of
    // the garbage a pack of 100k rows makes, and so of its peak memory).
    if (!IRREGULAR_SPACE.test(text) && this.width(text, font, size) <= width) return [text];
    const lines: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      const space = this.width(' ', font, size);
      let lineWidth = 0;
      for (const raw of paragraph.split(/\s+/).filter(Boolean)) {
        const parts = this.width(raw, font, size) > width ? this.breakWord(raw, font, size, width) : [raw];
        for (const word of parts) {
          const w = this.width(word, font, size);
          if (line !== '' && lineWidth + space + w > width) {
            lines.push(line);
            line = word;
            lineWidth = w;
          } else {
            line = line === '' ? word : `${line} ${word}`;
            lineWidth = line === word ? w : lineWidth + space + w;
          }
        }
      }
      lines.push(line);
    }
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1]!;
    while (last !== '' && this.width(`${last}…`, font, size) > width) last = last.slice(0, -1);
    kept[maxLines - 1] = `${last}…`;
    return kept;
  }
}
