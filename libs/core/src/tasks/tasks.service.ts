import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { appendAuditEvents, appendOutbox, inTransaction, TaskEntity } from '@app/dal';
import { assertCanComplete, assertCanDelegate, conflict, forbidden, notFound, refused, TaskState } from '@app/domain';
import { JobName } from '@app/jobs';
import { Actor } from '../common/actor';
import { OutboxRelay } from '../queue/outbox-relay.service';
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
    private readonly outbox: OutboxRelay,
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
    const job = { name: JobName.ApplyDecision, data: { taskId: id } } as const;
    const task = await inTransaction(this.db, async (em) => {
      const task = await this.lockOwnTask(em, id, actor);
      assertCanComplete({ taskState: task.state, stageKind: task.kind, decision, comment });
      if (task.reportId === null && task.kind === 'consolidation') await this.assertRootCollected(em, task.planId);
      await em.query(
        `UPDATE tasks SET state = 'completed', decision = $2, comment = $3, completed_at = now(), updated_at = now(), version = version + 1 WHERE id = $1`,
        [id, decision, comment?.trim() || null],
      );
      await appendAuditEvents(em, [{
        actorId: actor.id, actor: actor.username, action: decision, planId: task.planId, reportId: task.reportId, taskId: id,
        fromStage: task.stage, comment: comment?.trim() || null,
      }]);
      return { ...task, outbox: await appendOutbox(em, [job]) };
    });
    await this.outbox.relaySoon(task.outbox, [job]);
    return { id, reportId: task.reportId, stage: task.stage, state: 'completed', decision };
  }

  /** Hands an open task to another holder of the same role at the same unit. */
  async delegate(id: string, actor: Actor, username: string) {
    await inTransaction(this.db, async (em) => {
      const task = await this.lockOwnTask(em, id, actor);
      const [target] = await em.query(`SELECT id FROM users WHERE username = $1`, [username]);
      const reason = target ? await this.whyCannotTake(em, task, target.id) : 'does not exist';
      assertCanDelegate(task.state, true, target?.id === task.assigneeId);
      if (reason) throw refused(`${username} ${reason}`);
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

  /**
   * Moves every open task of one person to another holder of the same role at the same unit (a
   * person left or fell ill). Tasks the other cannot take are listed, not moved.
   */
  async reassign(fromUsername: string, toUsername: string, actor: Actor) {
    const moved = await inTransaction(this.db, async (em) => {
      const users: { id: string; username: string }[] = await em.query(`SELECT id, username FROM users WHERE username = ANY($1)`, [[fromUsername, toUsername]]);
      const from = users.find((u) => u.username === fromUsername);
      const to = users.find((u) => u.username === toUsername);
      if (!from) throw notFound('User', fromUsername);
      if (!to) throw refused(`No user ${toUsername} to take the tasks`);
      if (from.id === to.id) throw refused('A person cannot take over their own tasks');
      const open: TaskEntity[] = await em.getRepository(TaskEntity).find({ where: { assigneeId: from.id, state: 'open' }, lock: { mode: 'for_no_key_update' } });
      const result = { moved: [] as string[], notMoved: [] as { taskId: string; reason: string }[] };
      for (const task of open) {
        const reason = await this.whyCannotTake(em, task, to.id);
        if (reason) {
          result.notMoved.push({ taskId: task.id, reason });
          continue;
        }
        await em.query(`UPDATE tasks SET assignee_id = $2, delegated_from = $3, updated_at = now(), version = version + 1 WHERE id = $1`, [task.id, to.id, from.id]);
        result.moved.push(task.id);
      }
      await appendAuditEvents(em, [
        { actorId: actor.id, actor: actor.username, action: 'task.reassign', data: { from: fromUsername, to: toUsername, moved: result.moved.length, notMoved: result.notMoved.length } },
        ...open.filter((t) => result.moved.includes(t.id)).map((t) => ({
          actorId: actor.id, actor: actor.username, action: 'delegate', planId: t.planId, reportId: t.reportId, taskId: t.id, fromStage: t.stage,
          comment: `Chuyển từ ${fromUsername} sang ${toUsername}`, data: { from: from.id, to: to.id, reassigned: true },
        })),
      ]);
      return result;
    });
    return { from: fromUsername, to: toUsername, moved: moved.moved.length, movedTaskIds: moved.moved, notMoved: moved.notMoved };
  }

  /**
   * Only another holder of the task's role at its unit may take it; if they hold a task of the same
   * stage already, they act for both (a proxy), which is what delegating within a committee means.
   */
  private async whyCannotTake(em: EntityManager, task: TaskEntity, userId: string): Promise<string | null> {
    return (await this.access.holdsRole(userId, task.scopeUnitId, task.role, em)) ? null : `does not hold the role ${task.role} for the task's unit`;
  }

  /**
   * The working group consolidates a complete collection: every report approved, or the cut-off
   * passed with the missing listed. Its task opens only then; this guards against any other path.
   */
  private async assertRootCollected(em: EntityManager, planId: string): Promise<void> {
    const [root]: { status: string; cut_off_at: Date | null; code: string }[] = await em.query(
      `SELECT c.status, c.cut_off_at, u.code FROM plans p JOIN consolidations c ON c.plan_id = p.id AND c.unit_id = p.root_unit_id
         JOIN org_units u ON u.id = c.unit_id WHERE p.id = $1`,
      [planId],
    );
    if (root && root.status !== 'collecting') return;
    throw conflict(
      `The collection of ${root?.code ?? 'the root'} is not complete: the working group consolidates once every report is approved or the cut-off has passed`,
      { cutOffAt: root?.cut_off_at ?? null },
    );
  }

  private async lockOwnTask(em: EntityManager, id: string, actor: Actor): Promise<TaskEntity> {
    const task = await em.getRepository(TaskEntity).findOne({ where: { id }, lock: { mode: 'for_no_key_update' } });
    if (!task) throw notFound('Task', id);
    if (task.assigneeId !== actor.id) throw forbidden('This task belongs to someone else');
    return task;
  }
}

