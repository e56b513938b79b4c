import { EntityManager } from 'typeorm';
import { conflict, Position, PositionRef, secondSecretaryMessage, unitsWithTwoSecretaries } from '@app/domain';

/** A position as GET /api/users and GET /api/me show it. */
export interface PositionView {
  unitId: string;
  unitCode: string;
  unitName: string;
  position: Position;
}

/** One person's positions after a change: every one they hold, units by id and code. */
export interface WantedPositions {
  userId: string;
  username: string;
  positions: { unitId: string; unitCode: string; position: Position }[];
}

export interface PositionChanges {
  added: Map<string, PositionRef[]>;
  removed: Map<string, PositionRef[]>;
}

/** The SQL of a person's positions as a JSON array (for the lists of users, with `u` the user). */
export const POSITIONS_JSON = `
  (SELECT COALESCE(json_agg(json_build_object('unitId', p.unit_id, 'unitCode', o.code, 'unitName', o.name, 'position', p.position) ORDER BY o.code), '[]')
     FROM user_positions p JOIN org_units o ON o.id = p.unit_id WHERE p.user_id = u.id)`;

export async function positionsOf(em: EntityManager, userId: string): Promise<PositionView[]> {
  return em.query(
    `SELECT p.unit_id AS "unitId", o.code AS "unitCode", o.name AS "unitName", p.position
       FROM user_positions p JOIN org_units o ON o.id = p.unit_id WHERE p.user_id = $1 ORDER BY o.code`,
    [userId],
  );
}

/**
 * Makes each listed person's positions exactly the given ones, in the caller's transaction, and
 * says what was added and removed (by username). A unit has one Bí thư: a list naming two, or a
 * secretary where someone not in the list holds the post, is refused (409) naming the holder; the
 * unique index behind it turns a race between two changes into the same refusal.
 */
export async function replacePositions(em: EntityManager, people: readonly WantedPositions[]): Promise<PositionChanges> {
  const changes: PositionChanges = { added: new Map(), removed: new Map() };
  if (people.length === 0) return changes;
  const wanted = people.flatMap((p) => p.positions.map((x) => ({ ...x, userId: p.userId, username: p.username })));
  const [twice] = unitsWithTwoSecretaries(wanted.map((w) => ({ unit: w.unitCode, position: w.position, username: w.username })));
  if (twice)
    throw conflict(`Đơn vị ${twice.unit} chỉ có một Bí thư, nhưng danh sách ghi ${twice.usernames.join(', ')}`, {
      unit: twice.unit,
      usernames: twice.usernames,
    });

  const userIds = people.map((p) => p.userId);
  const [removed]: [{ user_id: string; code: string; position: Position }[]] = await em.query(
    `DELETE FROM user_positions p USING org_units o WHERE o.id = p.unit_id AND p.user_id = ANY($1::uuid[]) RETURNING p.user_id, o.code, p.position`,
    [userIds],
  );
  const secretaryUnits = wanted.filter((w) => w.position === 'bi_thu').map((w) => w.unitId);
  const [holder]: { code: string; username: string; full_name: string }[] = secretaryUnits.length
    ? await em.query(
        `SELECT o.code, u.username, u.full_name FROM user_positions p JOIN users u ON u.id = p.user_id JOIN org_units o ON o.id = p.unit_id
          WHERE p.position = 'bi_thu' AND p.unit_id = ANY($1::uuid[]) ORDER BY o.code LIMIT 1`,
        [secretaryUnits],
      )
    : [];
  if (holder) throw secondSecretary(holder);
  try {
    await em.query(`INSERT INTO user_positions (user_id, unit_id, position) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[])`, [
      wanted.map((w) => w.userId),
      wanted.map((w) => w.unitId),
      wanted.map((w) => w.position),
    ]);
  } catch (error) {
    if (!isSecretaryRace(error)) throw error;
    // The transaction is aborted: the holder cannot be read any more, the refusal says what to do.
    throw conflict('Một đơn vị trong danh sách vừa được gán Bí thư bởi một thay đổi khác; mỗi đơn vị chỉ có một Bí thư. Tải lại và thử lại');
  }

  const key = (userId: string, code: string, position: string) => `${userId}|${code}|${position}`;
  const before = new Set(removed.map((r) => key(r.user_id, r.code, r.position)));
  const after = new Set(wanted.map((w) => key(w.userId, w.unitCode, w.position)));
  const usernameOf = new Map(people.map((p) => [p.userId, p.username]));
  const push = (map: Map<string, PositionRef[]>, username: string, ref: PositionRef) => map.set(username, [...(map.get(username) ?? []), ref]);
  for (const w of wanted) if (!before.has(key(w.userId, w.unitCode, w.position))) push(changes.added, w.username, { unit: w.unitCode, position: w.position });
  for (const r of removed)
    if (!after.has(key(r.user_id, r.code, r.position))) push(changes.removed, usernameOf.get(r.user_id)!, { unit: r.code, position: r.position });
  return changes;
}

function secondSecretary(holder: { code: string; username: string; full_name: string }) {
  return conflict(secondSecretaryMessage(holder.code, `${holder.full_name} (${holder.username})`), { unit: holder.code, holder: holder.username });
}

/** The unique index of one secretary per unit, broken by a change committed meanwhile. */
function isSecretaryRace(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.driverError?.code ?? e.code;
  const constraint = e.driverError?.constraint ?? e.constraint;
  return code === '23505' && constraint === 'user_positions_one_secretary';
}
