import type { Position, Role, UnitKind } from '@app/domain';

/** The shape of `POST /api/org/import` (and of the sample fixture). */
export interface OrgImport {
  /** `place`: where the unit's documents are issued; left out, a new unit gets "Hà Nội" and a known one keeps its own. */
  units: { code: string; name: string; kind: UnitKind; parent: string | null; place?: string }[];
  /**
   * `positions`: when given, the person's positions become exactly these; left out, they stay as they are.
   * `password`: left out (always, from a workbook), a new person gets a set-password link by e-mail and
   * a known one keeps their own. A role's `unit` is null only for the administrator's role held everywhere.
   */
  users: {
    username: string;
    fullName: string;
    email: string;
    password?: string;
    roles: { unit: string | null; role: Role }[];
    positions?: { unit: string; position: Position }[];
  }[];
}
