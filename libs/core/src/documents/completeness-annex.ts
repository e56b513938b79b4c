import type { CompletenessRow } from '@app/domain';
import type { PartyDocument } from './party-document.model';

/** An abridged document's annex lists at most this many exceptions: thousands of rows are read by nobody. */
const ANNEX_MAX_ROWS = 300;

/** The third column says whether the first submission met the drafting deadline, not the deadline itself. */
export const ANNEX_HEADER = ['Đơn vị', 'Tình trạng', 'Đúng hạn / trễ hạn', 'Số lần trả lại'];

/** The completeness table of a consolidation (completenessTable in libs/domain). */
type Completeness = { rows: readonly CompletenessRow[]; summary: Record<string, number> };

/**
 * Which reports a consolidation took in: every unit while the group is small; in an abridged
 * document only the exceptions (missing, late, returned), the most serious first, at most
 * ANNEX_MAX_ROWS of them and a last row counting the rest: a table of thousands of rows is read by
 * nobody, and rendering it took the API past its memory cap (the complete table stays in the JSON
 * consolidation).
 */
export function completenessAnnex(completeness: Completeness, abridged: boolean): NonNullable<PartyDocument['annex']> {
  const { summary, rows } = completeness;
  return {
    title: abridged
      ? `TÌNH HÌNH TỔNG HỢP BÁO CÁO (${summary.included}/${summary.units} đơn vị đã tổng hợp; dưới đây các đơn vị thiếu, trễ hạn hoặc bị trả lại)`
      : 'TÌNH HÌNH TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ',
    header: ANNEX_HEADER,
    rows: annexRows(rows, abridged),
  };
}

function annexRows(rows: readonly CompletenessRow[], abridged: boolean): string[][] {
  const row = (r: CompletenessRow) => [
    r.unitName,
    r.status === 'included' ? 'Đã tổng hợp' : 'Chưa có báo cáo',
    r.timeliness === 'on_time' ? 'Đúng hạn' : r.timeliness === 'late' ? 'Trễ hạn' : 'Chưa nộp',
    String(r.returnedCount),
  ];
  if (!abridged) return rows.map(row);
  const severity = (r: CompletenessRow) => (r.status === 'missing' ? 0 : r.timeliness !== 'on_time' ? 1 : 2);
  const exceptions = rows
    .filter((r) => r.status === 'missing' || r.timeliness !== 'on_time' || r.returnedCount > 0)
    .sort((a, b) => severity(a) - severity(b) || b.returnedCount - a.returnedCount);
  const listed = exceptions.slice(0, ANNEX_MAX_ROWS).map(row);
  const rest = exceptions.length - listed.length;
  return rest > 0 ? [...listed, [`… và ${rest} đơn vị khác (xem báo cáo tổng hợp điện tử)`, '', '', '']] : listed;
}
