import type { UnitKind } from '@app/domain';

/** Issuer codes of the number and symbol (ĐUK đảng ủy khối, ĐU đảng ủy, CB chi bộ). */
export function issuerCode(kind: UnitKind): string {
  return kind === 'bloc' ? 'ĐUK' : kind === 'cell' ? 'CB' : 'ĐU';
}

/** Who signs for the body: the cell as a whole, or its committee's standing committee. */
export function signatureOf(kind: UnitKind): { onBehalfOf: string; title: string } {
  if (kind === 'cell') return { onBehalfOf: 'T/M CHI BỘ', title: 'BÍ THƯ' };
  if (kind === 'grassroots') return { onBehalfOf: 'T/M ĐẢNG ỦY', title: 'BÍ THƯ' };
  return { onBehalfOf: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ' };
}

/** "Kế hoạch tổng kết công tác …" → "Tổng kết công tác …": the report answers the plan. */
export function reportTitleFromPlan(planTitle: string): string {
  const rest = planTitle.replace(/^Kế hoạch\s+/i, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
