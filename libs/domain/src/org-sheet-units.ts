import { FIELD_LIMITS, sheetCodeProblem, sheetLineProblem } from './org-sheet-fields';
import { UNIT_COLUMNS, UnitColumn } from './org-sheet-layout';
import { UNIT_KIND_NAMES, unitKindOfName } from './org-sheet-names';
import { SheetProblem, SheetProblems, SheetTable } from './org-sheet-problems';
import type { UnitKind } from './types';

/** A unit as the workbook gives it; `place` only when its cell is filled (else a known unit keeps its own). */
export interface SheetUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
  place?: string;
}

export interface ReadUnits {
  /** The rows without a problem, as units. */
  units: SheetUnit[];
  /** The row of every code the sheet names, even on a row with problems: references to it are not reported again. */
  rowOf: Map<string, number>;
}

const KIND_CHOICES = UNIT_KIND_NAMES.map((k) => k.name).join(', ');

/** Reads the units sheet row by row: every cell checked, duplicates named with the row they repeat. */
export function readUnitRows(table: SheetTable<UnitColumn>, problems: SheetProblem[]): ReadUnits {
  const report = new SheetProblems(table, UNIT_COLUMNS, problems);
  const result: ReadUnits = { units: [], rowOf: new Map() };
  for (const { row, cells } of table.rows) {
    if (Object.values(cells).every((value) => value === '')) continue;
    const before = problems.length;
    const { code, name, kind: kindName, parent, place } = cells;
    if (code === '') report.at(row, 'code', 'Chưa có mã đơn vị');
    else {
      const problem = sheetCodeProblem(code);
      const earlier = result.rowOf.get(code);
      if (problem) report.at(row, 'code', `Mã đơn vị “${code}” ${problem}`);
      else if (earlier !== undefined) report.at(row, 'code', `Mã đơn vị “${code}” trùng với dòng ${earlier}; mỗi đơn vị chỉ ghi một dòng`);
      else result.rowOf.set(code, row);
    }
    if (name === '') report.at(row, 'name', 'Chưa có tên đơn vị');
    else {
      const problem = sheetLineProblem(name, FIELD_LIMITS.unitName);
      if (problem) report.at(row, 'name', `Tên đơn vị ${problem}`);
    }
    const kind = kindName === '' ? null : unitKindOfName(kindName);
    if (kindName === '') report.at(row, 'kind', `Chưa chọn loại đơn vị (${KIND_CHOICES})`);
    else if (!kind) report.at(row, 'kind', `Loại đơn vị “${kindName}” không có; chọn một trong: ${KIND_CHOICES}`);
    if (parent !== '') {
      const problem = sheetCodeProblem(parent);
      if (problem) report.at(row, 'parent', `Mã đơn vị cấp trên “${parent}” ${problem}`);
      else if (parent === code) report.at(row, 'parent', 'Đơn vị không thể là cấp trên của chính nó');
    }
    if (place !== '') {
      const problem = sheetLineProblem(place, FIELD_LIMITS.place);
      if (problem) report.at(row, 'place', `Địa danh ${problem}`);
    }
    if (problems.length === before && kind) {
      result.units.push({ code, name, kind, parent: parent === '' ? null : parent, ...(place !== '' ? { place } : {}) });
    }
  }
  return result;
}
