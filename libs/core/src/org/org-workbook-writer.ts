import { DataValidation, stream, Worksheet } from 'exceljs';
import type { Writable } from 'node:stream';
import { ORG_SHEETS, PERSON_COLUMNS, POSITION_LABELS, POSITIONS, ROLE_SHEET_NAMES, ROLES, UNIT_COLUMNS, UNIT_KIND_NAMES, FIELD_LIMITS } from '@app/domain';
import { orgWorkbookGuide } from './org-workbook-guide';

/** A unit as a row of the units sheet. */
export interface UnitRow {
  code: string;
  name: string;
  /** The kind as the Party names it (unitKindSheetName). */
  kindName: string;
  parent: string | null;
  place: string;
}

/** One person at one unit (or at none, for a role held everywhere or nothing at all) as a row of the people sheet. */
export interface PersonRow {
  username: string;
  fullName: string;
  email: string;
  unit: string | null;
  /** The role names, already joined. */
  roles: string;
  position: string;
}

const WIDTHS: Record<string, number> = {
  code: 18,
  name: 56,
  kind: 26,
  parent: 20,
  place: 16,
  username: 24,
  fullName: 30,
  email: 34,
  unit: 18,
  roles: 48,
  position: 24,
};
/** Columns of codes are text: "007" stays "007", and a code is never read as a number or a date. */
const TEXT_COLUMNS = new Set(['code', 'parent', 'unit', 'username']);
/** Rows below the data that keep the drop-down lists, for the rows an office adds. */
const SPARE_ROWS = 5000;
const HEADING_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } } as const;

/** exceljs's sheets keep validations by range (a whole column in one entry); its type declarations leave that out. */
type SheetWriter = Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } };

/**
 * Writes the organisation's workbook to `out` as it is built (a Bloc is ten thousand units and
 * more people): the units, the people (one row per person and unit), and a guide. Headings frozen,
 * columns sized, the kind, the roles and the position as drop-down lists, code columns as text.
 * Empty lists make the template; the stored tree makes the export, which re-imports unchanged.
 * There is no password column: people set their own from an e-mailed link.
 */
export async function writeOrgWorkbook(out: Writable, content: { units: readonly UnitRow[]; people: readonly PersonRow[] }): Promise<void> {
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Tổng kết';

  const units = sheetWithHeadings(workbook, ORG_SHEETS.units, UNIT_COLUMNS);
  const unitsEnd = content.units.length + 1 + SPARE_ROWS;
  units.dataValidations.add(
    `C2:C${unitsEnd}`,
    strictList(
      UNIT_KIND_NAMES.map((k) => k.name),
      'Loại đơn vị',
      'Chọn loại đơn vị trong danh sách.',
    ),
  );
  units.dataValidations.add(`A2:A${unitsEnd}`, codeLength('Mã đơn vị'));
  units.dataValidations.add(`D2:D${unitsEnd}`, codeLength('Mã đơn vị cấp trên'));
  for (const unit of content.units) units.addRow([unit.code, unit.name, unit.kindName, unit.parent ?? '', unit.place]).commit();
  units.commit();

  const people = sheetWithHeadings(workbook, ORG_SHEETS.people, PERSON_COLUMNS);
  const peopleEnd = content.people.length + 1 + SPARE_ROWS;
  people.dataValidations.add(`E2:E${peopleEnd}`, {
    ...list(ROLES.map((r) => ROLE_SHEET_NAMES[r])),
    // Several roles in one cell, separated by commas, are not in the list: a warning lets them through.
    errorStyle: 'warning',
    showErrorMessage: true,
    errorTitle: 'Vai trò',
    error: 'Chọn một vai trò trong danh sách, hoặc ghi nhiều vai trò cách nhau bằng dấu phẩy (ví dụ: Soạn thảo, Thông qua (cấp ủy)).',
  });
  people.dataValidations.add(
    `F2:F${peopleEnd}`,
    strictList(
      POSITIONS.map((p) => POSITION_LABELS[p]),
      'Chức vụ',
      'Chọn chức vụ trong danh sách, hoặc để trống.',
    ),
  );
  people.dataValidations.add(`D2:D${peopleEnd}`, codeLength('Mã đơn vị'));
  people.dataValidations.add(`A2:A${peopleEnd}`, {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    formulae: [FIELD_LIMITS.username],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: 'Tên đăng nhập',
    error: `Tên đăng nhập dài tối đa ${FIELD_LIMITS.username} ký tự: chữ thường không dấu, chữ số và các dấu . _ -`,
  });
  for (const person of content.people)
    people.addRow([person.username, person.fullName, person.email, person.unit ?? '', person.roles, person.position]).commit();
  people.commit();

  const guide = workbook.addWorksheet(ORG_SHEETS.guide);
  guide.columns = [{ width: 120, style: { alignment: { wrapText: true, vertical: 'top' } } }];
  orgWorkbookGuide().forEach((line, i) => {
    const row = guide.addRow([line.text]);
    if (line.heading) row.font = { bold: true, size: i === 0 ? 14 : 12 };
    row.commit();
  });
  guide.commit();
  await workbook.commit();
}

function sheetWithHeadings(workbook: stream.xlsx.WorkbookWriter, name: string, layout: readonly { key: string; heading: string }[]): SheetWriter {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  sheet.columns = layout.map((c) => ({ key: c.key, width: WIDTHS[c.key], ...(TEXT_COLUMNS.has(c.key) ? { style: { numFmt: '@' } } : {}) }));
  const heading = sheet.addRow(layout.map((c) => c.heading));
  heading.eachCell((cell) => Object.assign(cell, { font: { bold: true }, fill: HEADING_FILL, alignment: { vertical: 'middle', wrapText: true } }));
  heading.commit();
  return sheet as unknown as SheetWriter;
}

function list(values: readonly string[]): DataValidation {
  return { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`], showInputMessage: false };
}

function strictList(values: readonly string[], title: string, error: string): DataValidation {
  return { ...list(values), showErrorMessage: true, errorStyle: 'stop', errorTitle: title, error };
}

function codeLength(title: string): DataValidation {
  return {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    formulae: [FIELD_LIMITS.code],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: title,
    error: `${title} dài tối đa ${FIELD_LIMITS.code} ký tự: chữ cái, chữ số và các dấu - . / _`,
  };
}
