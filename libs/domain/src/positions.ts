/**
 * Positions (chức vụ) a person holds in a Party organisation, besides the roles the engine gives
 * them. Stored per person and unit; the signer of an adopted document is chosen among them.
 */
export const POSITIONS = ['bi_thu', 'pho_bi_thu', 'uv_btv', 'cap_uy_vien', 'dang_vien'] as const;
export type Position = (typeof POSITIONS)[number];

/** As people read them, highest first. */
export const POSITION_LABELS: Record<Position, string> = {
  bi_thu: 'Bí thư',
  pho_bi_thu: 'Phó Bí thư',
  uv_btv: 'Ủy viên Ban Thường vụ',
  cap_uy_vien: 'Cấp ủy viên',
  dang_vien: 'Đảng viên',
};

/** Who may sign for the collective: the secretary, or a deputy secretary deputising (K/T). */
export const SIGNING_POSITIONS: readonly Position[] = Object.freeze(['bi_thu', 'pho_bi_thu'] as const);

export function isSigningPosition(position: string): position is 'bi_thu' | 'pho_bi_thu' {
  return (SIGNING_POSITIONS as readonly string[]).includes(position);
}

/** A unit has one secretary at a time (Party Charter): the message naming who holds the post already. */
export function secondSecretaryMessage(unitCode: string, holder: string): string {
  return `Đơn vị ${unitCode} đã có Bí thư là đồng chí ${holder}; mỗi đơn vị chỉ có một Bí thư`;
}

/**
 * The units of a list of positions that name more than one secretary, with the people named: a list
 * (an import, one person's positions) refuses them before anything is stored.
 */
export function unitsWithTwoSecretaries(assignments: readonly { unit: string; position: string; username: string }[]): { unit: string; usernames: string[] }[] {
  const byUnit = new Map<string, string[]>();
  for (const a of assignments) if (a.position === 'bi_thu') byUnit.set(a.unit, [...new Set([...(byUnit.get(a.unit) ?? []), a.username])]);
  return [...byUnit].filter(([, usernames]) => usernames.length > 1).map(([unit, usernames]) => ({ unit, usernames }));
}
