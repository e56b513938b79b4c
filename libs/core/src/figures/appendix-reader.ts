import { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import { IndicatorDefinition, indicatorValueProblem } from '@app/domain';
import { HEADING_SEARCH_ROWS, KEY_HEADING, VALUE_HEADING } from './appendix-layout';
import { XlsxFileRefused } from './xlsx-archive-guard';

/** Where a figure sits in the uploaded file, as a person finds it in Excel. */
export interface CellPlace {
  sheet: string;
  row: number;
  column: string;
  cell: string;
}

/** One bad cell of an upload, with a Vietnamese message. */
export interface CellProblem extends CellPlace {
  key?: string;
  message: string;
}

export interface ReadAppendix {
  /** The figures the file gives, as an edit: a number, or null for a blank cell (not reported). */
  edit: Record<string, unknown>;
  /** Where each figure of the edit was read, to place a problem found later (e.g. two figures that contradict). */
  places: Map<string, CellPlace>;
  problems: CellProblem[];
}

/**
 * Reads an uploaded appendix (appendix-template.ts, possibly edited in Excel or LibreOffice): on every
 * sheet with the headings "Mã" and "Số liệu", each row naming a figure of the plan gives its value.
 * Every bad cell is reported (sheet, row, column), not only the first; derived percentages are
 * shown in the template and never read back. The archive must have passed assertSafeXlsxArchive.
 */
export async function readAppendix(bytes: Buffer, definitions: readonly IndicatorDefinition[]): Promise<ReadAppendix> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new XlsxFileRefused('Không đọc được tệp bảng tính; hãy lưu lại dưới dạng Excel (.xlsx)');
  }
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const result: ReadAppendix = { edit: {}, places: new Map(), problems: [] };
  let tables = 0;
  for (const sheet of workbook.worksheets) {
    const columns = headingsOf(sheet);
    if (!columns) continue;
    tables++;
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber <= columns.row) return;
      const key = textOf(row.getCell(columns.key).value);
      if (!key) return;
      const valueCell = row.getCell(columns.value);
      const definition = byKey.get(key);
      if (!definition) {
        result.problems.push({ ...placeOf(sheet, row.getCell(columns.key)), key, message: `Mã số liệu “${key}” không có trong kế hoạch; không sửa cột “Mã”` });
        return;
      }
      if (definition.derivedFrom) return;
      const earlier = result.places.get(key);
      if (earlier) {
        result.problems.push({ ...placeOf(sheet, valueCell), key, message: `“${definition.label}” đã có ở trang “${earlier.sheet}”, dòng ${earlier.row}` });
        return;
      }
      const value = numberOf(valueCell.value);
      result.places.set(key, placeOf(sheet, valueCell));
      const problem = indicatorValueProblem(definition, value);
      if (problem) result.problems.push({ ...placeOf(sheet, valueCell), key, message: `${definition.label}: ${problem}` });
      else result.edit[key] = value;
    });
  }
  if (tables === 0) throw new XlsxFileRefused('Không tìm thấy bảng số liệu (cột “Mã” và “Số liệu”) trong tệp; hãy dùng mẫu tải về từ hệ thống');
  return result;
}

function headingsOf(sheet: Worksheet): { row: number; key: number; value: number } | null {
  for (let r = 1; r <= Math.min(HEADING_SEARCH_ROWS, sheet.rowCount); r++) {
    let key = 0;
    let value = 0;
    sheet.getRow(r).eachCell((cell, col) => {
      const text = textOf(cell.value);
      if (text === KEY_HEADING) key = col;
      if (text === VALUE_HEADING) value = col;
    });
    if (key && value) return { row: r, key, value };
  }
  return null;
}

export function placeOf(sheet: Worksheet, cell: Cell): CellPlace {
  return { sheet: sheet.name, row: Number(cell.row), column: cell.address.replace(/\d+$/, ''), cell: cell.address };
}

function textOf(value: CellValue): string {
  const plain = plainValue(value);
  return plain === null || plain === undefined ? '' : String(plain).trim();
}

/**
 * A cell as the figure it gives: a number; null for a blank (not reported); a text written the
 * Vietnamese way ("12", "12,5") as its number; anything else as it is, for the figure's check to
 * refuse ("Phải là một số").
 */
export function numberOf(value: CellValue): unknown {
  const plain = plainValue(value);
  if (plain === null || plain === undefined) return null;
  if (typeof plain !== 'string') return plain;
  const text = plain.replace(/\s+/g, '');
  if (text === '') return null;
  return /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : plain;
}

/** A formula's result, a rich text's or a link's text, an error's code; a plain value as it is. */
function plainValue(value: CellValue): unknown {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return value;
  if ('result' in value) return plainValue(value.result as CellValue);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('text' in value) return plainValue(value.text as CellValue);
  if ('error' in value) return value.error;
  return value;
}
