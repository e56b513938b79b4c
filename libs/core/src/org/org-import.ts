import type { Position, Role, UnitKind } from '@app/domain';

/** The shape of `POST /api/org/import` (and of the sample fixture). */
export interface OrgImport {
  /** `place`: where the unit's documents are issued; left out, a new unit gets "Hà Nội" and a known one keeps its own. */
  units: { code: string; name: string; kind: UnitKind; parent: string | null; place?: string }[];
  /** `positions`: when given, the person's positions become exactly these; left out, they stay as they are. */
  users: { username: string; fullName: string; email: string; password: string; roles: { unit: string; role: Role }[]; positions?: { unit: string; position: Position }[] }[];
}
