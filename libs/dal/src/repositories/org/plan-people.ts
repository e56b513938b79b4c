import { Queryable } from '../queryable';

/** What decides which part of a plan a person sees, besides the units they hold roles on. */
export interface PlanViewerRow {
  is_admin: boolean;
  /** Null when the root unit is unknown. */
  root_ancestor_ids: string[] | null;
}

/** A unit a person holds a role on, with its ancestors (itself included). */
export interface HeldUnitRow {
  id: string;
  ancestor_ids: string[];
}

/** One role a person holds; `unit_id` is null for the global admin role. */
export interface HeldRoleRow {
  unit_id: string | null;
  role: string;
}

/** One holder of a role at a unit. */
export interface RoleHolderRow {
  unit_id: string;
  user_id: string;
}

export async function readPlanViewer(db: Queryable, userId: string, rootUnitId: string): Promise<PlanViewerRow> {
  const [viewer]: PlanViewerRow[] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM role_assignments WHERE user_id = $1 AND role = 'admin') AS is_admin,
              (SELECT ancestor_ids FROM org_units WHERE id = $2) AS root_ancestor_ids`,
    [userId, rootUnitId],
  );
  return viewer;
}

export async function listHeldUnitsWithAncestors(db: Queryable, userId: string): Promise<HeldUnitRow[]> {
  return db.query(`SELECT DISTINCT u.id, u.ancestor_ids FROM role_assignments r JOIN org_units u ON u.id = r.unit_id WHERE r.user_id = $1`, [userId]);
}

/** Every role a person holds: who may nudge whom. */
export async function listHeldRolesOfNudger(db: Queryable, userId: string): Promise<HeldRoleRow[]> {
  return db.query(`SELECT unit_id, role FROM role_assignments WHERE user_id = $1`, [userId]);
}

/** The holders of a role at each of the units, in user id order: a stage's tasks go to them. */
export async function listStageRoleHolders(db: Queryable, unitIds: readonly string[], role: string): Promise<RoleHolderRow[]> {
  return db.query(`SELECT unit_id, user_id FROM role_assignments WHERE unit_id = ANY($1::uuid[]) AND role = $2 ORDER BY user_id`, [unitIds, role]);
}

/** The usernames holding a role at a unit, sorted: who a stage's tasks would go to. */
export async function listRoleHolderUsernames(db: Queryable, unitId: string, role: string): Promise<{ username: string }[]> {
  return db.query(`SELECT u.username FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE r.unit_id = $1 AND r.role = $2 ORDER BY u.username`, [
    unitId,
    role,
  ]);
}

/** The reviewers of a unit, by id: who hears of a late step below it. */
export async function listEscalationReviewers(db: Queryable, unitId: string | null): Promise<{ user_id: string }[]> {
  return db.query(`SELECT user_id FROM role_assignments WHERE unit_id = $1 AND role = 'reviewer' ORDER BY user_id`, [unitId]);
}

/** The consolidators of the root, by id: who hears of a late step when no reviewer above does. */
export async function listEscalationConsolidators(db: Queryable, rootUnitId: string): Promise<{ user_id: string }[]> {
  return db.query(`SELECT user_id FROM role_assignments WHERE unit_id = $1 AND role = 'consolidator' ORDER BY user_id`, [rootUnitId]);
}

/** A person's full name, as a nudge signs it. */
export async function readNudgerFullName(db: Queryable, userId: string): Promise<string> {
  const [{ full_name: fullName }]: { full_name: string }[] = await db.query(`SELECT full_name FROM users WHERE id = $1`, [userId]);
  return fullName;
}
