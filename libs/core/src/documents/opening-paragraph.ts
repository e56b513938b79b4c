import { citationDate, documentTypeNameOf, parseDateOnly } from '@app/domain';

/** A document the report answers: a dispatch, a plan (its symbol, date, issuer and subject). */
export interface CitedDocument {
  code: string;
  issuedOn?: string;
  issuer?: string;
  title?: string;
}

export interface PlanReference {
  code: string;
  issuedOn: string;
  title: string;
  basis: readonly CitedDocument[];
}

/**
 * The opening basis paragraph: "Thực hiện Công văn số 48-CV/TBĐLĐ ngày 28/5/2019 của Tiểu ban Điều
 * lệ Đảng Đại hội XIII về việc …, Kế hoạch số 144-KH/ĐUK ngày 05/6/2019 của Ban Thường vụ Đảng ủy
 * Khối về …, Chi bộ … báo cáo kết quả như sau:". The plan's own basis first, then the plan.
 */
export function openingParagraph(plan: PlanReference, planIssuer: string, reportingBody: string): string {
  const plannedBy = cite({ code: plan.code, issuedOn: plan.issuedOn, issuer: planIssuer, title: plan.title.replace(/^kế hoạch\s+/iu, '') }, 'Kế hoạch');
  const cited = [...plan.basis.map((b) => cite(b, documentTypeNameOf(b.code))), plannedBy];
  return `Thực hiện ${cited.join(', ')}, ${reportingBody} báo cáo kết quả như sau:`;
}

function cite(document: CitedDocument, typeName: string): string {
  const date = document.issuedOn ? ` ngày ${citationDate(parseDateOnly(document.issuedOn))}` : '';
  const issuer = document.issuer?.trim() ? ` của ${document.issuer.trim()}` : '';
  return `${typeName} số ${document.code}${date}${issuer}${subject(document.title)}`;
}

/** " về việc tổng kết …": what a cited document is about, as the sentence goes on. */
function subject(title: string | undefined): string {
  const text = title?.trim().replace(/[.;,]+$/, '');
  if (!text) return '';
  const lowered = text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
  return /^về\s/u.test(lowered.normalize('NFC')) ? ` ${lowered}` : ` về ${lowered}`;
}
