import "server-only";
import { FONT, MARGIN, printable } from "./document";

// Page furniture and flowing content for A4 documents: every page carries the running title (the school's
// name) and the document's name at the top, and who generated it, when, and the page number at the foot.
// Tables break across pages with their header row repeated. Sizes are for reading printed at 100 %:
// 10 pt body, 8.5 pt tables.

export const INK = "#111827";
export const MUTED = "#4b5563";
export const RULE = "#d1d5db";
export const SHADE = "#f3f4f6";
/** Status colours, always beside the status in words (print in greyscale loses nothing). */
export const TONE = { bad: "#b91c1c", warn: "#92400e", good: "#166534", plain: INK } as const;
export type Tone = keyof typeof TONE;

export type Running = {
  /** Top left on every page: the school's (or trust's) name. */
  title: string;
  /** Top right: the document, e.g. "Evidence pack". */
  document: string;
  /** Bottom left: "Generated 30 Nov 2026 at 09:14 by Ann Lead". */
  footer: string;
};

export type Column<R> = {
  header: string;
  /** A share of the content width; the shares are scaled to fill it. */
  width: number;
  text: (row: R) => string;
  align?: "left" | "right";
  bold?: (row: R) => boolean;
  tone?: (row: R) => Tone;
};

const HEADER_TOP = 24;
const FOOTER_GAP = 18;
const BODY = 10;
const SMALL = 8.5;
const CELL_PAD = 4;

export class PageWriter {
  readonly doc: PDFKit.PDFDocument;
  running: Running;
  pageNumber = 0;
  private openTable: { columns: Column<unknown>[]; widths: number[] } | null = null;

  constructor(doc: PDFKit.PDFDocument, running: Running) {
    this.doc = doc;
    this.running = running;
  }

  get left() {
    return MARGIN;
  }
  get width() {
    return this.doc.page.width - 2 * MARGIN;
  }
  private get bottom() {
    return this.doc.page.height - MARGIN;
  }
  get y() {
    return this.doc.y;
  }

  /** Starts a new page with its furniture. A table in progress repeats its header row. */
  newPage(): void {
    const doc = this.doc;
    doc.addPage();
    this.pageNumber += 1;
    const { width, height } = doc.page;
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // furniture sits in the margins; PDFKit would otherwise start a page
    doc.font(FONT.bold).fontSize(9).fillColor(INK);
    const titleWidth = (width - 2 * MARGIN) * 0.65;
    doc.text(printable(this.running.title), MARGIN, HEADER_TOP, { width: titleWidth, lineBreak: false, ellipsis: true });
    doc.font(FONT.regular).fillColor(MUTED);
    doc.text(this.running.document, MARGIN + titleWidth, HEADER_TOP, { width: width - 2 * MARGIN - titleWidth, align: "right", lineBreak: false });
    doc
      .moveTo(MARGIN, HEADER_TOP + 14)
      .lineTo(width - MARGIN, HEADER_TOP + 14)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    const footerY = height - MARGIN + FOOTER_GAP;
    doc.fontSize(SMALL).fillColor(MUTED);
    doc.text(printable(this.running.footer), MARGIN, footerY, { width: (width - 2 * MARGIN) * 0.8, lineBreak: false, ellipsis: true });
    doc.text(`Page ${this.pageNumber}`, MARGIN, footerY, { width: width - 2 * MARGIN, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
    doc.fillColor(INK).font(FONT.regular).fontSize(BODY);
    doc.x = MARGIN;
    doc.y = MARGIN;
    if (this.openTable) this.drawHeaderRow(this.openTable.columns, this.openTable.widths);
  }

  /** Moves to a new page unless `height` points fit below the current position. */
  need(height: number): void {
    if (this.pageNumber === 0 || this.doc.y + height > this.bottom) this.newPage();
  }

  gap(points = 8): void {
    this.doc.y += points;
  }

  heading(raw: string, level: 1 | 2 | 3 = 2): void {
    const text = printable(raw);
    const size = level === 1 ? 18 : level === 2 ? 13 : 11;
    const doc = this.doc.font(FONT.bold).fontSize(size);
    const height = doc.heightOfString(text, { width: this.width });
    this.need(height + 72); // never a heading alone at the foot of a page: room for a line and a table row or two
    if (this.doc.y > MARGIN + 1) this.gap(level === 1 ? 4 : 10);
    doc.font(FONT.bold).fontSize(size); // again: a new page above resets the font
    doc.fillColor(INK).text(text, this.left, doc.y, { width: this.width });
    doc.font(FONT.regular).fontSize(BODY);
    this.gap(level === 1 ? 6 : 4);
  }

  paragraph(raw: string, options: { size?: number; tone?: Tone; bold?: boolean; muted?: boolean } = {}): void {
    const text = printable(raw);
    const doc = this.doc.font(options.bold ? FONT.bold : FONT.regular).fontSize(options.size ?? BODY);
    const height = doc.heightOfString(text, { width: this.width });
    // The whole paragraph on one page when it fits on one: PDFKit would otherwise start a page of its own, without furniture.
    this.need(Math.min(height, this.bottom - MARGIN));
    doc.font(options.bold ? FONT.bold : FONT.regular).fontSize(options.size ?? BODY);
    doc.fillColor(options.muted ? MUTED : TONE[options.tone ?? "plain"]).text(text, this.left, doc.y, { width: this.width });
    doc.fillColor(INK).font(FONT.regular).fontSize(BODY);
    this.gap(4);
  }

  /** Label and value pairs, two columns. */
  details(pairs: [string, string][]): void {
    const doc = this.doc;
    const labelWidth = this.width * 0.3;
    for (const [label, raw] of pairs) {
      const value = printable(raw);
      doc.font(FONT.regular).fontSize(BODY);
      const height = Math.max(doc.heightOfString(value, { width: this.width - labelWidth }), 14);
      this.need(height);
      const y = doc.y;
      doc.fillColor(MUTED).text(label, this.left, y, { width: labelWidth - 8 });
      doc.fillColor(INK).text(value, this.left + labelWidth, y, { width: this.width - labelWidth });
      doc.y = y + height + 3;
    }
    this.gap(4);
  }

  /** Starts a table: its header row now, and again at the top of every page until endTable(). */
  startTable<R>(columns: Column<R>[]): TableWriter<R> {
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (column.width / total) * this.width);
    this.need(40);
    this.openTable = { columns: columns as Column<unknown>[], widths };
    this.drawHeaderRow(columns as Column<unknown>[], widths);
    return new TableWriter<R>(this, columns, widths);
  }

  /** @internal */
  endTable(): void {
    this.openTable = null;
    this.gap(8);
  }

  private drawHeaderRow(columns: Column<unknown>[], widths: number[]): void {
    const doc = this.doc.font(FONT.bold).fontSize(SMALL);
    const height = Math.max(...columns.map((column, i) => doc.heightOfString(column.header, { width: widths[i]! - 2 * CELL_PAD }))) + 2 * CELL_PAD;
    const top = doc.y;
    doc.rect(this.left, top, this.width, height).fillColor(SHADE).fill();
    doc.fillColor(INK);
    let x = this.left;
    columns.forEach((column, i) => {
      const width = widths[i]!;
      doc.text(column.header, x + CELL_PAD, top + CELL_PAD, { width: width - 2 * CELL_PAD, align: column.align ?? "left" });
      x += width;
    });
    doc.y = top + height;
    doc.font(FONT.regular);
  }
}

/** Measured cell heights, by font, width and text: courses, statuses and dates repeat row after row. Bounded. */
const MEASURED_LIMIT = 5000;

export class TableWriter<R> {
  private readonly measured = new Map<string, number>();

  constructor(
    private readonly writer: PageWriter,
    private readonly columns: Column<R>[],
    private readonly widths: number[],
  ) {}

  row(row: R): void {
    const doc = this.writer.doc;
    doc.fontSize(SMALL);
    const cells = this.columns.map((column, i) => ({ column, width: this.widths[i]! - 2 * CELL_PAD, text: printable(column.text(row)), bold: column.bold?.(row) ?? false }));
    const lineHeight = doc.font(FONT.regular).currentLineHeight(true);
    // One line unless the text is wider than its cell (measuring a width is much cheaper than a wrapped height).
    const heights = cells.map(({ text, width, bold }) => {
      const key = `${bold ? "b" : "r"}${width}|${text}`;
      let height = this.measured.get(key);
      if (height === undefined) {
        doc.font(bold ? FONT.bold : FONT.regular);
        height = doc.widthOfString(text) <= width && !text.includes("\n") ? lineHeight : doc.heightOfString(text, { width });
        if (this.measured.size >= MEASURED_LIMIT) this.measured.clear();
        this.measured.set(key, height);
      }
      return height;
    });
    const height = Math.max(...heights, lineHeight) + 2 * CELL_PAD;
    this.writer.need(height);
    const top = doc.y;
    let x = this.writer.left;
    cells.forEach(({ column, width, text, bold }, i) => {
      doc.font(bold ? FONT.bold : FONT.regular).fillColor(TONE[column.tone?.(row) ?? "plain"]);
      const options = { width, align: column.align ?? "left", ...(heights[i] === lineHeight ? { lineBreak: false } : {}) } as const;
      doc.text(text, x + CELL_PAD, top + CELL_PAD, options);
      x += width + 2 * CELL_PAD;
    });
    doc
      .moveTo(this.writer.left, top + height)
      .lineTo(this.writer.left + this.writer.width, top + height)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    doc.fillColor(INK).font(FONT.regular);
    doc.y = top + height;
  }

  end(): void {
    this.writer.endTable();
  }
}
