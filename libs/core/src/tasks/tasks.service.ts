import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { appendAuditEvents, inTransaction, TaskEntity } from '@app/dal';
import { assertCanComplete, assertCanDelegate, forbidden, notFound, refused, TaskState } from '@app/domain';
import { JobName } from '@app/jobs';
import { Actor } from '../common/actor';
import { JobQueue } from '../queue/job-queue';
import { AccessService } from '../org/access.service';

const TASK_SELECT = `
  SELECT t.id, t.plan_id AS "planId", t.report_id AS "reportId", u.code AS "unitCode", u.name AS "unitName", t.stage, t.kind,
         t.role, t.state, t.decision, t.comment, t.due_at AS "dueAt", t.created_at AS "createdAt", t.completed_at AS "completedAt",
         t.assignee_id AS "assigneeId", a.username AS "assignee", t.round
    FROM tasks t JOIN org_units u ON u.id = t.unit_id JOIN users a ON a.id = t.assignee_id`;

/** The reviewer's inbox: one person's turn on one report in one stage (Camunda-like semantics). */
@Injectable()
export class TasksService {

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly access: AccessService,
  ) {}

  async listMine(userId: string, state: TaskState) {
    return this.db.query(`${TASK_SELECT} WHERE t.assignee_id = $1 AND t.state = $2 ORDER BY t.due_at NULLS LAST, t.created_at LIMIT 5000`, [userId, state]);
  }

  async get(id: string, userId: string) {
    const [task] = await this.db.query(`${TASK_SELECT} WHERE t.id = $1`, [id]);
    if (!task) throw notFound('Task', id);
    if (task.assigneeId !== userId && !(await this.access.isAdmin(userId))) throw forbidden('This task belongs to someone else');
    return task;
  }

  /** Records the decision on the task and queues it: 202, the worker moves the report. */
  async complete(id: string, actor: Actor, decision: 'approve' | 'return', comment?: string) {
    const task = await inTransaction(this.db, async (em) => {
      const task = await this.lockOwnTask(em, id, actor);
      assertCanComplete({ taskState: task.state, stageKind: task.kind, decision, comment });
      await em.query(
        `UPDATE tasks SET state = 'completed', decision = $2, comment = $3, completed_at = now(), updated_at = now(), version = version + 1 WHERE id = $1`,
        [id, decision, comment?.trim() || null],
      );
      await appendAuditEvents(em, [{
        actorId: actor.id, actor: actor.username, action: decision, planId: task.planId, reportId: task.reportId, taskId: id,
        fromStage: task.stage, comment: comment?.trim() || null,
      }]);
      return task;
    });
    await this.queue.enqueueRecorded({ name: JobName.ApplyDecision, data: { taskId: id } });
    return { id, reportId: task.reportId, stage: task.stage, state: 'completed', decision };
  }

  /** Hands an open task to another holder of the same role at the same unit. */
  async delegate(id: string, actor: Actor, username: string) {
    await inTransaction(this.db, async (em) => {
      const task = await this.lockOwnTask(em, id, actor);
      const [target] = await em.query(`SELECT id FROM users WHERE username = $1`, [username]);
      const holds = target ? await this.access.holdsRole(target.id, task.scopeUnitId, task.role, em) : false;
      assertCanDelegate(task.state, holds, target?.id === task.assigneeId);
      const taken = await em.query(
        `SELECT 1 FROM tasks WHERE assignee_id = $1 AND stage = $2 AND round = $3 AND plan_id = $4 AND report_id IS NOT DISTINCT FROM $5`,
        [target.id, task.stage, task.round, task.planId, task.reportId],
      );
      // A person holding two tasks of one stage would vote twice.
      if (taken.length) throw refused(`${username} already holds a task in this stage`);
      await em.query(
        `UPDATE tasks SET assignee_id = $2, delegated_from = assignee_id, updated_at = now(), version = version + 1 WHERE id = $1`,
        [id, target.id],
      );
      await appendAuditEvents(em, [{
        actorId: actor.id, actor: actor.username, action: 'delegate', planId: task.planId, reportId: task.reportId, taskId: id,
        fromStage: task.stage, comment: `Chuyển cho ${username}`, data: { from: task.assigneeId, to: target.id },
      }]);
    });
    const [delegated] = await this.db.query(`${TASK_SELECT} WHERE t.id = $1`, [id]);
    return delegated;
  }

  private async lockOwnTask(em: EntityManager, id: string, actor: Actor): Promise<TaskEntity> {
    const task = await em.getRepository(TaskEntity).findOne({ where: { id }, lock: { mode: 'for_no_key_update' } });
    if (!task) throw notFound('Task', id);
    if (task.assigneeId !== actor.id) throw forbidden('This task belongs to someone else');
    return task;
  }
}

