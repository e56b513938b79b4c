import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, UnderlineType, WidthType,
} from 'docx';
import { formatVietnamDate } from '@app/domain';
import { PART_HEADINGS, PartyDocument, placeAndDate } from './party-document.model';

const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: (options.size ?? 14) * 2, bold: options.bold, italics: options.italics, underline: options.underline ? { type: UnderlineType.SINGLE } : undefined });

const line = (text: string, options: Parameters<typeof run>[1] & { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean } = {}) =>
  new Paragraph({ alignment: options.align ?? AlignmentType.JUSTIFIED, spacing: { after: 120 }, indent: options.indent ? { firstLine: 10 * MM } : undefined, children: [run(text, options)] });

/** Renders a Party document as .docx: A4, margins 20/20/30/15 mm, Times New Roman 14. */
export async function renderDocx(doc: PartyDocument): Promise<Buffer> {
  const document = new Document({
    creator: 'Tổng kết',
    title: `${doc.typeName} ${doc.title}`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [{
      properties: { page: { size: { width: 210 * MM, height: 297 * MM }, margin: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } } },
      children: [
        header(doc),
        line(doc.typeName, { bold: true, size: 16, align: AlignmentType.CENTER }),
        line(doc.title, { bold: true, align: AlignmentType.CENTER }),
        line('-----', { align: AlignmentType.CENTER }),
        ...body(doc),
        ...indicatorsBlock(doc),
        ...annexBlock(doc),
        signatureAndRecipients(doc),
      ],
    }],
  });
  return Packer.toBuffer(document);
}

function header(doc: PartyDocument): Table {
  const left = [
    ...(doc.superiorBody ? [line(doc.superiorBody.toUpperCase(), { align: AlignmentType.CENTER })] : []),
    line(doc.issuingBody.toUpperCase(), { bold: true, align: AlignmentType.CENTER }),
    line('*', { align: AlignmentType.CENTER }),
    line(`Số ${doc.numberAndSymbol}`, { align: AlignmentType.CENTER }),
  ];
  const right = [
    line('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: 15, underline: true, align: AlignmentType.CENTER }),
    line(placeAndDate(doc.place, doc.date), { italics: true, align: AlignmentType.CENTER }),
  ];
  return twoColumns(left, right);
}

function body(doc: PartyDocument): Paragraph[] {
  const note = doc.bodyNote ? [line(doc.bodyNote, { italics: true, indent: true })] : [];
  return [...note, ...doc.sections.flatMap((section, i) => [
    line(`${i + 1}. ${section.title}`, { bold: true }),
    ...section.parts.flatMap((part) => [
      line(`${PART_HEADINGS[part.part]}:`, { italics: true, bold: true, indent: true }),
      ...(part.paragraphs.length ? part.paragraphs.map((p) => line(p, { indent: true })) : [line('(Không có nội dung)', { italics: true, indent: true })]),
    ]),
  ])];
}

function indicatorsBlock(doc: PartyDocument): (Paragraph | Table)[] {
  return [
    line('Một số chỉ tiêu', { bold: true }),
    // The figures' cut-off (thời gian chốt số liệu), as Decree 09/2019/NĐ-CP has summary figures carry it.
    line(`Số liệu tính đến ngày ${formatVietnamDate(doc.figuresAsOf)}`, { italics: true }),
    grid(['Chỉ tiêu', 'Số liệu'], doc.indicators.map((i) => [i.label, String(i.value)])),
  ];
}

function annexBlock(doc: PartyDocument): (Paragraph | Table)[] {
  if (!doc.annex) return [];
  return [line(doc.annex.title, { bold: true, align: AlignmentType.CENTER }), grid(doc.annex.header, doc.annex.rows)];
}

function signatureAndRecipients(doc: PartyDocument): Table {
  const recipients = [line('Nơi nhận:', { underline: true, bold: true, size: 12, align: AlignmentType.LEFT }), ...doc.recipients.map((r) => line(`- ${r}`, { size: 12, align: AlignmentType.LEFT }))];
  const signature = [
    line(doc.signature.onBehalfOf, { bold: true, align: AlignmentType.CENTER }),
    line(doc.signature.title, { bold: true, align: AlignmentType.CENTER }),
    line(''),
    line(''),
    line(doc.signature.name, { bold: true, align: AlignmentType.CENTER }),
  ];
  return twoColumns(recipients, signature);
}

function twoColumns(left: Paragraph[], right: Paragraph[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [new TableCell({ children: left, borders: NO_BORDERS }), new TableCell({ children: right, borders: NO_BORDERS })] })],
  });
}

function grid(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [line(text, { bold, size: 13, align: AlignmentType.LEFT })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}
