import { Position, SQL_SEARCH_FOLD } from '@app/domain';
import { Queryable } from '../queryable';
import type { TaskRoundRow } from '../tasks/stage-votes';

/** A person a task could be handed to, with the position they hold at the task's unit. */
export interface DelegateCandidateRow {
  username: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  position: Position | null;
}

/**
 * The other active holders of the round's role at its unit who hold and have decided no task of
 * the round (one voice per person), whose name or username contains every word searched (words
 * folded by foldForSearch; the names are folded alike in SQL).
 */
export async function listDelegateCandidates(db: Queryable, round: TaskRoundRow, words: readonly string[], limit: number): Promise<DelegateCandidateRow[]> {
  return db.query(
    `SELECT u.username, u.full_name AS "fullName", o.code AS "unitCode", o.name AS "unitName", p.position
         FROM role_assignments r JOIN users u ON u.id = r.user_id JOIN org_units o ON o.id = r.unit_id
         LEFT JOIN user_positions p ON p.user_id = u.id AND p.unit_id = r.unit_id
        WHERE r.unit_id = $1 AND r.role = $2 AND u.active AND u.id <> $3
          AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.plan_id = $4 AND t.report_id IS NOT DISTINCT FROM $5 AND t.stage = $6 AND t.round = $7
                             AND t.assignee_id = u.id AND t.state <> 'cancelled')
          AND NOT EXISTS (SELECT 1 FROM unnest($8::text[]) w WHERE position(w IN lower(translate(u.full_name || ' ' || u.username, $9, $10))) = 0)
        ORDER BY u.full_name, u.username LIMIT ${limit}`,
    [round.scopeUnitId, round.role, round.assigneeId, round.planId, round.reportId, round.stage, round.round, words, SQL_SEARCH_FOLD.from, SQL_SEARCH_FOLD.to],
  );
}

/** The id of the person a task is handed to by username; undefined for an unknown username. */
export async function findUserIdByUsername(db: Queryable, username: string): Promise<{ id: string } | undefined> {
  const [target]: { id: string }[] = await db.query(`SELECT id FROM users WHERE username = $1`, [username]);
  return target;
}
