import { LEVEL_NAMES, unitKindName } from './party-names';
import { Position, POSITION_LABELS, POSITIONS } from './positions';
import { Role, ROLES, UNIT_KINDS, UnitKind } from './types';

/**
 * The words an office writes in the organisation's workbook for what the engine names in English:
 * the kinds of Party organisation, the roles and the positions. What is read back is compared
 * loosely (letter case, spaces, Unicode form, the old and new placing of the tone on "uy"), since
 * people type these by hand as often as they pick them from the drop-down list.
 */

/** The kinds as the Party names them, in the order of the drop-down list; both names of a grassroots body. */
export const UNIT_KIND_NAMES: readonly { name: string; kind: UnitKind }[] = Object.freeze([
  { name: LEVEL_NAMES.bloc, kind: 'bloc' },
  { name: LEVEL_NAMES.upper, kind: 'upper' },
  { name: 'Đảng bộ cơ sở', kind: 'grassroots' },
  { name: 'Chi bộ cơ sở', kind: 'grassroots' },
  { name: LEVEL_NAMES.cell, kind: 'cell' },
]);

/** The roles as the workbook names them. */
export const ROLE_SHEET_NAMES: Readonly<Record<Role, string>> = Object.freeze({
  drafter: 'Soạn thảo',
  approver: 'Thông qua (cấp ủy)',
  reviewer: 'Thẩm định (cấp ủy cấp trên)',
  consolidator: 'Tổ giúp việc',
  admin: 'Quản trị',
});

/** A cell may name several roles, separated by commas (or semicolons). */
export const ROLE_SEPARATOR = ', ';

/**
 * A text as it is compared: NFC, lower case, single spaces, and "uỷ" written "ủy" (the two ways of
 * placing the tone that Vietnamese keyboards produce).
 */
export function looseName(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/u([ỷýỳỹỵ])/gu, (_, y: string) => `${OLD_TONE_ON_Y[y]}y`);
}

const OLD_TONE_ON_Y: Record<string, string> = { ỷ: 'ủ', ý: 'ú', ỳ: 'ù', ỹ: 'ũ', ỵ: 'ụ' };

function lookup<T extends string>(entries: readonly (readonly [string, T])[]): (text: string) => T | null {
  const map = new Map(entries.map(([name, value]) => [looseName(name), value]));
  return (text) => map.get(looseName(text)) ?? null;
}

/** The kind a name in the "Loại" column stands for (also the English identifier), or null. */
export const unitKindOfName = lookup<UnitKind>([...UNIT_KIND_NAMES.map((k) => [k.name, k.kind] as const), ...UNIT_KINDS.map((k) => [k, k] as const)]);

/** The role a name stands for (also the English identifier), or null. */
export const roleOfName = lookup<Role>([...ROLES.map((r) => [ROLE_SHEET_NAMES[r], r] as const), ...ROLES.map((r) => [r, r] as const)]);

/** The position a name stands for (Bí thư, …; also the identifier bi_thu, …), or null. */
export const positionOfName = lookup<Position>([...POSITIONS.map((p) => [POSITION_LABELS[p], p] as const), ...POSITIONS.map((p) => [p, p] as const)]);

/** The name a unit's kind is written with: Chi bộ cơ sở for a grassroots chi bộ, Đảng bộ cơ sở for the others. */
export function unitKindSheetName(unit: { kind: UnitKind; name: string }): string {
  return unitKindName(unit);
}

/** The names in a "Vai trò" cell, split at commas or semicolons, blanks left out. */
export function splitRoleNames(cell: string): string[] {
  return cell
    .split(/[,;]/u)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
