import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ISectionOptions,
  NoBreakHyphen,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { DocumentParagraph, FiguresAppendix, FiguresTable, PartyDocument } from './party-document.model';

const FONT = 'Times New Roman';
/** Twips per millimetre; OOXML wants whole twips, so every length goes through mm(). */
const mm = (millimetres: number) => Math.round(millimetres * 56.6929);
const A4 = { width: mm(210), height: mm(297) };
/** Hướng dẫn 36-HD/VPTW: top 20, bottom 20, left 30, right 15 mm. */
const MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) };
const TEXT_WIDTH = { portrait: 210 - 30 - 15, landscape: 297 - 30 - 15 };
const INDENT = mm(10);
/** 1.2 lines: Vietnamese letters stack two marks, which single spacing crowds into the line above. */
const LINE = 288;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const Align = AlignmentType;
type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  underline?: boolean;
}
interface LineStyle extends RunStyle {
  align?: Alignment;
  indent?: boolean;
  before?: number;
  after?: number;
  keepNext?: boolean;
}

const run = (text: string, style: RunStyle = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: (style.size ?? 14) * 2,
    bold: style.bold,
    italics: style.italics,
    underline: style.underline ? { type: UnderlineType.SINGLE } : undefined,
  });

/** A table of at most this many rows is kept on one page when it fits, rather than split after a row or two. */
const KEEP_TOGETHER_ROWS = 15;

const line = (text: string, style: LineStyle = {}) =>
  new Paragraph({
    alignment: style.align ?? Align.JUSTIFIED,
    spacing: { before: (style.before ?? 0) * 20, after: (style.after ?? 6) * 20, line: LINE },
    indent: style.indent ? { firstLine: INDENT } : undefined,
    keepNext: style.keepNext,
    children: [run(text, style)],
  });

/**
 * One paragraph of the body: justified, its first line indented, a unit's name set apart in
 * italics. A list item hangs under its marker ("–", "1."), so a wrapped line starts under the
 * text; a table written in the text becomes a Word table across the text's width.
 */
const bodyParagraph = (p: DocumentParagraph): Paragraph | Table => {
  if (p.rows) return textTable(p.rows);
  const lead = p.lead ? [run(p.lead, { italics: true })] : [];
  if (p.marker) {
    return new Paragraph({
      alignment: Align.JUSTIFIED,
      spacing: { after: 60, line: LINE },
      indent: { left: INDENT + LIST_HANG, hanging: LIST_HANG },
      tabStops: [{ type: TabStopType.LEFT, position: INDENT + LIST_HANG }],
      children: [...lead, new TextRun({ font: FONT, size: 28, children: [p.marker, new Tab(), p.text] })],
    });
  }
  return new Paragraph({ alignment: Align.JUSTIFIED, spacing: { after: 120, line: LINE }, indent: { firstLine: INDENT }, children: [...lead, run(p.text)] });
};

/** The space a list item's marker takes before its text. */
const LIST_HANG = mm(7);

/** A drafter's table: a grid with thin borders, its first row as the header (bold, repeated on every page). */
function textTable(rows: string[][]): Table {
  const width = TEXT_WIDTH.portrait / Math.max(1, rows[0]?.length ?? 1);
  return grid(rows[0] ?? [], rows.slice(1), rows[0]?.map(() => width) ?? [], { boldLastRow: false, alignOf: () => Align.LEFT, size: 13 });
}

/**
 * The title, its hyphens between two characters unbreakable (Word's w:noBreakHyphen), so that a
 * long title wraps between words and never inside "2015-2020".
 */
const title = (text: string) =>
  new Paragraph({
    alignment: Align.CENTER,
    spacing: { after: 0, line: LINE },
    children: [
      new TextRun({
        font: FONT,
        size: 28,
        bold: true,
        children: text.split(/(?<=\S)-(?=\S)/).flatMap((piece, i) => (i === 0 ? [piece] : [new NoBreakHyphen(), piece])),
      }),
    ],
  });

const heading = (text: string, style: RunStyle) => line(text, { ...style, indent: true, keepNext: true, before: 6 });

/**
 * Renders a Party document as .docx (Hướng dẫn 36-HD/VPTW): A4 portrait, margins 20/20/30/15 mm,
 * Times New Roman 14; the page number at the top centre from the second page; the appendix of
 * figures on landscape pages of its own, after the signature, as an appendix is attached.
 */
export async function renderDocx(doc: PartyDocument): Promise<Buffer> {
  const document = new Document({
    creator: 'Tổng kết',
    title: `${doc.typeName} ${doc.title}`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [mainSection(doc), ...(doc.appendix || doc.annex ? [appendixSection(doc)] : [])],
  });
  return Packer.toBuffer(document);
}

function mainSection(doc: PartyDocument): ISectionOptions {
  return {
    properties: { titlePage: true, page: { size: A4, margin: MARGINS } },
    headers: { default: pageNumberHeader(), first: new Header({ children: doc.draft ? [draftMark()] : [new Paragraph({})] }) },
    children: [
      header(doc),
      line(doc.typeName, { bold: true, size: 16, align: Align.CENTER, before: 18, after: 0 }),
      title(doc.title),
      line('-----', { align: Align.CENTER, after: 12 }),
      ...doc.opening.map((text) => bodyParagraph({ text })),
      ...(doc.bodyNote ? [line(doc.bodyNote, { italics: true, indent: true })] : []),
      ...doc.parts.flatMap((part) => [
        ...(part.heading ? [heading(part.heading, { bold: true })] : []),
        ...part.items.flatMap((item) => [
          ...(item.heading ? [heading(item.heading, { bold: true })] : []),
          ...item.paragraphs.map(bodyParagraph),
          ...item.subsections.flatMap((sub) => [heading(sub.heading, { bold: true, italics: true }), ...sub.paragraphs.map(bodyParagraph)]),
        ]),
      ]),
      signatureAndRecipients(doc),
    ],
  };
}

function appendixSection(doc: PartyDocument): ISectionOptions {
  return {
    properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: MARGINS } },
    headers: { default: pageNumberHeader() },
    children: [...(doc.appendix ? figures(doc.appendix) : []), ...annex(doc)],
  };
}

/** The page number, at the top centre (the first page of the document has none). */
function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: Align.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 28 })] })],
  });
}

/** "DỰ THẢO" boxed at the top right of the first page: nobody takes a draft for the adopted document. */
function draftMark(): Paragraph {
  const box = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 2 };
  return new Paragraph({
    alignment: Align.RIGHT,
    border: { top: box, bottom: box, left: box, right: box },
    indent: { left: mm(TEXT_WIDTH.portrait - 32) },
    children: [run('DỰ THẢO', { bold: true })],
  });
}

/** The issuer with its number at the left, the Party's name with the place and date at the right. */
function header(doc: PartyDocument): Table {
  const centred = (text: string, style: LineStyle = {}) => line(text, { ...style, align: Align.CENTER, after: 0 });
  const left = [...(doc.superiorBody ? [centred(doc.superiorBody)] : []), centred(doc.issuingBody, { bold: true }), centred('*'), centred(doc.numberLine)];
  const right = [centred('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: 15, underline: true }), centred(doc.dateLine, { italics: true, before: 12 })];
  return twoColumns(left, right, [80, TEXT_WIDTH.portrait - 80]);
}

function signatureAndRecipients(doc: PartyDocument): Table {
  const recipients = [
    line('Nơi nhận:', { underline: true, align: Align.LEFT, before: 12, after: 0 }),
    // A line that wraps goes on under its text, not under its dash.
    ...doc.recipients.map(
      (r, i) =>
        new Paragraph({
          alignment: Align.LEFT,
          indent: { left: mm(3), hanging: mm(3) },
          children: [run(`- ${r}${i === doc.recipients.length - 1 ? '.' : ','}`, { size: 12 })],
        }),
    ),
  ];
  const signature = doc.signature
    ? [
        ...doc.signature.lines.map((l, i) => line(l, { bold: true, align: Align.CENTER, before: i === 0 ? 12 : 0, after: 0 })),
        ...Array.from({ length: 4 }, () => line('', { after: 0 })),
        line(doc.signature.name, { bold: true, align: Align.CENTER, after: 0 }),
      ]
    : [new Paragraph({})];
  return twoColumns(recipients, signature, [80, TEXT_WIDTH.portrait - 80]);
}

function twoColumns(left: Paragraph[], right: Paragraph[], widthsMm: [number, number]): Table {
  const cell = (children: Paragraph[], width: number) => new TableCell({ children, borders: NO_BORDERS, width: { size: mm(width), type: WidthType.DXA } });
  return new Table({
    width: { size: mm(widthsMm[0] + widthsMm[1]), type: WidthType.DXA },
    columnWidths: widthsMm.map(mm),
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, widthsMm[0]), cell(right, widthsMm[1])] })],
  });
}

function figures(appendix: FiguresAppendix): (Paragraph | Table)[] {
  const centred = (text: string, style: LineStyle = {}) => line(text, { ...style, align: Align.CENTER, after: 0 });
  return [
    centred(appendix.title, { bold: true }),
    centred(appendix.subtitle, { bold: true }),
    centred(appendix.attachedTo, { italics: true }),
    centred(appendix.asOf, { italics: true, after: 6 }),
    ...(appendix.note ? [line(appendix.note, { italics: true, size: 12, indent: true })] : []),
    ...appendix.tables.flatMap((table) => [line(table.title, { bold: true, size: 13, align: Align.LEFT, before: 10, keepNext: true }), figuresGrid(table)]),
  ];
}

/**
 * By unit: STT and Đơn vị narrow and wide, the figures sharing what is left. By figure: STT, the
 * figure's name wide, its unit and its value. The header row repeats on every page.
 */
function figuresGrid(table: FiguresTable): Table {
  const figureWidth = (TEXT_WIDTH.landscape - 12 - 62) / Math.max(1, table.columns.length - 2);
  const widths =
    table.layout === 'by-figure' ? [12, TEXT_WIDTH.landscape - 12 - 45 - 40, 45, 40] : table.columns.map((_, i) => (i === 0 ? 12 : i === 1 ? 62 : figureWidth));
  const rows = [...table.rows, ...(table.total ? [table.total] : [])];
  return grid(table.columns, rows, widths, { boldLastRow: table.total !== null, alignOf: (column) => (column === 1 ? Align.LEFT : Align.CENTER) });
}

function annex(doc: PartyDocument): (Paragraph | Table)[] {
  if (!doc.annex) return [];
  const widths = [110, 52, 52, TEXT_WIDTH.landscape - 214];
  return [
    line(doc.annex.title, { bold: true, align: Align.CENTER, before: 18 }),
    grid(doc.annex.header, doc.annex.rows, widths, { boldLastRow: false, alignOf: (column) => (column === 0 ? Align.LEFT : Align.CENTER) }),
  ];
}

function grid(
  header: string[],
  rows: string[][],
  widthsMm: number[],
  options: { boldLastRow: boolean; alignOf: (column: number) => Alignment; size?: number },
): Table {
  const size = options.size ?? 12;
  const together = rows.length <= KEEP_TOGETHER_ROWS;
  const cell = (text: string, column: number, bold: boolean, keepNext: boolean) =>
    new TableCell({
      width: { size: mm(widthsMm[column]), type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [line(text, { bold, size, after: 0, align: options.alignOf(column), keepNext })],
    });
  const headerCell = (text: string, column: number) =>
    new TableCell({
      width: { size: mm(widthsMm[column]), type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      children: [line(text, { bold: true, size, after: 0, align: Align.CENTER, keepNext: true })],
    });
  return new Table({
    width: { size: mm(widthsMm.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widthsMm.map(mm),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map(headerCell) }),
      ...rows.map(
        (r, i) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, column) => cell(c, column, options.boldLastRow && i === rows.length - 1, together && i < rows.length - 1)),
          }),
      ),
    ],
  });
}
