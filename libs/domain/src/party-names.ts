import type { UnitKind } from './types';

/**
 * How the Party names its organisations and the bodies that speak for them, as people read them in
 * notices and pages. Identifiers stay English (`bloc`, `upper`, `grassroots`, `cell`); these are
 * their Vietnamese names. Kept free of imports beyond the vocabulary so the web app bundles it too.
 */
export interface PartyUnitName {
  kind: UnitKind;
  name: string;
}

const CHI_BO = /^chi bộ\s/iu;

/**
 * A chi bộ speaks for itself (a cell, or a chi bộ cơ sở of kind grassroots); a đảng bộ through its
 * committee. The same rule as the Party forms of exported documents.
 */
export function isChiBo(unit: PartyUnitName): boolean {
  return unit.kind === 'cell' || CHI_BO.test(unit.name.normalize('NFC'));
}

/** A level as a whole (tables by level): grassroots covers đảng bộ and chi bộ cơ sở alike. */
export const LEVEL_NAMES: Readonly<Record<UnitKind, string>> = Object.freeze({
  bloc: 'Đảng bộ Khối',
  upper: 'Đảng bộ cấp trên cơ sở',
  grassroots: 'Đảng bộ, chi bộ cơ sở',
  cell: 'Chi bộ trực thuộc',
});

/** One unit's kind as the Party names it: Đảng bộ Khối, Đảng bộ cấp trên cơ sở, Đảng bộ cơ sở or Chi bộ cơ sở, Chi bộ trực thuộc. */
export function unitKindName(unit: PartyUnitName): string {
  if (unit.kind === 'grassroots') return isChiBo(unit) ? 'Chi bộ cơ sở' : 'Đảng bộ cơ sở';
  return LEVEL_NAMES[unit.kind];
}

/** The committee of a level: the Bloc's is the Đảng ủy Khối; a chi bộ has none but itself. */
export function committeeKindName(unit: PartyUnitName): string {
  if (isChiBo(unit)) return 'Chi bộ';
  return unit.kind === 'bloc' ? 'Đảng ủy Khối' : 'Đảng ủy';
}

/**
 * Who adopts (thông qua) a unit's own report: a chi bộ at its meeting, a grassroots đảng bộ's Đảng
 * ủy, the Ban Thường vụ of an upper đảng bộ, the Ban Thường vụ Đảng ủy Khối for the Khối's.
 */
export function adoptingBodyOf(unit: PartyUnitName): string {
  if (isChiBo(unit)) return 'Chi bộ';
  if (unit.kind === 'grassroots') return 'Đảng ủy';
  return unit.kind === 'bloc' ? 'Ban Thường vụ Đảng ủy Khối' : 'Ban Thường vụ';
}
