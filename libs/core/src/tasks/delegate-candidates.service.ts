import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { foldForSearch, forbidden, notFound, Position, POSITION_LABELS, Role, SQL_SEARCH_FOLD } from '@app/domain';
import { AccessService } from '../org/access.service';

/** People shown per search: a picker lists a few, the holder types more to narrow them. */
export const DELEGATE_CANDIDATES_MAX = 20;

export interface DelegateCandidate {
  username: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  position: Position | null;
  positionTitle: string | null;
}

interface RoundOfTask {
  planId: string;
  reportId: string | null;
  stage: string;
  round: number;
  role: Role;
  scopeUnitId: string;
  assigneeId: string;
}

/**
 * Whom a task's holder may hand it to, for a people picker: the other active holders of the task's
 * role at its unit who hold and have decided no task of its round (one voice per person). Names
 * are searched without diacritics. The holder sees only colleagues of their own unit and role,
 * whom the delegation would accept anyway.
 */
@Injectable()
export class DelegateCandidates {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async of(taskId: string, userId: string, search = ''): Promise<DelegateCandidate[]> {
    const [task]: RoundOfTask[] = await this.db.query(
      `SELECT plan_id AS "planId", report_id AS "reportId", stage, round, role, scope_unit_id AS "scopeUnitId", assignee_id AS "assigneeId" FROM tasks WHERE id = $1`,
      [taskId],
    );
    if (!task) throw notFound('Task', taskId);
    if (task.assigneeId !== userId && !(await this.access.isAdmin(userId))) throw forbidden('This task belongs to someone else');
    const words = foldForSearch(search).split(' ').filter(Boolean);
    const rows: Omit<DelegateCandidate, 'positionTitle'>[] = await this.db.query(
      `SELECT u.username, u.full_name AS "fullName", o.code AS "unitCode", o.name AS "unitName", p.position
         FROM role_assignments r JOIN users u ON u.id = r.user_id JOIN org_units o ON o.id = r.unit_id
         LEFT JOIN user_positions p ON p.user_id = u.id AND p.unit_id = r.unit_id
        WHERE r.unit_id = $1 AND r.role = $2 AND u.active AND u.id <> $3
          AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.plan_id = $4 AND t.report_id IS NOT DISTINCT FROM $5 AND t.stage = $6 AND t.round = $7
                             AND t.assignee_id = u.id AND t.state <> 'cancelled')
          AND NOT EXISTS (SELECT 1 FROM unnest($8::text[]) w WHERE position(w IN lower(translate(u.full_name || ' ' || u.username, $9, $10))) = 0)
        ORDER BY u.full_name, u.username LIMIT ${DELEGATE_CANDIDATES_MAX}`,
      [task.scopeUnitId, task.role, task.assigneeId, task.planId, task.reportId, task.stage, task.round, words, SQL_SEARCH_FOLD.from, SQL_SEARCH_FOLD.to],
    );
    return rows.map((row) => ({ ...row, positionTitle: row.position ? POSITION_LABELS[row.position] : null }));
  }
}
