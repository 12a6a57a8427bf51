import PDFDocument from 'pdfkit';
import type { CjkFonts } from './cjk-font';

const mm = (value: number) => (value * 72) / 25.4;

/** A4 with the margins of a printed notice: 30 mm top, 28 mm left (binding side), 26 mm right, 25 mm bottom. */
const PAGE = { size: 'A4' as const, top: mm(30), left: mm(28), right: mm(26), bottom: mm(25) };
const BODY_SIZE = 12; // 小四
const SMALL_SIZE = 9;
const LINE_GAP = 5;
const RULE = '#333333';
const SHADE = '#eeeeee';

export interface TableColumn {
  title: string;
  /** A share of the text width (the shares of a table need not add up to 1). */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/**
 * The few layout moves a notice needs, over pdfkit: a letterhead, a centred title and number, indented
 * paragraphs, label/value blocks, ruled tables that break across pages with their header repeated, a
 * signature line and a seal box (with the lookup's QR code beside it); page numbers at the end. Text is set in the embedded
 * (subset) Noto Sans CJK SC, so the file prints the same everywhere.
 */
export class PageWriter {
  readonly pdf: PDFKit.PDFDocument;
  /**
   * The last paragraph (and a heading right above it), drawn when the next block starts: the seal block sets
   * them together with its band, so a seal never stands on a page without the text it signs, and a heading
   * never ends a page without its paragraph.
   */
  private readonly pending: { kind: 'heading' | 'paragraph'; text: string }[] = [];

  constructor(fonts: CjkFonts, info: { title: string; author: string; createdOn: Date }) {
    this.pdf = new PDFDocument({
      size: PAGE.size,
      margins: { top: PAGE.top, left: PAGE.left, right: PAGE.right, bottom: PAGE.bottom },
      bufferPages: true,
      info: {
        Title: info.title,
        Author: info.author,
        Creator: 'OneWindow',
        CreationDate: info.createdOn,
      },
      lang: 'zh-CN',
    });
    // pdfkit takes a parsed fontkit font as well as a path (its typings know only paths and buffers).
    this.pdf.registerFont('body', fonts.regular as never);
    this.pdf.registerFont('bold', fonts.bold as never);
    this.pdf.font('body').fontSize(BODY_SIZE);
  }

  get width(): number {
    return this.pdf.page.width - PAGE.left - PAGE.right;
  }

  private get bottom(): number {
    return this.pdf.page.height - PAGE.bottom;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensureSpace(height: number): void {
    if (this.pdf.y + height > this.bottom) this.pdf.addPage();
  }

  /** The centre's name above the title, and a rule. */
  letterhead(centreName: string): void {
    this.flushPending();
    const { pdf } = this;
    pdf
      .font('body')
      .fontSize(11)
      .fillColor('#000')
      .text(centreName, PAGE.left, PAGE.top - mm(12), {
        width: this.width,
        align: 'center',
      });
    const y = pdf.y + 2;
    pdf
      .moveTo(PAGE.left, y)
      .lineTo(PAGE.left + this.width, y)
      .lineWidth(0.8)
      .strokeColor(RULE)
      .stroke();
    pdf.y = Math.max(PAGE.top, y + mm(6));
  }

  title(title: string, documentNo: string): void {
    this.flushPending();
    const { pdf } = this;
    pdf.font('bold').fontSize(20).text(title, PAGE.left, pdf.y, {
      width: this.width,
      align: 'center',
      characterSpacing: 2,
    });
    pdf.moveDown(0.4);
    pdf.font('body').fontSize(BODY_SIZE).text(`编号：${documentNo}`, { width: this.width, align: 'right' });
    pdf.moveDown(0.8);
  }

  /** `张三：` (whom the notice addresses), flush left. */
  addressee(name: string): void {
    this.flushPending();
    this.pdf.font('body').fontSize(BODY_SIZE).text(`${name}：`, PAGE.left, this.pdf.y, { width: this.width });
    this.pdf.moveDown(0.3);
  }

  /** A body paragraph with the customary two-character first-line indent (drawn when the next block starts). */
  paragraph(text: string): void {
    // A heading waits for the paragraph under it: the two move together.
    if (this.pending.at(-1)?.kind !== 'heading') this.flushPending();
    this.pending.push({ kind: 'paragraph', text });
  }

  /** A bold caption for the block that follows (一、… 二、…). */
  heading(text: string): void {
    this.flushPending();
    this.pending.push({ kind: 'heading', text });
  }

  /** The height of the pending blocks as they will be drawn, with the space after each. */
  private pendingHeight(): number {
    const { pdf } = this;
    return this.pending.reduce((sum, block) => {
      const bold = block.kind === 'heading';
      pdf.font(bold ? 'bold' : 'body').fontSize(BODY_SIZE);
      const height = pdf.heightOfString(block.text, {
        width: this.width,
        ...(bold ? {} : PageWriter.paragraphOptions),
      });
      return sum + height + pdf.currentLineHeight(true) * (bold ? 0.3 : 0.4);
    }, 0);
  }

  /** Draws the pending heading and paragraph. */
  private flushPending(): void {
    const { pdf } = this;
    for (const block of this.pending.splice(0)) {
      if (block.kind === 'heading') {
        this.ensureSpace(BODY_SIZE * 4);
        pdf.font('bold').fontSize(BODY_SIZE).text(block.text, PAGE.left, pdf.y, { width: this.width });
        pdf.moveDown(0.3);
      } else {
        pdf
          .font('body')
          .fontSize(BODY_SIZE)
          .text(block.text, PAGE.left, pdf.y, { width: this.width, ...PageWriter.paragraphOptions });
        pdf.moveDown(0.4);
      }
    }
  }

  private static readonly paragraphOptions = {
    indent: BODY_SIZE * 2,
    lineGap: LINE_GAP,
    // Not 'justify': pdfkit justifies by widening spaces, and a Chinese line has few or none.
    align: 'left',
  } as const;

  /** Label/value pairs as a two-column ruled table. */
  fields(rows: [label: string, value: string][]): void {
    this.table(
      [
        { title: '', width: 0.28 },
        { title: '', width: 0.72 },
      ],
      rows,
      { header: false, boldFirstColumn: true },
    );
  }

  /** A ruled table; rows that do not fit start a new page, where the header row is repeated. */
  table(
    columns: TableColumn[],
    rows: string[][],
    { header = true, boldFirstColumn = false }: { header?: boolean; boldFirstColumn?: boolean } = {},
  ): void {
    this.flushPending();
    const { pdf } = this;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 4;
    pdf.font('body').fontSize(10.5);
    const heightOf = (cells: string[], bold: (i: number) => boolean) =>
      Math.max(
        ...cells.map((cell, i) => {
          pdf.font(bold(i) ? 'bold' : 'body');
          return pdf.heightOfString(cell || ' ', { width: widths[i] - 2 * pad, lineGap: 2 });
        }),
      ) +
      2 * pad;
    const drawRow = (cells: string[], shaded: boolean, bold: (i: number) => boolean) => {
      const height = heightOf(cells, bold);
      let x = PAGE.left;
      const y = pdf.y;
      cells.forEach((cell, i) => {
        if (shaded) pdf.rect(x, y, widths[i], height).fill(SHADE);
        pdf.rect(x, y, widths[i], height).lineWidth(0.5).strokeColor(RULE).stroke();
        pdf
          .fillColor('#000')
          .font(bold(i) ? 'bold' : 'body')
          .text(cell, x + pad, y + pad, {
            width: widths[i] - 2 * pad,
            align: columns[i].align ?? 'left',
            lineGap: 2,
          });
        x += widths[i];
      });
      pdf.y = y + height;
    };
    const drawHeader = () => {
      if (header)
        drawRow(
          columns.map((c) => c.title),
          true,
          () => true,
        );
    };
    const bodyBold = (i: number) => boldFirstColumn && i === 0;
    this.ensureSpace(
      (header
        ? heightOf(
            columns.map((c) => c.title),
            () => true,
          )
        : 0) + heightOf(rows[0] ?? [''], bodyBold),
    );
    drawHeader();
    for (const row of rows) {
      if (pdf.y + heightOf(row, bodyBold) > this.bottom) {
        pdf.addPage();
        drawHeader();
      }
      drawRow(row, false, bodyBold);
    }
    pdf.x = PAGE.left;
    pdf.font('body').fontSize(BODY_SIZE);
    pdf.moveDown(0.8);
  }

  /** A line to sign on, e.g. `申请人（签字）：`, with a date blank. */
  signatureLine(label: string): void {
    this.flushPending();
    this.ensureSpace(BODY_SIZE * 4);
    const { pdf } = this;
    pdf.moveDown(0.6);
    const y = pdf.y;
    pdf.font('body').fontSize(BODY_SIZE).text(`${label}`, PAGE.left, y);
    const start = PAGE.left + pdf.widthOfString(label) + 4;
    pdf
      .moveTo(start, y + BODY_SIZE + 2)
      .lineTo(start + mm(45), y + BODY_SIZE + 2)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    const dateX = start + mm(55);
    pdf.text('日期：', dateX, y);
    const dateLine = dateX + pdf.widthOfString('日期：') + 4;
    pdf
      .moveTo(dateLine, y + BODY_SIZE + 2)
      .lineTo(dateLine + mm(35), y + BODY_SIZE + 2)
      .stroke();
    pdf.x = PAGE.left;
    pdf.y = y + BODY_SIZE * 2.5;
  }

  /**
   * The issuing body and the date at the right, over a dashed circle that marks where the seal goes
   * (the notice is valid with the authority's seal, Art. 32 ¶2); the issuing person at the left. With
   * `lookup`, how to check progress stands over the band (the address on a line of its own, so that it is
   * read and copied whole) and the QR code at the band's left: kept together with the last paragraph, so a seal
   * never starts a page of its own below the text it signs.
   */
  sealBlock(
    centreName: string,
    date: string,
    issuedBy: string,
    lookup?: { png: Buffer; caption: string; url: string; besideCode: string[] },
  ): void {
    const { pdf } = this;
    const blockHeight = mm(36);
    const captionOptions = { width: this.width, lineGap: 2 };
    pdf.font('body').fontSize(SMALL_SIZE + 1);
    const captionHeight = lookup
      ? mm(2) +
        pdf.heightOfString(lookup.caption, captionOptions) +
        pdf.heightOfString(lookup.url, captionOptions)
      : 0;
    // Everything down to the seal's label (33 mm into the band; the circle may reach into the bottom margin):
    // text past the bottom margin would start a page of its own. The last paragraph goes with it.
    const bandHeight = captionHeight + mm(4) + mm(33);
    this.ensureSpace(this.pendingHeight() + bandHeight);
    this.flushPending();
    this.ensureSpace(bandHeight);
    pdf.font('body').fontSize(SMALL_SIZE + 1);
    if (lookup) {
      pdf.fillColor('#000').text(lookup.caption, PAGE.left, pdf.y + mm(2), captionOptions);
      pdf.text(lookup.url, PAGE.left, pdf.y, captionOptions);
    }
    const top = pdf.y + mm(4);
    const right = PAGE.left + this.width;
    const sealRadius = mm(19);
    const centreX = right - mm(30);
    const centreY = top + mm(17);
    pdf
      .circle(centreX, centreY, sealRadius)
      .dash(3, { space: 3 })
      .lineWidth(0.6)
      .strokeColor('#b22222')
      .stroke()
      .undash();
    pdf
      .fontSize(SMALL_SIZE)
      .fillColor('#b22222')
      .text('（盖章）', centreX - sealRadius, centreY + sealRadius - SMALL_SIZE * 2.2, {
        width: sealRadius * 2,
        align: 'center',
      });
    pdf.fillColor('#000').fontSize(BODY_SIZE);
    const textWidth = mm(70);
    pdf.text(centreName, right - textWidth, centreY - BODY_SIZE * 1.2, { width: textWidth, align: 'right' });
    pdf.text(date, right - textWidth, centreY + BODY_SIZE * 0.4, { width: textWidth, align: 'right' });
    const qrSize = mm(24);
    if (lookup) pdf.image(lookup.png, PAGE.left, centreY - qrSize / 2, { width: qrSize, height: qrSize });
    // Beside the code: what the lookup asks for (the case number, a phone for questions), then the issuing person.
    const lines = [...(lookup?.besideCode ?? []), `经办人：${issuedBy}`];
    const lineHeight = BODY_SIZE * 1.5;
    const firstLine = centreY - BODY_SIZE * 0.4 - ((lines.length - 1) * lineHeight) / 2;
    lines.forEach((line, i) =>
      pdf.text(line, lookup ? PAGE.left + qrSize + mm(5) : PAGE.left, firstLine + i * lineHeight, {
        width: mm(70),
        lineBreak: false,
      }),
    );
    pdf.x = PAGE.left;
    pdf.y = top + blockHeight;
  }

  /** `第 n 页 共 m 页` and the document number in every page's foot; then the PDF bytes. */
  async finish(documentNo: string): Promise<Buffer> {
    this.flushPending();
    const { pdf } = this;
    const range = pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      pdf.switchToPage(i);
      const y = pdf.page.height - PAGE.bottom + mm(8);
      // Writing into the bottom margin must not start a new page.
      pdf.page.margins.bottom = 0;
      pdf
        .font('body')
        .fontSize(SMALL_SIZE)
        .fillColor('#555')
        .text(`${documentNo}  第 ${i + 1} 页 共 ${range.count} 页`, PAGE.left, y, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
    }
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve, reject) => {
      pdf.on('end', () => resolve(Buffer.concat(chunks)));
      pdf.on('error', reject);
    });
    pdf.end();
    return done;
  }
}
