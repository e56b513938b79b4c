import type { Position, Role } from '@app/domain';
import { Queryable } from '../queryable';

/** A role assignment by ids (unit null for the global admin role). */
export interface RoleAssignmentRow {
  user_id: string;
  unit_id: string | null;
  role: Role;
}

/** A role held, the unit by its id (null for the global admin role). */
export type RoleKeyRow = Omit<RoleAssignmentRow, 'user_id'>;

/** A unit's Bí thư. */
export interface UnitSecretaryRow {
  unit: string;
  username: string;
}

/** A role held, the unit by its code (null for the global admin role). */
export interface RoleByUnitCode {
  unit: string | null;
  role: Role;
}

/** One person's role, the unit by its code, for the workbook. */
export interface UserRoleByCodeRow extends RoleByUnitCode {
  user_id: string;
}

/** One person's position, the unit by its code, for the workbook. */
export interface UserPositionByCodeRow {
  user_id: string;
  unit: string;
  position: Position;
}

/**
 * Removes the roles of these people that the wanted list (user, unit, role) does not name;
 * answers what was removed.
 */
export async function removeRolesNotListed(
  db: Queryable,
  userIds: string[],
  wanted: { userIds: string[]; unitIds: (string | null)[]; roles: Role[] },
): Promise<RoleAssignmentRow[]> {
  const [removed]: [RoleAssignmentRow[], number] = await db.query(
    `DELETE FROM role_assignments r WHERE r.user_id = ANY($1::uuid[])
         AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[], $3::uuid[], $4::varchar[]) AS k(user_id, unit_id, role)
                          WHERE k.user_id = r.user_id AND k.unit_id IS NOT DISTINCT FROM r.unit_id AND k.role = r.role)
       RETURNING user_id, unit_id, role`,
    [userIds, wanted.userIds, wanted.unitIds, wanted.roles],
  );
  return removed;
}

/** Adds the listed roles not yet held; answers what was added. */
export async function addListedRoles(db: Queryable, wanted: { userIds: string[]; unitIds: (string | null)[]; roles: Role[] }): Promise<RoleAssignmentRow[]> {
  return db.query(
    `INSERT INTO role_assignments (user_id, unit_id, role)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) ON CONFLICT DO NOTHING RETURNING user_id, unit_id, role`,
    [wanted.userIds, wanted.unitIds, wanted.roles],
  );
}

/** A person's roles by unit id, to work out what a change adds and removes. */
export async function roleKeysOfUser(db: Queryable, userId: string): Promise<RoleKeyRow[]> {
  return db.query(`SELECT unit_id, role FROM role_assignments WHERE user_id = $1`, [userId]);
}

/** Removes a person's roles on units (the global admin role stays: it is not given per unit). */
export async function deleteUnitRolesOfUser(db: Queryable, userId: string): Promise<void> {
  await db.query(`DELETE FROM role_assignments WHERE user_id = $1 AND unit_id IS NOT NULL`, [userId]);
}

export async function insertUnitRolesOfUser(db: Queryable, userId: string, unitIds: string[], roles: Role[]): Promise<void> {
  await db.query(`INSERT INTO role_assignments (user_id, unit_id, role) SELECT $1, * FROM unnest($2::uuid[], $3::varchar[]) ON CONFLICT DO NOTHING`, [
    userId,
    unitIds,
    roles,
  ]);
}

/** A person's roles as the audit trail shows them: unit code (null for the global admin role) and role. */
export async function roleListOfUser(db: Queryable, userId: string): Promise<RoleByUnitCode[]> {
  return db.query(
    `SELECT o.code AS unit, r.role FROM role_assignments r LEFT JOIN org_units o ON o.id = r.unit_id WHERE r.user_id = $1 ORDER BY o.code NULLS FIRST, r.role`,
    [userId],
  );
}

/** Every role of these people, units by code, in the workbook's order. */
export async function rolesOfUsersByUnitCode(db: Queryable, userIds: readonly string[]): Promise<UserRoleByCodeRow[]> {
  return db.query(
    `SELECT r.user_id, o.code AS unit, r.role FROM role_assignments r LEFT JOIN org_units o ON o.id = r.unit_id WHERE r.user_id = ANY($1::uuid[]) ORDER BY o.code NULLS FIRST, r.role`,
    [userIds],
  );
}

/** Every position of these people, units by code. */
export async function positionsOfUsersByUnitCode(db: Queryable, userIds: readonly string[]): Promise<UserPositionByCodeRow[]> {
  return db.query(
    `SELECT up.user_id, o.code AS unit, up.position FROM user_positions up JOIN org_units o ON o.id = up.unit_id WHERE up.user_id = ANY($1::uuid[]) ORDER BY o.code`,
    [userIds],
  );
}

/** Each unit's Bí thư, by unit code and username. */
export async function secretariesByUnitCode(db: Queryable): Promise<UnitSecretaryRow[]> {
  return db.query(
    `SELECT o.code AS unit, u.username FROM user_positions up JOIN org_units o ON o.id = up.unit_id JOIN users u ON u.id = up.user_id WHERE up.position = 'bi_thu'`,
  );
}

export async function holdsAdminRole(db: Queryable, userId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM role_assignments WHERE user_id = $1 AND role = 'admin' LIMIT 1`, [userId]);
  return rows.length > 0;
}

export async function holdsRoleAtUnit(db: Queryable, userId: string, unitId: string, role: Role): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM role_assignments WHERE user_id = $1 AND unit_id = $2 AND role = $3`, [userId, unitId, role]);
  return rows.length > 0;
}

/** True for admins and for anyone with a role on the unit or any unit above it. */
export async function holdsRoleOnUnitOrAbove(db: Queryable, userId: string, unitId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM role_assignments r
        WHERE r.user_id = $1
          AND (r.role = 'admin' OR r.unit_id = ANY (SELECT unnest(ancestor_ids) FROM org_units WHERE id = $2))
        LIMIT 1`,
    [userId, unitId],
  );
  return rows.length > 0;
}
