import type { IndicatorGroup, IndicatorKind } from '@app/domain';

/** How a figure is given, as the appendix's "Loại số liệu" column says it. */
export const KIND_LABELS: Record<IndicatorKind, string> = {
  count: 'Số nguyên',
  decimal: 'Số thập phân (tối đa 2 chữ số)',
  percent: 'Tỷ lệ % (0-100)',
};

/** Short sheet names (Excel allows 31 characters) for the appendix tables the catalogue has. */
const SHEET_NAMES: Record<string, string> = {
  organisations: 'Tổ chức, đảng viên',
  admissions: 'Kết nạp đảng viên',
  inspection: 'Kiểm tra, kỷ luật',
  example: 'Cam kết nêu gương',
  general: 'Số liệu khác',
};

/**
 * The sheet of each appendix table: its short name ("Xếp loại 2017" for a year's ratings), else
 * its title cut to Excel's limit, without the characters a sheet name may not hold, never twice.
 */
export function sheetNames(groups: readonly IndicatorGroup[]): Map<string, string> {
  const used = new Set<string>();
  return new Map(
    groups.map((group) => {
      const year = /^ratings_(\d{4})$/.exec(group.key)?.[1];
      const base =
        (SHEET_NAMES[group.key] ?? (year ? `Xếp loại ${year}` : group.title))
          .replace(/[\\/?*[\]:']/g, ' ')
          .trim()
          .slice(0, 28) || 'Số liệu';
      let name = base;
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}`;
      used.add(name.toLowerCase());
      return [group.key, name];
    }),
  );
}
