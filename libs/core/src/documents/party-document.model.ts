import type { ReportPart } from '@app/domain';

/** A Party document's content, independent of its file format (Hướng dẫn 36-HD/VPTW, 2018). */
export interface PartyDocument {
  /** The body above the issuer, plain capitals (see issuerBlock in party-forms.ts); null only for a parentless chi bộ. */
  superiorBody: string | null;
  /** The issuing body, bold capitals: "ĐẢNG ỦY KHỐI", "ĐẢNG ỦY KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG", "CHI BỘ VỤ KẾ TOÁN NHÀ NƯỚC". */
  issuingBody: string;
  /** Number and symbol, e.g. "…-BC/ĐUK" while unnumbered. */
  numberAndSymbol: string;
  place: string;
  date: Date;
  typeName: string;
  title: string;
  /** Where the figures stand: their cut-off date (thời gian chốt số liệu). */
  figuresAsOf: Date;
  /** Said once before the sections, e.g. that an abridged document carries only some units' texts. */
  bodyNote?: string;
  sections: DocumentSection[];
  indicators: { label: string; value: number }[];
  annex?: { title: string; header: string[]; rows: string[][] };
  signature: { onBehalfOf: string; title: string; name: string };
  recipients: string[];
}

export interface DocumentSection {
  title: string;
  parts: { part: ReportPart; paragraphs: string[] }[];
}

export const PART_HEADINGS: Record<ReportPart, string> = {
  strengths: 'Ưu điểm',
  limitations: 'Tồn tại, hạn chế',
  causes: 'Nguyên nhân',
  lessons: 'Bài học kinh nghiệm',
  directions: 'Phương hướng nhiệm kỳ tiếp theo',
};

export const INDICATOR_LABELS: Record<string, string> = {
  resolutions_issued: 'Số nghị quyết ban hành',
  directives_issued: 'Số chỉ thị ban hành',
  members_admitted: 'Số đảng viên được kết nạp',
  members_disciplined: 'Số đảng viên bị kỷ luật',
  cells_rated_excellent: 'Số chi bộ hoàn thành xuất sắc nhiệm vụ',
  collaborators: 'Số cộng tác viên (Chỉ thị số 03)',
  lecturers: 'Số báo cáo viên (Chỉ thị số 04)',
};

/** "Hà Nội, ngày 05 tháng 6 năm 2019": day padded, month not (as Party documents write it). */
export function placeAndDate(place: string, date: Date): string {
  const local = new Date(date.getTime() + 7 * 3600_000);
  const day = String(local.getUTCDate()).padStart(2, '0');
  return `${place}, ngày ${day} tháng ${local.getUTCMonth() + 1} năm ${local.getUTCFullYear()}`;
}
