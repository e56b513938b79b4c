import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { appendAuditEvents, inTransaction } from '@app/dal';
import { escalationText, findStage, reminderText, TaskContext } from '@app/domain';
import { MicroBatcher } from '../common/micro-batcher';
import { insertNotifications, NewNotification } from '../notifications/new-notification';
import { emailInOutbox } from '../notifications/email-outbox';
import { OutboxRelay } from '../queue/outbox-relay.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { loadTaskContexts, OpenTaskContext } from './open-task-context';

interface DueReminder {
  taskId: string;
  offset: string;
  dueAt: string;
}

/**
 * Fires a reminder or an escalation when its time comes, after checking in PostgreSQL that the
 * task is still open and its due date unchanged. The notice's idempotency key makes a second run of
 * the same job a no-op; its e-mail is queued once the notice is committed. Reminders due together
 * (thousands a minute near a deadline) share one transaction through a micro-batcher.
 */
@Injectable()
export class ReminderFirer {
  private readonly reminders = new MicroBatcher<DueReminder, string>((batch) => this.fireReminders(batch));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: WorkflowsService,
    private readonly outbox: OutboxRelay,
  ) {}

  fireReminder(taskId: string, offset: string, dueAt: string): Promise<string> {
    return this.reminders.submit({ taskId, offset, dueAt });
  }

  /** Tells the reviewers of the unit's parent (the root's consolidators when that is the root), once. */
  async fireEscalation(taskId: string, dueAt: string): Promise<string> {
    const { status, outbox } = await inTransaction(this.db, async (em) => {
      const [task] = await loadTaskContexts(em, [taskId]);
      const problem = staleness(task, dueAt);
      if (problem) return { status: problem, outbox: [] as string[] };
      const text = escalationText(await this.contextOf(em, task), [task.assigneeName]);
      const recipients = await this.escalationRecipients(em, task);
      const created = await insertNotifications(em, recipients.map((userId) => ({
        userId, kind: 'escalation' as const, ...text, planId: task.planId, reportId: task.reportId, taskId, dedupKey: `escalation:${taskId}:${userId}`,
      })));
      if (created.length) {
        await appendAuditEvents(em, [{
          actorId: null, actor: 'system', action: 'escalate', planId: task.planId, reportId: task.reportId, taskId, fromStage: task.stage,
          comment: text.body, data: { recipients },
        }]);
      }
      return { status: created.length ? 'notified' : 'already-sent', outbox: await emailInOutbox(em, created) };
    });
    await this.outbox.relaySoon(outbox);
    return status;
  }

  private async fireReminders(batch: DueReminder[]): Promise<string[]> {
    const { statuses, created, outbox } = await inTransaction(this.db, async (em) => {
      const tasks = new Map((await loadTaskContexts(em, batch.map((r) => r.taskId))).map((t) => [t.taskId, t]));
      const statuses = batch.map((r) => staleness(tasks.get(r.taskId), r.dueAt));
      const notices: NewNotification[] = [];
      for (const [i, reminder] of batch.entries()) {
        if (statuses[i]) continue;
        const task = tasks.get(reminder.taskId)!;
        notices.push({
          userId: task.assigneeId, kind: 'reminder', ...reminderText(await this.contextOf(em, task), reminder.offset),
          planId: task.planId, reportId: task.reportId, taskId: task.taskId, dedupKey: `reminder:${task.taskId}:${reminder.offset}`,
        });
      }
      const created = await insertNotifications(em, notices);
      return { statuses, created, outbox: await emailInOutbox(em, created) };
    });
    await this.outbox.relaySoon(outbox);
    const createdKeys = new Set(created.map((c) => c.dedupKey));
    return batch.map((r, i) => statuses[i] ?? (createdKeys.has(`reminder:${r.taskId}:${r.offset}`) ? 'notified' : 'already-sent'));
  }

  private async contextOf(em: EntityManager, task: OpenTaskContext): Promise<TaskContext> {
    const workflow = await this.workflows.get(task.workflowKey, task.workflowVersion, em);
    return { planCode: task.planCode, unitName: task.unitName, stageName: findStage(workflow, task.stage)?.name ?? task.stage, dueAt: new Date(task.dueAt!) };
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

/** Why a notice planned for `dueAt` no longer applies, or null when it does. */
function staleness(task: OpenTaskContext | undefined, dueAt: string): string | null {
  if (!task || task.state !== 'open') return 'task-closed';
  if (!task.dueAt || new Date(task.dueAt).getTime() !== Date.parse(dueAt)) return 'due-date-changed';
  return null;
}
