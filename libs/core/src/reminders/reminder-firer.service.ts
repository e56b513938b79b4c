import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { appendAuditEvents, inTransaction, loadTaskContexts, OpenTaskContext } from '@app/dal';
import {
  effectiveReminders,
  escalationText,
  findStage,
  planPath,
  reminderText,
  ReminderSettings,
  reportPath,
  stageLabel,
  supersedingOffset,
  TaskContext,
  taskPath,
} from '@app/domain';
import { Clock } from '../common/clock';
import { MicroBatcher } from '../common/micro-batcher';
import { NewNotification } from '../notifications/new-notification';
import { notifyWithEmail } from '../notifications/email-outbox';
import { WorkflowsService } from '../workflows/workflows.service';
import { escalationGroupKey, escalationRecipients, openHolderNames } from './escalation-group';

interface DueReminder {
  taskId: string;
  offset: string;
  dueAt: string;
}

/**
 * Fires a reminder or an escalation when its time comes, after checking in PostgreSQL that the
 * task is still open and its due date unchanged. The notice's idempotency key makes a second run of
 * the same job a no-op; the e-mail is recorded with the notice, in its transaction, so it happens
 * exactly as often as the notice does. A reminder's record is its notice row (who, which task, which
 * offset, when); an audit event per reminder doubled the writes and made 100,000 reminders due in a
 * minute fire late (bench: p99 0.65 s → 1.2-1.8 s), so only escalations add an audit event.
 * Reminders due together share one transaction through a micro-batcher.
 */
@Injectable()
export class ReminderFirer {
  private readonly reminders = new MicroBatcher<DueReminder, string>((batch) => this.fireReminders(batch));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: WorkflowsService,
    private readonly clock: Clock,
  ) {}

  fireReminder(taskId: string, offset: string, dueAt: string): Promise<string> {
    return this.reminders.submit({ taskId, offset, dueAt });
  }

  /**
   * Tells the reviewers of the unit's parent (the root's consolidators when that is the root) that
   * the task's report stage is late, naming everyone still holding it; once per report, stage and
   * round, whichever of its tasks' escalation jobs comes first.
   */
  async fireEscalation(taskId: string, dueAt: string): Promise<string> {
    // The e-mails' jobs are relayed when the transaction commits (notifyWithEmail).
    return inTransaction(this.db, async (em) => {
      const [task] = await loadTaskContexts(em, [taskId]);
      const problem = staleness(task, dueAt);
      if (problem) return problem;
      const text = escalationText(await this.contextOf(em, task), await openHolderNames(em, task));
      const recipients = await escalationRecipients(em, task);
      const group = escalationGroupKey(task);
      const { created } = await notifyWithEmail(
        em,
        recipients.map((userId) => ({
          userId,
          kind: 'escalation' as const,
          ...text,
          planId: task.planId,
          reportId: task.reportId,
          taskId,
          dedupKey: `escalation:${group}:${userId}`,
          link: task.reportId ? reportPath(task.reportId) : planPath(task.planId),
        })),
      );
      if (created.length) {
        await appendAuditEvents(em, [
          {
            actorId: null,
            actor: 'system',
            action: 'escalate',
            planId: task.planId,
            reportId: task.reportId,
            taskId,
            fromStage: task.stage,
            comment: text.body,
            data: { recipients, round: task.round },
          },
        ]);
      }
      return created.length ? 'notified' : 'already-sent';
    });
  }

  private async fireReminders(batch: DueReminder[]): Promise<string[]> {
    const now = this.clock.now();
    // The e-mails' jobs are relayed when the transaction commits (notifyWithEmail).
    const { statuses, created } = await inTransaction(this.db, async (em) => {
      const tasks = new Map(
        (
          await loadTaskContexts(
            em,
            batch.map((r) => r.taskId),
          )
        ).map((t) => [t.taskId, t]),
      );
      const statuses = batch.map((r) => staleness(tasks.get(r.taskId), r.dueAt));
      const notices: NewNotification[] = [];
      for (const [i, reminder] of batch.entries()) {
        if (statuses[i]) continue;
        const task = tasks.get(reminder.taskId)!;
        const context = await this.contextOf(em, task);
        const settings = await this.settingsOf(em, task);
        // A job left from settings since changed (a migration gave the stage other offsets, and the
        // worker died before removing it): the task's reminders are now the new settings' only.
        if (!settings.before.includes(reminder.offset)) {
          statuses[i] = 'not-planned';
          continue;
        }
        // A job kept through an outage must not say "7 days left" once the 2-day reminder is due: that one fires instead.
        if (supersedingOffset(context.dueAt, settings, reminder.offset, now)) {
          statuses[i] = 'superseded';
          continue;
        }
        const text = reminderText(context, reminder.offset, now);
        const dedupKey = `reminder:${task.taskId}:${reminder.offset}`;
        notices.push({
          userId: task.assigneeId,
          kind: 'reminder',
          ...text,
          planId: task.planId,
          reportId: task.reportId,
          taskId: task.taskId,
          dedupKey,
          link: taskPath(task),
        });
      }
      const { created } = await notifyWithEmail(em, notices);
      return { statuses, created };
    });
    const createdKeys = new Set(created.map((c) => c.dedupKey));
    return batch.map((r, i) => statuses[i] ?? (createdKeys.has(`reminder:${r.taskId}:${r.offset}`) ? 'notified' : 'already-sent'));
  }

  /** The stage as the task's level names it ("Đảng ủy thông qua" for a grassroots đảng bộ's adoption). */
  private async contextOf(em: EntityManager, task: OpenTaskContext): Promise<TaskContext> {
    const workflow = await this.workflows.get(task.workflowKey, task.workflowVersion, em);
    const stageName = stageLabel(task.stage, {
      stages: workflow.stages,
      unit: { kind: task.unitKind, name: task.unitName },
      root: { kind: task.rootKind, name: task.rootName },
    });
    return { planCode: task.planCode, unitName: task.unitName, stageName, dueAt: new Date(task.dueAt!) };
  }

  /** The settings the task's jobs were planned with (see ReminderScheduler): the stage's own, else the plan's. */
  private async settingsOf(em: EntityManager, task: OpenTaskContext): Promise<ReminderSettings> {
    return effectiveReminders(findStage(await this.workflows.get(task.workflowKey, task.workflowVersion, em), task.stage), task.reminders);
  }
}

/** Why a notice planned for `dueAt` no longer applies, or null when it does. */
function staleness(task: OpenTaskContext | undefined, dueAt: string): string | null {
  if (!task || task.state !== 'open') return 'task-closed';
  if (!task.dueAt || new Date(task.dueAt).getTime() !== Date.parse(dueAt)) return 'due-date-changed';
  return null;
}
