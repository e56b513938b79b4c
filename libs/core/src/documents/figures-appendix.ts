import { consolidateFigures, IndicatorDefinition, Indicators, planIndicators, withDerived } from '@app/domain';
import type { FiguresTable } from './party-document.model';

/** A row of the appendix: a unit by its name, with the figures its report gives. */
export interface FiguresRow {
  unitCode: string;
  unitName: string;
  indicators: Indicators;
}

/**
 * The appendix tables of a report, one per group of the plan's figures that anybody reported (a
 * table of blanks is left out, like an empty part of the text). A consolidation: STT, Đơn vị, then
 * each figure with its unit of measure, a row per unit and the TỔNG SỐ row, added up as the domain
 * page says (a blank stays blank, a percentage is averaged or recomputed, never summed); `totalOf`
 * are the units the total adds up, all of them even when only some are listed (an abridged
 * consolidation). One unit's own report: a row per figure (STT, Chỉ tiêu, Đơn vị tính, Số liệu),
 * which reads down the page instead of across eleven mostly empty tables. Percentages computed from
 * two counts are shown wherever their counts are.
 */
export function figuresTables(term: string, keys: readonly string[], rows: readonly FiguresRow[], totalOf: readonly FiguresRow[] | null): FiguresTable[] {
  const { definitions, groups } = planIndicators(term, keys);
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const totals = totalOf ? consolidateFigures(definitions, totalOf).totals : null;
  const values = rows.map((row) => withDerived(definitions, row.indicators));
  const reported = (key: string) => values.some((v) => v[key] !== undefined) || totals?.[key] !== undefined;
  const kept = groups.filter((group) => group.keys.some(reported));
  if (!totals && rows.length === 1) {
    return kept.map((group, i) => ({
      title: `Bảng ${i + 1}. ${group.title}`,
      layout: 'by-figure',
      columns: ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu'],
      rows: group.keys.map((key, n) => {
        const d = byKey.get(key)!;
        return [String(n + 1), d.label, d.unit, formatFigure(values[0][key], d)];
      }),
      total: null,
    }));
  }
  return kept.map((group, i) => {
    const columns = group.keys.map((key) => byKey.get(key)!);
    const cells = (figures: Indicators) => columns.map((d) => formatFigure(figures[d.key], d));
    return {
      title: `Bảng ${i + 1}. ${group.title}`,
      layout: 'by-unit',
      columns: ['STT', 'Đơn vị', ...columns.map((d) => (d.unit ? `${d.label} (${d.unit})` : d.label))],
      rows: rows.map((row, n) => [String(n + 1), row.unitName, ...cells(values[n])]),
      total: totals ? ['', 'TỔNG SỐ', ...cells(totals)] : null,
    };
  });
}

/**
 * A figure as Vietnamese documents write numbers: thousands grouped with dots, decimals after a
 * comma ("1.234", "45,5"); blank when not reported (never 0).
 */
export function formatFigure(value: number | undefined, definition: Pick<IndicatorDefinition, 'kind'>): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '';
  const digits = definition.kind === 'count' ? 0 : 2;
  const [whole, fraction] = Math.abs(value).toFixed(digits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const decimals = fraction?.replace(/0+$/, '');
  return `${value < 0 ? '-' : ''}${grouped}${decimals ? `,${decimals}` : ''}`;
}
