// DOCX renderer of the export document model (the `docx` package). Every run names a font for
// each of Word's slots and is cut by script (see fonts.ts), so Chinese, Thai, Burmese and Khmer
// open with the right font in Word and LibreOffice. Pages carry the title and date in the header
// and "Page X of Y" in the footer.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { displayDate, type Block, type ExportDocument, type Inline } from './document';
import { EAST_ASIAN_FONT, LATIN_FONT, MONO_FONT, splitByScript } from './fonts';

type RunStyle = Pick<IRunOptions, 'bold' | 'italics' | 'size' | 'color'>;

/** Runs for one piece of text: one per script, each with its font slots and language. */
function runs(value: string, style: RunStyle = {}, code = false): TextRun[] {
  const out: TextRun[] = [];
  value.split('\n').forEach((line, lineIndex) => {
    const pieces = code ? [{ text: line, slot: 'latin' as const, font: MONO_FONT, lang: null }] : splitByScript(line);
    pieces.forEach((piece, i) => {
      out.push(
        new TextRun({
          ...style,
          text: piece.text,
          break: lineIndex > 0 && i === 0 ? 1 : undefined,
          font: {
            ascii: code ? MONO_FONT : LATIN_FONT,
            hAnsi: code ? MONO_FONT : LATIN_FONT,
            // Simplified or Traditional Chinese: each run names its own regional font.
            eastAsia: piece.slot === 'eastAsia' ? piece.font : EAST_ASIAN_FONT,
            cs: piece.slot === 'cs' ? piece.font : 'Noto Sans Thai',
            ...(piece.slot !== 'latin' && { hint: piece.slot }),
          },
          ...(piece.lang && { language: piece.slot === 'eastAsia' ? { eastAsia: piece.lang } : { bidirectional: piece.lang } }),
        }),
      );
    });
    if (pieces.length === 0 && lineIndex > 0) out.push(new TextRun({ text: '', break: 1 }));
  });
  return out;
}

function inlineRuns(parts: Inline[]): TextRun[] {
  return parts.flatMap((part) => runs(part.text, { bold: part.bold, italics: part.italic, ...(part.code && { size: 17 }) }, part.code));
}

/** Where a numbered paragraph's text starts, in twentieths of a point (1 cm). */
const NUMBER_INDENT = 567;

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' } as const;
const borders = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER };

function cell(value: string, options: { header?: boolean; code?: boolean; width?: number } = {}): TableCell {
  return new TableCell({
    borders,
    ...(options.width && { width: { size: options.width, type: WidthType.PERCENTAGE } }),
    ...(options.header && { shading: { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } }),
    children: [new Paragraph({ children: runs(value || '—', { bold: options.header, size: options.code ? 16 : 19 }, options.code) })],
  });
}

function block(b: Block): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'heading': {
      const level = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][b.level - 1];
      return [new Paragraph({ heading: level, keepNext: true, children: runs(b.text) })];
    }
    case 'paragraph':
      if (b.number === undefined) return [new Paragraph({ children: inlineRuns(b.parts), spacing: { after: 120 } })];
      // The number is text, not Word list numbering: it must survive copy and paste, and a
      // recipient's template, exactly as printed ("paragraph 12" means the same to everyone).
      return [
        new Paragraph({
          children: [new TextRun({ text: `${b.number}.` }), new TextRun({ children: [new Tab()] }), ...inlineRuns(b.parts)],
          indent: { left: NUMBER_INDENT, hanging: NUMBER_INDENT },
          tabStops: [{ type: TabStopType.LEFT, position: NUMBER_INDENT }],
          spacing: { after: 120 },
        }),
      ];
    case 'quote':
      return [
        new Paragraph({
          children: runs(b.text, { italics: true, color: '333333' }),
          indent: { left: 360 },
          border: { left: { style: BorderStyle.SINGLE, size: 12, color: '888888', space: 8 } },
          spacing: { after: 120 },
        }),
      ];
    case 'list':
      return b.items.map(
        (item) => new Paragraph({ children: inlineRuns(item), numbering: { reference: b.ordered ? 'ordered' : 'bullets', level: 0 }, spacing: { after: 60 } }),
      );
    case 'fields':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows.map(
            ([label, value]) =>
              new TableRow({ cantSplit: true, children: [cell(label, { header: true, width: 22 }), cell(value, { width: 78, code: (b.code ?? []).includes(label) })] }),
          ),
        }),
        new Paragraph({ children: [] }),
      ];
    case 'table': {
      const code = new Set(b.code ?? []);
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: b.columns.map((c) => cell(c, { header: true })) }),
            ...b.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value, i) => cell(value, { code: code.has(i) })) })),
          ],
        }),
        new Paragraph({ children: [] }),
      ];
    }
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

const small = { size: 16, color: '555555' };

export async function renderDocx(doc: ExportDocument): Promise<Buffer> {
  const date = displayDate(doc.generatedAt, doc.locale);
  const document = new Document({
    // Document properties travel with the file and show in any file browser's details pane: they
    // name neither the tool nor the topic. Empty strings, because the docx package writes
    // "Un-named" for an author left undefined.
    creator: '',
    lastModifiedBy: '',
    styles: {
      default: {
        document: { run: { font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: EAST_ASIAN_FONT, cs: 'Noto Sans Thai' }, size: 21 } },
      },
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 260 } } } }] },
        { reference: 'ordered', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 260 } } } }] },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1247, bottom: 1134, left: 1020, right: 1020 } } },
        headers: { default: new Header({ children: [new Paragraph({ children: runs(`${doc.title} · ${date}`, small) })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ ...small, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: runs(doc.title) }),
          new Paragraph({ children: runs(`${doc.subtitle} · ${date}`, { italics: true, color: '444444' }), spacing: { after: 240 } }),
          ...doc.blocks.flatMap(block),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
