import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { CHART_HEIGHT, CHART_WIDTH, chartPng } from './charts.ts';
import type { ReportDocument, TableBlock } from './document.ts';

/**
 * PDF with pdfkit (pure JavaScript): title page, numbered headings, tables with a repeated header row,
 * charts as PNG, page numbers. Uses a Unicode TrueType font when one is installed (DejaVu, Liberation);
 * otherwise the built-in Helvetica, whose WinAnsi encoding lacks a few signs we then replace.
 */
const FONT_CANDIDATES = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  [
    '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  ],
];
const BLUE = '#0b4f8a';
const isNumeric = (s: string) => /^[\d.,\s\u00a0%€•–−+]+$/.test(s);
const MARGIN = 56;

export async function renderPdf(doc: ReportDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: doc.title, Subject: doc.subtitle, Creator: 'Teilhabe' },
    lang: 'de-DE',
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));

  const fonts = FONT_CANDIDATES.find((pair) => pair.every((f) => fs.existsSync(f)));
  let regular = 'Helvetica';
  let bold = 'Helvetica-Bold';
  if (fonts) {
    pdf.registerFont('body', fonts[0] as string);
    pdf.registerFont('bold', fonts[1] as string);
    regular = 'body';
    bold = 'bold';
  }
  const t = (s: string) => (fonts ? s : s.replace(/\u2212/g, '-').replace(/\u202f|\u00a0/g, ' '));
  const width = pdf.page.width - 2 * MARGIN;
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;
  const ensure = (h: number) => {
    if (pdf.y + h > bottom()) pdf.addPage();
  };

  // title page
  pdf.font(bold).fontSize(30).fillColor(BLUE).text(t(doc.title), MARGIN, 260, { width });
  pdf.moveDown(0.5).font(regular).fontSize(16).fillColor('black').text(t(doc.subtitle), { width });
  pdf.addPage();

  // contents (headings of level 1 and 2 with their page numbers, filled in after layout)
  const headings = doc.blocks.filter((b) => b.kind === 'heading' && b.level <= 2);
  const contentsPage = pdf.bufferedPageRange().count - 1;
  pdf.font(bold).fontSize(18).fillColor(BLUE).text('Inhalt', { width });
  pdf.moveDown(0.5);
  const contentsY: number[] = [];
  for (const h of headings) {
    if (h.kind !== 'heading') continue;
    contentsY.push(pdf.y);
    pdf
      .font(h.level === 1 ? bold : regular)
      .fontSize(10.5)
      .fillColor('black')
      .text(t(`${h.number ? `${h.number}  ` : ''}${h.text}`), MARGIN + (h.level - 1) * 18, pdf.y, { width: width - 60 });
  }
  const headingPages: number[] = [];

  let tables = 0;
  let charts = 0;
  const drawTable = (b: TableBlock) => {
    const n = b.columns.length;
    // the first column as wide as its longest label (within bounds), the others share the rest
    pdf.font(regular).fontSize(8.5);
    const longest = Math.max(...b.rows.map((r) => pdf.widthOfString(t(r[0]?.text ?? ''))), 0) + 10;
    const first = Math.min(Math.max(longest, width * 0.2), width * (n <= 2 ? 0.6 : 0.45), width - (n - 1) * 48);
    const rest = (width - first) / Math.max(1, n - 1);
    const widths = b.columns.map((_, i) => (i === 0 ? first : rest));
    // numbers right-aligned, words left-aligned (a column of team names is text)
    const numeric = b.columns.map((_, i) => i > 0 && b.rows.every((r) => isNumeric(r[i]?.text ?? '')));
    const row = (cells: string[], header: boolean) => {
      pdf.font(header ? bold : regular).fontSize(8.5);
      const h = Math.max(...cells.map((c, i) => pdf.heightOfString(t(c), { width: (widths[i] as number) - 6 }))) + 6;
      return {
        h,
        draw: () => {
          pdf.font(header ? bold : regular).fontSize(8.5);
          const y = pdf.y;
          let x = MARGIN;
          cells.forEach((c, i) => {
            pdf.text(t(c), x + 3, y + 3, { width: (widths[i] as number) - 6, align: numeric[i] ? 'right' : 'left' });
            x += widths[i] as number;
          });
          pdf
            .moveTo(MARGIN, y + h)
            .lineTo(MARGIN + width, y + h)
            .lineWidth(header ? 1 : 0.4)
            .strokeColor(header ? '#000000' : '#999999')
            .stroke();
          pdf.x = MARGIN;
          pdf.y = y + h;
        },
      };
    };
    tables += 1;
    pdf.font(bold).fontSize(9.5);
    const caption = t(`Tabelle ${tables}: ${b.caption}`);
    const header = row(b.columns, true);
    const firstRow = b.rows[0]
      ? row(
          b.rows[0].map((c) => c.text),
          false,
        )
      : { h: 0 };
    // A table that fits on one page starts on a new page rather than being split; longer ones split
    // with the header repeated.
    const bodyHeight = b.rows.reduce(
      (sum, r) =>
        sum +
        row(
          r.map((c) => c.text),
          false,
        ).h,
      0,
    );
    const captionHeight = pdf.heightOfString(caption, { width });
    pdf.font(regular).fontSize(7.5);
    const notesHeight = b.footnotes.reduce((sum, f) => sum + pdf.heightOfString(t(f), { width }) + 3, 0);
    const whole = captionHeight + header.h + bodyHeight + notesHeight + 8;
    ensure(whole <= bottom() - MARGIN ? whole : captionHeight + header.h + firstRow.h + 8);
    pdf.font(bold).fontSize(9.5).fillColor(BLUE).text(caption, MARGIN, pdf.y, { width });
    pdf.fillColor('black').moveDown(0.2);
    header.draw();
    for (const r of b.rows) {
      const line = row(
        r.map((c) => c.text),
        false,
      );
      if (pdf.y + line.h > bottom()) {
        pdf.addPage();
        row(b.columns, true).draw();
        row(
          r.map((c) => c.text),
          false,
        );
      }
      line.draw();
    }
    for (const f of b.footnotes)
      pdf
        .font(regular)
        .fontSize(7.5)
        .text(t(f), MARGIN, pdf.y + 3, { width });
    pdf.font(regular).fontSize(10.5).moveDown(0.8);
  };

  for (const b of doc.blocks) {
    pdf.x = MARGIN;
    switch (b.kind) {
      case 'heading': {
        const size = b.level === 1 ? 17 : b.level === 2 ? 13.5 : 11.5;
        if (b.level === 1 && pdf.y > MARGIN + 10) pdf.addPage();
        else ensure(size * 4);
        if (b.level <= 2) headingPages.push(pdf.bufferedPageRange().count - 1);
        pdf.moveDown(b.level === 1 ? 0 : 0.6);
        pdf
          .font(bold)
          .fontSize(size)
          .fillColor(b.level === 3 ? 'black' : BLUE)
          .text(t(b.number ? `${b.number} ${b.text}` : b.text), { width });
        pdf.fillColor('black').moveDown(0.4);
        break;
      }
      case 'paragraph':
        pdf.font(regular).fontSize(10.5).text(t(b.text), { width, align: 'left', lineGap: 2 });
        pdf.moveDown(0.6);
        break;
      case 'list':
        pdf.font(regular).fontSize(10.5);
        for (const item of b.items) {
          ensure(pdf.heightOfString(t(item), { width: width - 16 }));
          const y = pdf.y;
          pdf.text('•', MARGIN + 2, y);
          pdf.text(t(item), MARGIN + 16, y, { width: width - 16, lineGap: 2 });
          pdf.moveDown(0.25);
        }
        pdf.x = MARGIN;
        pdf.moveDown(0.4);
        break;
      case 'note':
        pdf.font(regular).fontSize(9.5).fillColor('#444444').text(t(b.text), { width });
        pdf.fillColor('black').moveDown(0.6);
        break;
      case 'table':
        drawTable(b);
        break;
      case 'chart': {
        charts += 1;
        const h = (width * CHART_HEIGHT) / CHART_WIDTH;
        ensure(h + 30);
        pdf.image(chartPng(b), MARGIN, pdf.y, { width });
        pdf.y += h + 4;
        pdf
          .font(bold)
          .fontSize(9.5)
          .fillColor(BLUE)
          .text(t(`Abbildung ${charts}: ${b.caption}`), MARGIN, pdf.y, { width });
        pdf.fillColor('black').moveDown(0.8);
        break;
      }
    }
  }

  // page numbers in the contents, then in every footer
  pdf.switchToPage(contentsPage);
  contentsY.forEach((y, i) => {
    pdf
      .font(regular)
      .fontSize(10.5)
      .text(String((headingPages[i] ?? 0) + 1), MARGIN + width - 40, y, { width: 40, align: 'right', lineBreak: false });
  });
  const range = pdf.bufferedPageRange();
  for (let i = 1; i < range.count; i++) {
    pdf.switchToPage(i);
    pdf.page.margins.bottom = 0;
    pdf
      .font(regular)
      .fontSize(8.5)
      .fillColor('#555555')
      .text(t(`${doc.title} – Seite ${i + 1} von ${range.count}`), MARGIN, pdf.page.height - MARGIN + 10, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
  pdf.end();
  return done;
}
