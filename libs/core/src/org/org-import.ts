import type { Role, UnitKind } from '@app/domain';

/** The shape of `POST /api/org/import` (and of the sample fixture). */
export interface OrgImport {
  units: { code: string; name: string; kind: UnitKind; parent: string | null }[];
  users: { username: string; fullName: string; email: string; password: string; roles: { unit: string; role: Role }[] }[];
}
