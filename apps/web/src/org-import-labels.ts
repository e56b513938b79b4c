/** How the preview of an organisation workbook reads: places of problems, fields and their values, roles and positions, counts. */
import { POSITION_LABELS } from '../../../libs/domain/src/positions';
import type { ImportPositionRef, ImportRoleRef, ImportUnitFields, ImportUserFields, OrgImportCounts, SheetProblem } from './api-types';
import { KIND_LABELS, ROLE_LABELS } from './format';

const UNIT_FIELDS: Record<keyof ImportUnitFields, string> = { name: 'Tên', kind: 'Loại', parent: 'Đơn vị cấp trên', place: 'Địa danh' };
const USER_FIELDS: Record<keyof ImportUserFields, string> = { fullName: 'Họ và tên', email: 'Thư điện tử' };

/** Where a problem is, as one reads it in Excel: "Trang “Người dùng”, dòng 5, cột E (Vai trò)". */
export function problemPlace(problem: SheetProblem): string {
  if (!problem.sheet) return 'Cả tệp';
  const parts = [`Trang “${problem.sheet}”`];
  if (problem.row !== null) parts.push(`dòng ${problem.row}`);
  if (problem.column !== null) parts.push(`cột ${problem.column}${problem.heading ? ` (${problem.heading})` : ''}`);
  return parts.join(', ');
}

/** A unit's field as shown: its kind by the Party's name, no parent as "(không có)". */
export function unitFieldValue(key: keyof ImportUnitFields, value: ImportUnitFields[keyof ImportUnitFields]): string {
  if (value === undefined) return '';
  if (value === null) return '(không có)';
  if (key === 'kind') return KIND_LABELS[value as keyof typeof KIND_LABELS] ?? String(value);
  return String(value);
}

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

/** The fields a change touches, each with its value before and after, in the order of the workbook's columns. */
export function unitFieldChanges(before: ImportUnitFields | undefined, after: ImportUnitFields): FieldChange[] {
  return (Object.keys(UNIT_FIELDS) as (keyof ImportUnitFields)[])
    .filter((key) => key in after)
    .map((key) => ({ label: UNIT_FIELDS[key], before: unitFieldValue(key, before?.[key]), after: unitFieldValue(key, after[key]) }));
}

export function userFieldChanges(before: ImportUserFields | undefined, after: ImportUserFields): FieldChange[] {
  return (Object.keys(USER_FIELDS) as (keyof ImportUserFields)[])
    .filter((key) => key in after)
    .map((key) => ({ label: USER_FIELDS[key], before: before?.[key] ?? '', after: after[key] ?? '' }));
}

/** "Soạn thảo – KBNN-KT", or the administrator's role held everywhere. */
export function roleText(role: ImportRoleRef): string {
  return role.unit === null ? `${ROLE_LABELS[role.role]} – toàn hệ thống` : `${ROLE_LABELS[role.role]} – ${role.unit}`;
}

export function positionText(position: ImportPositionRef): string {
  return `${POSITION_LABELS[position.position]} – ${position.unit}`;
}

/** The counts of a preview or a finished import, as labelled lines (the ones that say something). */
export function countLines(
  counts: Partial<OrgImportCounts> & { unitsNotInFile?: number; usersNotInFile?: number; setPasswordLinks?: number },
): { label: string; value: number }[] {
  const lines: [string, number | undefined][] = [
    ['Đơn vị thêm mới', counts.unitsCreated],
    ['Đơn vị thay đổi', counts.unitsChanged],
    ['Người dùng thêm mới', counts.usersCreated],
    ['Người dùng thay đổi', counts.usersChanged],
    ['Vai trò được giao thêm', counts.rolesAdded],
    ['Vai trò bị bỏ', counts.rolesRemoved],
    ['Chức vụ được giao thêm', counts.positionsAdded],
    ['Chức vụ bị bỏ', counts.positionsRemoved],
    ['Người mới nhận thư để tự đặt mật khẩu', counts.setPasswordLinks],
    ['Đơn vị có trong hệ thống nhưng không có trong tệp (giữ nguyên)', counts.unitsNotInFile],
    ['Người dùng có trong hệ thống nhưng không có trong tệp (giữ nguyên)', counts.usersNotInFile],
  ];
  return lines.filter((line): line is [string, number] => line[1] !== undefined).map(([label, value]) => ({ label, value }));
}

const CHANGE_COUNTS: (keyof OrgImportCounts)[] = [
  'unitsCreated',
  'unitsChanged',
  'usersCreated',
  'usersChanged',
  'rolesAdded',
  'rolesRemoved',
  'positionsAdded',
  'positionsRemoved',
];

/** True when applying would change nothing at all (what the file leaves out is kept, and changes nothing). */
export function changesNothing(counts: OrgImportCounts): boolean {
  return CHANGE_COUNTS.every((key) => counts[key] === 0);
}
