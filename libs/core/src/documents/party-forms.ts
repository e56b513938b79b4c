import type { UnitKind } from '@app/domain';

/**
 * The Party-form parts that depend on who issues a document (Hướng dẫn 36-HD/VPTW, 2018, as restated
 * in domain.md): the issuer block, the issuer code of the symbol, the signature block and the
 * recipients. Pure, so the mapping is unit-tested on its own (party-forms.spec.ts).
 */
export interface PartyUnit {
  kind: UnitKind;
  name: string;
}

const CHI_BO = /^chi bộ\s/iu;
const DANG_BO = /^đảng bộ\s+/iu;

/** A chi bộ speaks for itself (a cell, or a chi bộ cơ sở of kind grassroots); a đảng bộ through its committee. */
export function isChiBo(unit: PartyUnit): boolean {
  return unit.kind === 'cell' || CHI_BO.test(unit.name.normalize('NFC'));
}

/**
 * The body that issues a unit's documents: the cell itself ("Chi bộ Vụ Kế toán Nhà nước"), the
 * Bloc's committee ("Đảng ủy Khối"), or a đảng bộ's committee, named after it ("Đảng bộ Kho bạc Nhà
 * nước Trung ương" → "Đảng ủy Kho bạc Nhà nước Trung ương").
 */
export function committeeOf(unit: PartyUnit): string {
  if (isChiBo(unit)) return unit.name;
  if (unit.kind === 'bloc') return 'Đảng ủy Khối';
  return `Đảng ủy ${unit.name.normalize('NFC').replace(DANG_BO, '')}`;
}

/**
 * The two lines of the issuer block: the superior body in plain capitals over the issuing body in
 * bold capitals. The superior body is the Party organisation directly above (the parent unit); the
 * root has none above it inside the engine, so its own đảng bộ stands over its committee, which
 * gives the Bloc's usual form "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG" over "ĐẢNG ỦY KHỐI". Only a
 * parentless chi bộ has a single line (nothing above it is known).
 */
export function issuerBlock(unit: PartyUnit, parent: PartyUnit | null): { superiorBody: string | null; issuingBody: string } {
  const issuingBody = committeeOf(unit).toUpperCase();
  if (parent) return { superiorBody: parent.name.toUpperCase(), issuingBody };
  return { superiorBody: isChiBo(unit) ? null : unit.name.toUpperCase(), issuingBody };
}

/** Issuer codes of the number and symbol, matching the issuer block: ĐUK đảng ủy khối, CB chi bộ, ĐU any other đảng ủy. */
export function issuerCode(unit: PartyUnit): string {
  if (isChiBo(unit)) return 'CB';
  return unit.kind === 'bloc' ? 'ĐUK' : 'ĐU';
}

/** Who signs for the body: the cell as a whole, a grassroots committee, or a standing committee (Bloc, upper units). */
export function signatureOf(unit: PartyUnit): { onBehalfOf: string; title: string } {
  if (isChiBo(unit)) return { onBehalfOf: 'T/M CHI BỘ', title: 'BÍ THƯ' };
  if (unit.kind === 'grassroots') return { onBehalfOf: 'T/M ĐẢNG ỦY', title: 'BÍ THƯ' };
  return { onBehalfOf: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ' };
}

/**
 * The signature block of an adopted document: on behalf of the collective (T/M), the secretary
 * signs as BÍ THƯ; a deputy secretary signs deputising for the post (K/T BÍ THƯ, PHÓ BÍ THƯ).
 * Nobody in either post: the collective and BÍ THƯ, over an empty name.
 */
export function signatureBlock(unit: PartyUnit, position: 'bi_thu' | 'pho_bi_thu' | null, name: string): { lines: string[]; name: string } {
  const { onBehalfOf } = signatureOf(unit);
  return { lines: position === 'pho_bi_thu' ? [onBehalfOf, 'K/T BÍ THƯ', 'PHÓ BÍ THƯ'] : [onBehalfOf, 'BÍ THƯ'], name };
}

/**
 * The collective that speaks in a unit's documents: a chi bộ itself, a grassroots committee
 * (Đảng ủy …), or the Standing Committee of the Bloc's or an upper committee (Ban Thường vụ Đảng ủy …),
 * as its signature block's T/M says.
 */
export function collectiveOf(unit: PartyUnit): string {
  if (isChiBo(unit)) return unit.name.normalize('NFC');
  const committee = committeeOf(unit);
  return signatureOf(unit).onBehalfOf === 'T/M BAN THƯỜNG VỤ' ? `Ban Thường vụ ${committee}` : committee;
}

/** The file copy every document ends its recipients with: the office of the committee, or the chi bộ's own file. */
export function fileCopyOf(unit: PartyUnit): string {
  if (isChiBo(unit)) return 'Lưu: Chi bộ';
  return unit.kind === 'bloc' ? 'Lưu: Văn phòng Đảng ủy Khối' : 'Lưu: Văn phòng Đảng ủy';
}

/**
 * A plan's own recipients for a level, as written by an administrator: one line each, a leading
 * "- " dropped, empty lines left out, and the file copy ("Lưu: …") last, added when missing.
 */
export function withFileCopy(lines: readonly string[], unit: PartyUnit): string[] {
  const clean = lines.map((l) => l.trim().replace(/^-\s*/, '').trim()).filter(Boolean);
  const isCopy = (l: string) => /^lưu\b/iu.test(l.normalize('NFC'));
  const copies = clean.filter(isCopy);
  return [...clean.filter((l) => !isCopy(l)), copies[copies.length - 1] ?? fileCopyOf(unit)];
}

/**
 * Nơi nhận, by level. The Bloc reports to the Central Committee's Secretariat and, for this
 * summary, to the Central Committee through the Party Charter Subcommittee that asked for it
 * (48-CV/TBĐLĐ), with the Central Organisation Board; a copy to each Standing Committee member.
 * A committee below reports to the committee above it and copies its own members; a cell reports
 * to its parent's committee. Every document ends with the file copy ("Lưu: …").
 */
export function recipientsOf(unit: PartyUnit, parent: PartyUnit | null): string[] {
  if (unit.kind === 'bloc' && !parent) {
    return [
      'Ban Bí thư (để báo cáo)',
      'Ban Chấp hành Trung ương (qua Tiểu ban Điều lệ Đảng, để báo cáo)',
      'Ban Tổ chức Trung ương',
      'Các đồng chí Ủy viên Ban Thường vụ Đảng ủy Khối',
      fileCopyOf(unit),
    ];
  }
  const above = parent ? `${committeeOf(parent)} (để báo cáo)` : 'Cấp ủy cấp trên (để báo cáo)';
  if (isChiBo(unit)) return [above, fileCopyOf(unit)];
  const members = unit.kind === 'grassroots' ? 'Các đồng chí đảng ủy viên' : 'Các đồng chí Ủy viên Ban Thường vụ';
  return [above, members, fileCopyOf(unit)];
}

/** "Kế hoạch tổng kết công tác …" → "Tổng kết công tác …": the report answers the plan. */
export function reportTitleFromPlan(planTitle: string): string {
  const rest = planTitle.replace(/^Kế hoạch\s+/i, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
