import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { CHART_HEIGHT, CHART_WIDTH, chartPng } from './charts.ts';
import type { ReportDocument, TableBlock } from './document.ts';

/**
 * Word (.docx) that staff can edit further: real heading styles (so Word builds the table of contents),
 * real tables with a repeated header row, captions in the "Caption" style, charts as PNG.
 */
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const rule = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function docxTable(t: TableBlock): Table {
  const cell = (text: string, header: boolean, right: boolean) =>
    new TableCell({
      borders: { top: none, left: none, right: none, bottom: header ? { ...rule, size: 8, color: '000000' } : rule },
      children: [
        new Paragraph({
          alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: header, size: 18 })],
        }),
      ],
    });
  const numeric = t.columns.map((_, i) => i > 0 && t.rows.every((r) => /^[\d.,\s\u00a0%€•–−+]+$/.test(r[i]?.text ?? '')));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.columns.map((c, i) => cell(c, true, numeric[i] as boolean)) }),
      ...t.rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c.text, false, numeric[i] as boolean)) }),
      ),
    ],
  });
}

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const children: (Paragraph | Table | TableOfContents)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph({ children: [new TextRun({ text: doc.subtitle, size: 32 })] }),
    new Paragraph({ children: [new PageBreak()] }),
    // not a heading style: the contents must not list itself
    new Paragraph({ children: [new TextRun({ text: 'Inhalt', bold: true, size: 32, color: '0B4F8A' })] }),
    new TableOfContents('Inhalt', { hyperlink: true, headingStyleRange: '1-3' }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  let tables = 0;
  let charts = 0;
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
        children.push(
          new Paragraph({
            heading: HEADINGS[b.level],
            pageBreakBefore: b.level === 1 && b.text !== 'Vorwort',
            children: [new TextRun(b.number ? `${b.number} ${b.text}` : b.text)],
          }),
        );
        break;
      case 'paragraph':
        children.push(new Paragraph({ spacing: { after: 120 }, children: [new TextRun(b.text)] }));
        break;
      case 'list':
        for (const item of b.items) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
        break;
      case 'note':
        children.push(new Paragraph({ children: [new TextRun({ text: b.text, italics: true })] }));
        break;
      case 'table':
        tables += 1;
        children.push(
          new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(`Tabelle ${tables}: ${b.caption}`)] }),
          docxTable(b),
          ...b.footnotes.map((f) => new Paragraph({ children: [new TextRun({ text: f, size: 16 })] })),
          new Paragraph({ children: [] }),
        );
        break;
      case 'chart':
        charts += 1;
        children.push(
          new Paragraph({
            keepNext: true,
            children: [
              new ImageRun({
                type: 'png',
                data: chartPng(b),
                transformation: { width: 600, height: Math.round((600 * CHART_HEIGHT) / CHART_WIDTH) },
                altText: { name: b.id, title: b.caption, description: b.caption },
              }),
            ],
          }),
          new Paragraph({ style: 'Caption', children: [new TextRun(`Abbildung ${charts}: ${b.caption}`)] }),
        );
        break;
    }
  }
  const document = new Document({
    creator: 'Teilhabe',
    title: doc.title,
    description: `${doc.title} – ${doc.subtitle}`,
    features: { updateFields: true },
    styles: {
      default: { document: { run: { font: 'Arial', size: 21 } } },
      paragraphStyles: [
        {
          id: 'Caption',
          name: 'Caption',
          basedOn: 'Normal',
          next: 'Normal',
          run: { bold: true, size: 18, color: '0B4F8A' },
          paragraph: { spacing: { before: 120, after: 60 } },
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
