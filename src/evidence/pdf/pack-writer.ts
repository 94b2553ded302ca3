import type PDFDocument from 'pdfkit';
import type { PackSteps } from '../pack-steps.js';
import { addOperators, FastText } from './fast-text.js';
import { TextMeasurer } from './text-wrap.js';
import { COLOR, PAGE, type FontName, type Orientation } from './theme.js';

type Doc = InstanceType<typeof PDFDocument>;

export interface PageFrame {
  /** Left of the running header (the organisation) and right of it (the pack's title). */
  headerLeft: string;
  headerRight: string;
  /** Left of the footer (generation time, signer). */
  footerLeft: string;
}

export interface Column {
  header: string;
  /** Share of the table's width. */
  weight: number;
  align?: 'left' | 'right';
  /** Lines a cell may take before it is cut with "…" (the attachments carry every word). */
  maxLines?: number;
  color?: (value: string) => string | undefined;
  font?: FontName;
}

export interface TableSpec {
  columns: Column[];
  rows: Iterable<readonly string[]>;
  size?: number;
  /** Shown above the header on every page after the first: "Decision detail (continued)". */
  continuedTitle?: string;
}

const LINE = 1.22;

/** A coordinate or length in the content stream: at most 3 decimals, no exponent. */
function n(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

const COLOR_OPERATORS = new Map<string, string>();

/** `#rrggbb` as a PDF colour operator: `rg` to fill, `RG` to stroke (made once per colour). */
export function pdfColor(hex: string, operator: 'rg' | 'RG'): string {
  const key = `${hex}${operator}`;
  let made = COLOR_OPERATORS.get(key);
  if (made === undefined) {
    const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    if (!match) throw new Error(`evidence pack: colour ${hex} is not #rrggbb`);
    made = `${match.slice(1).map((c) => String(Math.round((parseInt(c, 16) / 255) * 1000) / 1000)).join(' ')} ${operator}`;
    COLOR_OPERATORS.set(key, made);
  }
  return made;
}

/**
 * Lays out the pack page by page. The same code runs twice: once to measure (nothing is drawn;
 * it learns how many pages each section takes) and once to draw, when "Page X of Y" and the
 * contents' page numbers are known. Pages stream out as they are finished: no page is held in
 * memory, so a pack of 100k decisions stays small in memory.
 */
export class PackWriter {
  page = 0;
  y = 0;
  private orientation: Orientation = 'portrait';
  private readonly text: TextMeasurer;
  private readonly glyphs = new FastText();
  private current: { font: FontName | null; size: number } = { font: null, size: 0 };
  /** Table rows laid out so far (progress). */
  private rows = 0;
  /** Where each section starts: filled in by the measuring run, read by the contents page. */
  readonly sectionStarts = new Map<string, number>();

  constructor(
    private readonly doc: Doc,
    readonly drawing: boolean,
    private readonly frame: PageFrame,
    private readonly totalPages: number,
    private readonly work: { steps?: PackSteps; onRows?: (done: number) => void } = {},
  ) {
    this.text = new TextMeasurer((t, font, size) => {
      this.setFont(font, size);
      return this.glyphs.width(doc, t);
    });
  }

  get left(): number {
    return PAGE.marginX;
  }
  get pageWidth(): number {
    return PAGE[this.orientation].width;
  }
  get width(): number {
    return this.pageWidth - 2 * PAGE.marginX;
  }
  get bottom(): number {
    return PAGE[this.orientation].height - PAGE.bottom;
  }

  measure(text: string, font: FontName, size: number): number {
    return this.text.width(text, font, size);
  }
  wrap(text: string, font: FontName, size: number, width: number, maxLines?: number): string[] {
    return this.text.wrap(text, font, size, width, maxLines);
  }

  private setFont(font: FontName, size: number): void {
    if (this.current.font !== font) this.doc.font(font);
    if (this.current.size !== size) this.doc.fontSize(size);
    this.current.font = font;
    this.current.size = size;
  }

  /** One line of text at a position; nothing is drawn while measuring. */
  textAt(text: string, x: number, y: number, font: FontName, size: number, color: string = COLOR.ink, options: { width?: number; align?: 'left' | 'right' | 'center' } = {}): void {
    if (!this.drawing || text === '') return;
    this.setFont(font, size);
    let at = x;
    if (options.width !== undefined && options.align !== undefined && options.align !== 'left') {
      const w = this.measure(text, font, size);
      at = options.align === 'right' ? x + options.width - w : x + (options.width - w) / 2;
    }
    this.glyphs.draw(this.doc, text, at, y, pdfColor(color, 'rg'));
  }

  // Shapes are written as content operators with their colour, each in its own graphics state
  // (q … Q): pdfkit's colour calls parse the colour and add operators per call, in the hottest loop.
  fillRect(x: number, y: number, w: number, h: number, color: string): void {
    if (!this.drawing) return;
    addOperators(this.doc, `q ${pdfColor(color, 'rg')} ${n(x)} ${n(y)} ${n(w)} ${n(h)} re f Q`);
  }

  line(x1: number, y1: number, x2: number, y2: number, color: string = COLOR.rule, width = 0.6): void {
    if (!this.drawing) return;
    addOperators(this.doc, `q ${pdfColor(color, 'RG')} ${n(width)} w ${n(x1)} ${n(y1)} m ${n(x2)} ${n(y2)} l S Q`);
  }

  newPage(orientation: Orientation = this.orientation, options: { frame?: boolean } = {}): void {
    this.orientation = orientation;
    this.page += 1;
    this.y = PAGE.top;
    if (!this.drawing) return;
    this.doc.addPage({ size: 'A4', layout: orientation, margin: 0 });
    this.current = { font: null, size: 0 };
    const h = PAGE[orientation].height;
    if (options.frame !== false) {
      this.textAt(this.frame.headerLeft, this.left, 30, 'semibold', 8.5, COLOR.navy);
      this.textAt(this.frame.headerRight, this.left, 30, 'regular', 8.5, COLOR.muted, { width: this.width, align: 'right' });
      this.line(this.left, 44, this.left + this.width, 44);
    }
    this.line(this.left, h - 42, this.left + this.width, h - 42);
    this.textAt(this.frame.footerLeft, this.left, h - 36, 'regular', 7.5, COLOR.muted);
    this.textAt(`Page ${this.page} of ${this.totalPages}`, this.left, h - 36, 'semibold', 7.5, COLOR.muted, { width: this.width, align: 'right' });
  }

  /** Starts a new page when `height` more points do not fit on this one. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  space(points: number): void {
    this.y += points;
  }

  /** A section: a new page, a bookmark in the outline, a title. */
  section(id: string, title: string, orientation: Orientation = 'portrait'): void {
    this.newPage(orientation);
    this.sectionStarts.set(id, this.page);
    if (this.drawing) this.doc.outline.addItem(title);
    this.heading(title, 1);
  }

  heading(text: string, level: 1 | 2): void {
    const size = level === 1 ? 17 : 11.5;
    this.ensure(size * LINE + (level === 1 ? 14 : 40));
    if (level === 2) this.y += 6;
    this.textAt(text, this.left, this.y, level === 1 ? 'bold' : 'semibold', size, COLOR.navy);
    this.y += size * LINE + (level === 1 ? 2 : 3);
    if (level === 1) {
      this.fillRect(this.left, this.y, 36, 2, COLOR.navy);
      this.y += 12;
    }
  }

  paragraph(text: string, options: { font?: FontName; size?: number; color?: string; gap?: number; indent?: number } = {}): void {
    const font = options.font ?? 'regular';
    const size = options.size ?? 9.5;
    const indent = options.indent ?? 0;
    for (const line of this.wrap(text, font, size, this.width - indent)) {
      this.ensure(size * LINE);
      this.textAt(line, this.left + indent, this.y, font, size, options.color ?? COLOR.ink);
      this.y += size * LINE;
    }
    this.y += options.gap ?? 6;
  }

  /** Label / value pairs in two columns; values wrap. */
  keyValues(rows: readonly (readonly [string, string])[], options: { labelWidth?: number; size?: number; valueColor?: (label: string, value: string) => string | undefined } = {}): void {
    const size = options.size ?? 9.5;
    const labelWidth = options.labelWidth ?? 150;
    for (const [label, value] of rows) {
      const lines = this.wrap(value === '' ? '—' : value, 'regular', size, this.width - labelWidth);
      this.ensure(lines.length * size * LINE + 3);
      this.textAt(label, this.left, this.y, 'semibold', size, COLOR.muted);
      lines.forEach((line, i) => this.textAt(line, this.left + labelWidth, this.y + i * size * LINE, 'regular', size, options.valueColor?.(label, value) ?? COLOR.ink));
      this.y += lines.length * size * LINE + 3;
    }
    this.y += 6;
  }

  /** A table whose header repeats on every page it runs onto; rows never split across pages. */
  async table(spec: TableSpec): Promise<number> {
    const size = spec.size ?? 8;
    const pad = 3;
    const total = spec.columns.reduce((s, c) => s + c.weight, 0);
    const widths = spec.columns.map((c) => (c.weight / total) * this.width);
    const lineHeight = size * LINE;
    const headerLines = spec.columns.map((c, i) => this.wrap(c.header, 'semibold', size, widths[i]! - 2 * pad));
    const headerHeight = Math.max(...headerLines.map((l) => l.length)) * lineHeight + 2 * pad;
    const drawHeader = (continued: boolean): void => {
      if (continued && spec.continuedTitle) {
        this.textAt(`${spec.continuedTitle} (continued)`, this.left, this.y, 'italic', 8.5, COLOR.muted);
        this.y += 8.5 * LINE + 2;
      }
      this.fillRect(this.left, this.y, this.width, headerHeight, COLOR.headerFill);
      let x = this.left;
      spec.columns.forEach((c, i) => {
        headerLines[i]!.forEach((line, j) => this.textAt(line, x + pad, this.y + pad + j * lineHeight, 'semibold', size, COLOR.navy, { width: widths[i]! - 2 * pad, align: c.align ?? 'left' }));
        x += widths[i]!;
      });
      this.y += headerHeight;
    };
    this.ensure(headerHeight + lineHeight + 2 * pad);
    drawHeader(false);
    let count = 0;
    for (const row of spec.rows) {
      const cells = spec.columns.map((c, i) => this.wrap(row[i] ?? '', c.font ?? 'regular', size, widths[i]! - 2 * pad, c.maxLines ?? 4));
      const height = Math.max(1, ...cells.map((l) => l.length)) * lineHeight + 2 * pad;
      if (this.y + height > this.bottom) {
        this.newPage();
        drawHeader(true);
      }
      if (count % 2 === 1) this.fillRect(this.left, this.y, this.width, height, COLOR.zebra);
      let x = this.left;
      spec.columns.forEach((c, i) => {
        const color = c.color?.(row[i] ?? '') ?? COLOR.ink;
        cells[i]!.forEach((line, j) => this.textAt(line, x + pad, this.y + pad + j * lineHeight, c.font ?? 'regular', size, color, { width: widths[i]! - 2 * pad, align: c.align ?? 'left' }));
        x += widths[i]!;
      });
      this.y += height;
      count += 1;
      // Every so often: report, let the event loop turn (progress out, a cancel in), stop if cancelled.
      if ((++this.rows & 1023) === 0) {
        this.work.onRows?.(this.rows);
        await this.work.steps?.pause();
      }
    }
    if (count === 0) {
      this.textAt('None.', this.left + pad, this.y + pad, 'italic', size, COLOR.muted);
      this.y += lineHeight + 2 * pad;
    }
    this.line(this.left, this.y, this.left + this.width, this.y);
    this.y += 10;
    return count;
  }
}
