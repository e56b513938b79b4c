import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { appendAuditEvents, inTransaction } from '@app/dal';
import { escalationText, findStage, reminderText, TaskContext } from '@app/domain';
import { JobName } from '@app/jobs';
import { JobQueue } from '../queue/job-queue';
import { insertNotifications } from '../notifications/new-notification';
import { WorkflowsService } from '../workflows/workflows.service';
import { loadTaskContexts, OpenTaskContext } from './open-task-context';

/**
 * Fires a reminder or an escalation when its time comes, after checking in PostgreSQL that the
 * task is still open and its due date unchanged. The notice's idempotency key makes a second run of
 * the same job a no-op; its e-mail is queued once the notice is committed.
 */
@Injectable()
export class ReminderFirer {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: WorkflowsService,
    private readonly queue: JobQueue,
  ) {}

  async fireReminder(taskId: string, offset: string, dueAt: string): Promise<string> {
    return this.fire(taskId, dueAt, async (em, task, context) => {
      const text = reminderText(context, offset);
      return insertNotifications(em, [{
        userId: task.assigneeId, kind: 'reminder', ...text, planId: task.planId, reportId: task.reportId, taskId,
        dedupKey: `reminder:${taskId}:${offset}`,
      }]);
    });
  }

  /** Tells the reviewers of the unit's parent (the root's consolidators when that is the root), once. */
  async fireEscalation(taskId: string, dueAt: string): Promise<string> {
    return this.fire(taskId, dueAt, async (em, task, context) => {
      const recipients = await this.escalationRecipients(em, task);
      const text = escalationText(context, [task.assigneeName]);
      const created = await insertNotifications(em, recipients.map((userId) => ({
        userId, kind: 'escalation' as const, ...text, planId: task.planId, reportId: task.reportId, taskId, dedupKey: `escalation:${taskId}:${userId}`,
      })));
      if (created.length) {
        await appendAuditEvents(em, [{
          actorId: null, actor: 'system', action: 'escalate', planId: task.planId, reportId: task.reportId, taskId, fromStage: task.stage,
          comment: text.body, data: { recipients },
        }]);
      }
      return created;
    });
  }

  private async fire(
    taskId: string,
    dueAt: string,
    notify: (em: EntityManager, task: OpenTaskContext, context: TaskContext) => Promise<string[]>,
  ): Promise<string> {
    const outcome = await inTransaction(this.db, async (em) => {
      const [task] = await loadTaskContexts(em, [taskId]);
      if (!task || task.state !== 'open') return { status: 'task-closed', created: [] as string[] };
      if (!task.dueAt || new Date(task.dueAt).getTime() !== Date.parse(dueAt)) return { status: 'due-date-changed', created: [] };
      const workflow = await this.workflows.get(task.workflowKey, task.workflowVersion, em);
      const context = { planCode: task.planCode, unitName: task.unitName, stageName: findStage(workflow, task.stage)?.name ?? task.stage, dueAt: new Date(task.dueAt) };
      const created = await notify(em, task, context);
      return { status: created.length ? 'notified' : 'already-sent', created };
    });
    await this.queue.enqueueRecorded(...outcome.created.map((notificationId) => ({ name: JobName.SendEmail, data: { notificationId } }) as const));
    return outcome.status;
  }

  private async escalationRecipients(em: EntityManager, task: OpenTaskContext): Promise<string[]> {
    const atRoot = task.parentId === null || task.parentId === task.rootUnitId;
    const rows: { user_id: string }[] = atRoot
      ? []
      : await em.query(`SELECT user_id FROM role_assignments WHERE unit_id = $1 AND role = 'reviewer' ORDER BY user_id`, [task.parentId]);
    if (rows.length) return rows.map((r) => r.user_id);
    // At the root, or with no reviewer above: the root's working group hears of it.
    const consolidators: { user_id: string }[] = await em.query(
      `SELECT user_id FROM role_assignments WHERE unit_id = $1 AND role = 'consolidator' ORDER BY user_id`,
      [task.rootUnitId],
    );
    return consolidators.map((r) => r.user_id);
  }
}
