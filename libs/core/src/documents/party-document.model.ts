import { documentDateLine, vietnamDay } from '@app/domain';

/**
 * A Party document's content, independent of its file format (Hướng dẫn 36-HD/VPTW, 2018): plain
 * strings and arrays only, so it crosses into the render threads (DocxRenderPool) as it is. Every
 * text is final here; the renderer only lays it out.
 */
export interface PartyDocument {
  /** Before adoption: marked DỰ THẢO, with no number, no date and no signature. */
  draft: boolean;
  /** The body above the issuer, plain capitals (see issuerBlock in party-forms.ts); null only for a parentless chi bộ. */
  superiorBody: string | null;
  /** The issuing body, bold capitals: "ĐẢNG ỦY KHỐI", "ĐẢNG ỦY KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG", "CHI BỘ VỤ KẾ TOÁN NHÀ NƯỚC". */
  issuingBody: string;
  /** "Số 12-BC/ĐU"; a draft's leaves the number blank. */
  numberLine: string;
  /** "Hà Nội, ngày 05 tháng 06 năm 2019"; a draft's leaves the date blank. */
  dateLine: string;
  typeName: string;
  title: string;
  /** The opening basis paragraph: what the report answers (the dispatch, the plan). */
  opening: string[];
  /** Said once before the parts, e.g. that an abridged document carries only some units' texts. */
  bodyNote?: string;
  parts: DocumentPart[];
  /** Null on a draft: nobody has signed it yet. */
  signature: SignatureBlock | null;
  /** The lines of Nơi nhận, the file copy ("Lưu: …") last. */
  recipients: string[];
  /** The appendix of figures, one table per group of the plan's figures. */
  appendix: FiguresAppendix | null;
  /** The completeness table of a consolidation: which units' reports it took in. */
  annex?: { title: string; header: string[]; rows: string[][] };
}

/**
 * A paragraph of the body; `lead` (a unit's name in a consolidation) is set apart before the text.
 * A list item carries its `marker` ("–", "1.") and hangs under it; a table written in the text
 * (see textBlocks) carries its `rows` and no text.
 */
export interface DocumentParagraph {
  lead?: string;
  text: string;
  marker?: string;
  rows?: string[][];
}

/** "I. ĐẶC ĐIỂM TÌNH HÌNH" and its items; no heading for the items of the earlier five-part outline. */
export interface DocumentPart {
  heading: string | null;
  items: DocumentItem[];
}

/** "1. Xây dựng Đảng về chính trị" with its paragraphs, or its a), b), c); no heading when it is the part's only item. */
export interface DocumentItem {
  heading: string | null;
  paragraphs: DocumentParagraph[];
  subsections: { heading: string; paragraphs: DocumentParagraph[] }[];
}

/** "T/M CHI BỘ", "BÍ THƯ" (or "K/T BÍ THƯ", "PHÓ BÍ THƯ"), then the name. */
export interface SignatureBlock {
  lines: string[];
  name: string;
}

export interface FiguresAppendix {
  title: string;
  subtitle: string;
  /** "(Kèm theo Báo cáo số 12-BC/ĐU ngày 05/6/2019 của …)". */
  attachedTo: string;
  /** "Số liệu tính đến ngày 30/09/2019". */
  asOf: string;
  note?: string;
  tables: FiguresTable[];
}

/** One group of figures: STT, Đơn vị, then one column per figure with its unit of measure. */
export interface FiguresTable {
  title: string;
  /** A row per unit with a column per figure (a consolidation), or a row per figure (one unit's report). */
  layout: 'by-unit' | 'by-figure';
  columns: string[];
  rows: string[][];
  /** "TỔNG SỐ" and the totals, for a consolidation. */
  total: string[] | null;
}

/** "Hà Nội, ngày 05 tháng 06 năm 2019": the day and month in two digits, in Viet Nam time (Hướng dẫn 36-HD/VPTW). */
export function placeAndDate(place: string, date: Date): string {
  return documentDateLine(place, vietnamDay(date));
}
