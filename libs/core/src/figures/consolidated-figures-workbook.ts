import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { stream, Worksheet } from 'exceljs';
import { IndicatorDefinition, IndicatorGroup, Indicators, UnitFigures, withDerived } from '@app/domain';
import { sheetNames } from './appendix-labels';

export interface ConsolidatedFiguresInput {
  planCode: string;
  term: string;
  unitCode: string;
  unitName: string;
  definitions: readonly IndicatorDefinition[];
  groups: readonly IndicatorGroup[];
  /** The included units' figures as entered, in code order. */
  units: readonly UnitFigures[];
  /** figureTotals of the units: a figure nobody reported is absent. */
  totals: Indicators;
  missing: readonly { unitCode: string; unitName: string }[];
}

/** Rows written between two turns of the event loop: other requests go on while ten thousand units are written. */
const ROWS_PER_TURN = 500;
const BOLD = { bold: true } as const;

/**
 * The consolidated figures of a consolidating unit as a workbook, written as it goes (exceljs's
 * streaming writer) so ten thousand units never sit in memory as cells: a summary sheet of the
 * totals, then one sheet per appendix table with a row per unit and the totals last, and the units
 * still missing. A blank cell is a figure not reported; percentages are recomputed, never summed.
 */
export async function writeConsolidatedFigures(out: Writable, input: ConsolidatedFiguresInput): Promise<void> {
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const byKey = new Map(input.definitions.map((d) => [d.key, d]));
  const heading = `${input.unitName} (${input.unitCode}) – Kế hoạch ${input.planCode}, nhiệm kỳ ${input.term}; ${input.units.length} đơn vị đã tổng hợp`;

  const summary = workbook.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 4 }] });
  summary.columns = [{ width: 62 }, { width: 14 }, { width: 16 }, { width: 20 }];
  titleRows(summary, 'SỐ LIỆU TỔNG HỢP', heading);
  summary.addRow(['Chỉ tiêu', 'Đơn vị tính', 'Tổng cộng', 'Số đơn vị báo cáo']).font = BOLD;
  for (const group of input.groups) {
    summary.addRow([group.title]).font = BOLD;
    for (const key of group.keys) {
      const d = byKey.get(key)!;
      const reporting = input.units.filter((u) => reportedBy(d, u.indicators)).length;
      summary.addRow([d.label, d.unit, input.totals[key] ?? null, reporting]).commit();
    }
  }
  summary.commit();

  const names = sheetNames(input.groups);
  for (const group of input.groups) {
    const sheet = workbook.addWorksheet(names.get(group.key)!, { views: [{ state: 'frozen', xSplit: 3, ySplit: 4 }] });
    const columns = group.keys.map((key) => byKey.get(key)!);
    sheet.columns = [{ width: 6 }, { width: 16 }, { width: 44 }, ...columns.map(() => ({ width: 16 }))];
    titleRows(sheet, group.title.toUpperCase(), heading);
    const header = sheet.addRow(['STT', 'Mã đơn vị', 'Tên đơn vị', ...columns.map((d) => (d.unit ? `${d.label} (${d.unit})` : d.label))]);
    header.font = BOLD;
    header.alignment = { wrapText: true, vertical: 'middle' };
    for (let i = 0; i < input.units.length; i++) {
      const unit = input.units[i];
      const values = withDerived(input.definitions, unit.indicators);
      sheet.addRow([i + 1, unit.unitCode, unit.unitName, ...columns.map((d) => values[d.key] ?? null)]).commit();
      if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
    }
    const totals = sheet.addRow([null, null, 'Tổng cộng', ...columns.map((d) => input.totals[d.key] ?? null)]);
    totals.font = BOLD;
    totals.commit();
    sheet.commit();
  }

  if (input.missing.length > 0) {
    const missing = workbook.addWorksheet('Chưa báo cáo');
    missing.columns = [{ width: 6 }, { width: 16 }, { width: 60 }];
    titleRows(missing, 'CÁC ĐƠN VỊ CHƯA CÓ BÁO CÁO ĐƯỢC DUYỆT', heading);
    missing.addRow(['STT', 'Mã đơn vị', 'Tên đơn vị']).font = BOLD;
    input.missing.forEach((u, i) => missing.addRow([i + 1, u.unitCode, u.unitName]).commit());
    missing.commit();
  }
  await workbook.commit();
}

function titleRows(sheet: Worksheet, title: string, heading: string): void {
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.addRow([heading]);
  sheet.addRow(['Ô để trống: đơn vị chưa báo cáo số liệu đó (khác số 0). Tỷ lệ % được tính lại từ tổng số, không cộng dồn.']).font = { italic: true };
}

function reportedBy(d: IndicatorDefinition, figures: Indicators): boolean {
  return d.derivedFrom
    ? figures[d.derivedFrom.numerator] !== undefined && figures[d.derivedFrom.denominator] !== undefined && figures[d.derivedFrom.denominator] > 0
    : figures[d.key] !== undefined;
}
