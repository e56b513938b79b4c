/**
 * The organisation's workbook (template, export and upload alike): a sheet of units, a sheet of
 * people with one row per person and unit, and a sheet of guidance. Columns are found by their
 * heading in the first row, so an office may reorder them or add its own; a password column there
 * is never, since people set their own password from the link they receive by e-mail.
 */
export const ORG_SHEETS = Object.freeze({ units: 'Đơn vị', people: 'Người dùng', guide: 'Hướng dẫn' });

export type UnitColumn = 'code' | 'name' | 'kind' | 'parent' | 'place';
export type PersonColumn = 'username' | 'fullName' | 'email' | 'unit' | 'roles' | 'position';

export interface SheetColumn<K extends string> {
  key: K;
  heading: string;
  /** A blank heading row for it is a problem of the file; optional columns may be left out. */
  required: boolean;
}

export const UNIT_COLUMNS: readonly SheetColumn<UnitColumn>[] = Object.freeze([
  { key: 'code', heading: 'Mã đơn vị', required: true },
  { key: 'name', heading: 'Tên đơn vị', required: true },
  { key: 'kind', heading: 'Loại', required: true },
  { key: 'parent', heading: 'Mã đơn vị cấp trên', required: true },
  { key: 'place', heading: 'Địa danh', required: false },
]);

export const PERSON_COLUMNS: readonly SheetColumn<PersonColumn>[] = Object.freeze([
  { key: 'username', heading: 'Tên đăng nhập', required: true },
  { key: 'fullName', heading: 'Họ và tên', required: true },
  { key: 'email', heading: 'Thư điện tử', required: true },
  { key: 'unit', heading: 'Mã đơn vị', required: true },
  { key: 'roles', heading: 'Vai trò', required: true },
  { key: 'position', heading: 'Chức vụ', required: false },
]);

/** The row of the headings; data starts below it. */
export const ORG_HEADING_ROW = 1;
