import type { Position, SigningHolder } from '@app/domain';
import { Queryable } from '../queryable';
import type { UserPositionView } from './users';

/** A position taken away by a change, with the unit's code and the person's id. */
export interface RemovedPositionRow {
  user_id: string;
  code: string;
  position: Position;
}

/** The person holding a unit's Bí thư post, as a refusal names them. */
export interface SecretaryHolderRow {
  code: string;
  username: string;
  full_name: string;
}

export interface NewUserPosition {
  userId: string;
  unitId: string;
  position: Position;
}

/** A person's positions as GET /api/users and GET /api/me show them, by unit code. */
export async function listPositionsOfUser(db: Queryable, userId: string): Promise<UserPositionView[]> {
  return db.query(
    `SELECT p.unit_id AS "unitId", o.code AS "unitCode", o.name AS "unitName", p.position
       FROM user_positions p JOIN org_units o ON o.id = p.unit_id WHERE p.user_id = $1 ORDER BY o.code`,
    [userId],
  );
}

/** Removes every position of the people; returns what they held, to tell what a replacement changed. */
export async function deletePositionsOfUsers(db: Queryable, userIds: readonly string[]): Promise<RemovedPositionRow[]> {
  const [removed]: [RemovedPositionRow[], number] = await db.query(
    `DELETE FROM user_positions p USING org_units o WHERE o.id = p.unit_id AND p.user_id = ANY($1::uuid[]) RETURNING p.user_id, o.code, p.position`,
    [userIds],
  );
  return removed;
}

/** Someone (first by unit code) still holding the Bí thư post of one of the units; undefined when all are free. */
export async function findSecretaryHolder(db: Queryable, unitIds: readonly string[]): Promise<SecretaryHolderRow | undefined> {
  const [holder]: SecretaryHolderRow[] = await db.query(
    `SELECT o.code, u.username, u.full_name FROM user_positions p JOIN users u ON u.id = p.user_id JOIN org_units o ON o.id = p.unit_id
          WHERE p.position = 'bi_thu' AND p.unit_id = ANY($1::uuid[]) ORDER BY o.code LIMIT 1`,
    [unitIds],
  );
  return holder;
}

/** Inserts the positions; the unique index `user_positions_one_secretary` refuses a second Bí thư of a unit. */
export async function insertUserPositions(db: Queryable, positions: readonly NewUserPosition[]): Promise<void> {
  await db.query(`INSERT INTO user_positions (user_id, unit_id, position) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[])`, [
    positions.map((p) => p.userId),
    positions.map((p) => p.unitId),
    positions.map((p) => p.position),
  ]);
}

/**
 * Who may sign for a unit now: the active people holding its Bí thư or Phó Bí thư post. A
 * deactivated person keeps their position on record but signs nothing.
 */
export async function listSigningHolders(db: Queryable, unitId: string): Promise<SigningHolder[]> {
  return db.query(
    `SELECT u.id AS "userId", u.username, u.full_name AS "fullName", p.position
       FROM user_positions p JOIN users u ON u.id = p.user_id
      WHERE p.unit_id = $1 AND p.position IN ('bi_thu', 'pho_bi_thu') AND u.active
      ORDER BY p.position, u.username`,
    [unitId],
  );
}

export interface UnitPlaceRow {
  id: string;
  code: string;
  place: string;
}

/** The unit with its place (the town printed on its documents), locked so the audit records the place each change replaced. */
export async function lockUnitPlace(db: Queryable, unitId: string): Promise<UnitPlaceRow | undefined> {
  const [unit]: UnitPlaceRow[] = await db.query(`SELECT id, code, place FROM org_units WHERE id = $1 FOR NO KEY UPDATE`, [unitId]);
  return unit;
}

export async function setUnitPlace(db: Queryable, unitId: string, place: string): Promise<void> {
  await db.query(`UPDATE org_units SET place = $2, updated_at = now() WHERE id = $1`, [unitId, place]);
}
