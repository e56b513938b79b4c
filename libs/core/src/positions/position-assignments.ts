import { EntityManager } from 'typeorm';
import { deletePositionsOfUsers, findSecretaryHolder, insertUserPositions, listPositionsOfUser, SecretaryHolderRow, UserPositionView } from '@app/dal';
import { conflict, Position, PositionRef, secondSecretaryMessage, unitsWithTwoSecretaries } from '@app/domain';

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

export async function positionsOf(em: EntityManager, userId: string): Promise<UserPositionView[]> {
  return listPositionsOfUser(em, userId);
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
  const removed = await deletePositionsOfUsers(em, userIds);
  const secretaryUnits = wanted.filter((w) => w.position === 'bi_thu').map((w) => w.unitId);
  const holder = secretaryUnits.length ? await findSecretaryHolder(em, secretaryUnits) : undefined;
  if (holder) throw secondSecretary(holder);
  try {
    await insertUserPositions(em, wanted);
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

function secondSecretary(holder: SecretaryHolderRow) {
  return conflict(secondSecretaryMessage(holder.code, `${holder.full_name} (${holder.username})`), { unit: holder.code, holder: holder.username });
}

/** The unique index of one secretary per unit, broken by a change committed meanwhile. */
function isSecretaryRace(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.driverError?.code ?? e.code;
  const constraint = e.driverError?.constraint ?? e.constraint;
  return code === '23505' && constraint === 'user_positions_one_secretary';
}
