import { DataValidation, Workbook } from 'exceljs';
import type { IndicatorDefinition, IndicatorGroup, Indicators } from '@app/domain';
import { KIND_LABELS, sheetNames } from './appendix-labels';
import { APPENDIX_HEADINGS, HEADING_ROW } from './appendix-layout';

export interface AppendixTemplateInput {
  unitCode: string;
  unitName: string;
  planCode: string;
  term: string;
  definitions: readonly IndicatorDefinition[];
  groups: readonly IndicatorGroup[];
  /** The figures as entered: a blank cell is a figure not reported. */
  entered: Indicators;
  /** The percentages computed from them, shown and never read back. */
  derived: Indicators;
}

const HEADING_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } } as const;
const COMPUTED_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } } as const;

/**
 * A report's appendix of figures as a workbook to fill offline: one sheet per appendix table, each
 * figure on a row with its label, unit of measure, kind and current value, its key in the hidden
 * first column so an upload maps back (appendix-reader.ts). Cells check the kind as one types
 * (Excel's data validation); the engine checks again on upload.
 */
export async function appendixTemplate(input: AppendixTemplateInput): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Tổng kết';
  const names = sheetNames(input.groups);
  const byKey = new Map(input.definitions.map((d) => [d.key, d]));
  for (const group of input.groups) {
    const sheet = workbook.addWorksheet(names.get(group.key)!, { views: [{ state: 'frozen', ySplit: HEADING_ROW }] });
    sheet.columns = [6, 6, 62, 14, 28, 14, 44].map((width, i) => ({ width, hidden: i === 0 }));
    sheet.mergeCells(1, 2, 1, 7);
    sheet.getCell(1, 2).value = `PHỤ LỤC SỐ LIỆU: ${group.title.toUpperCase()}`;
    sheet.getCell(1, 2).font = { bold: true, size: 13 };
    sheet.getCell(2, 2).value = `${input.unitName} (${input.unitCode}) – Kế hoạch ${input.planCode}, nhiệm kỳ ${input.term}`;
    sheet.getCell(3, 2).value =
      'Ô để trống là chưa báo cáo (khác số 0). Tỷ lệ % được tính tự động từ các số liệu tương ứng, không nhập. Không sửa cột “Mã” (ẩn).';
    sheet.getCell(3, 2).font = { italic: true };
    const heading = sheet.getRow(HEADING_ROW);
    heading.values = [...APPENDIX_HEADINGS];
    heading.eachCell((cell) => Object.assign(cell, { font: { bold: true }, fill: HEADING_FILL, alignment: { wrapText: true, vertical: 'middle' } }));
    group.keys.forEach((key, i) => {
      const d = byKey.get(key);
      if (!d) return;
      const row = sheet.getRow(HEADING_ROW + 1 + i);
      const computed = d.derivedFrom !== undefined;
      const value = computed ? input.derived[key] : input.entered[key];
      const note = d.derivedFrom
        ? `Tính tự động: ${byKey.get(d.derivedFrom.numerator)?.label ?? d.derivedFrom.numerator} / ${byKey.get(d.derivedFrom.denominator)?.label ?? d.derivedFrom.denominator} × 100`
        : '';
      row.values = [key, i + 1, d.label, d.unit, KIND_LABELS[d.kind], value ?? null, note];
      const cell = row.getCell(6);
      if (computed) cell.fill = COMPUTED_FILL;
      else cell.dataValidation = validationOf(d);
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function validationOf(d: IndicatorDefinition): DataValidation {
  const kind = KIND_LABELS[d.kind].toLowerCase();
  return {
    type: d.kind === 'count' ? 'whole' : 'decimal',
    operator: 'between',
    formulae: [0, d.kind === 'percent' ? 100 : 1_000_000_000],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: 'Số liệu chưa hợp lệ',
    error: `“${d.label}” phải là ${kind}, không âm. Để trống nếu chưa báo cáo.`,
  };
}
