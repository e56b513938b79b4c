import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PlanEntity, planRootUnitKind, readReportStageEnteredAt, retimeOpenRoundTasks, setReportDueDate } from '@app/dal';
import { effectiveReminders, ReminderSettings, remindersDiffer, StageDefinition, stageDueAt, UnitKind } from '@app/domain';
import { AnyJob, JobName } from '@app/jobs';
import { JobQueue } from '../queue/job-queue';
import { ReminderScheduler } from '../reminders/reminder-scheduler.service';

/** An open task whose due date or reminder settings a migration changed: its old jobs go, new ones come. */
export interface RetimedTask {
  taskId: string;
  oldDueAt: Date | null;
  oldReminders: ReminderSettings;
}

/** A report that keeps its stage (and tasks) across a migration. */
export interface StayingReport {
  id: string;
  kind: UnitKind;
  stage: string;
  round: number;
}

/**
 * Due dates and reminders of the tasks a migration keeps. A report staying at its stage keeps its
 * tasks and votes, but the new version may give that stage another `dueAfter` or other reminders:
 * its due date is computed again from when it entered the stage, and the reminder jobs of the old
 * due date and settings are replaced once the transaction has committed.
 */
@Injectable()
export class MigratedTaskTiming {
  constructor(
    private readonly queue: JobQueue,
    private readonly reminders: ReminderScheduler,
  ) {}

  /** In the report's migration transaction: the new due date on the report and its open tasks. */
  async retimeReport(
    em: EntityManager,
    plan: PlanEntity,
    report: StayingReport,
    previous: StageDefinition | undefined,
    next: StageDefinition,
  ): Promise<RetimedTask[]> {
    const stageEnteredAt = await readReportStageEnteredAt(em, report.id);
    const dueAt = stageDueAt(plan.deadlines, next, { kind: report.kind, rootKind: await this.rootKind(em, plan) }, new Date(stageEnteredAt));
    await setReportDueDate(em, report.id, dueAt);
    return this.retimeTasks(em, { reportId: report.id, planId: plan.id, stage: report.stage, round: report.round }, dueAt, plan.reminders, previous, next);
  }

  /**
   * Sets `dueAt` on the open tasks of one round of a stage (report or plan level) and answers those
   * whose notices must be planned again: their due date moved, or the stage's reminders changed.
   */
  async retimeTasks(
    em: EntityManager,
    round: { planId: string; reportId: string | null; stage: string; round: number },
    dueAt: Date | null,
    planReminders: ReminderSettings,
    previous: StageDefinition | undefined,
    next: StageDefinition,
  ): Promise<RetimedTask[]> {
    const oldReminders = effectiveReminders(previous, planReminders);
    const remindersChanged = remindersDiffer(oldReminders, effectiveReminders(next, planReminders));
    const rows = await retimeOpenRoundTasks(em, round, dueAt);
    return rows.filter((r) => r.moved || remindersChanged).map((r) => ({ taskId: r.id, oldDueAt: r.old_due_at ? new Date(r.old_due_at) : null, oldReminders }));
  }

  /**
   * Once committed: removes the jobs planned for the old due date and settings, and plans the
   * task's notices again (the scheduler skips what was already sent). With Redis away, the due dates
   * are committed and the reminder reconciler adds what is missing.
   */
  async rescheduleAfterCommit(tasks: readonly RetimedTask[]): Promise<void> {
    if (tasks.length === 0) return;
    const stale: AnyJob[] = tasks.flatMap((t) => {
      if (!t.oldDueAt) return [];
      const dueAt = t.oldDueAt.toISOString();
      return [
        ...t.oldReminders.before.map((offset) => ({ name: JobName.FireReminder, data: { taskId: t.taskId, offset, dueAt } }) as const),
        { name: JobName.FireEscalation, data: { taskId: t.taskId, dueAt } } as const,
      ];
    });
    await this.queue.removeIfPresent(...stale);
    await this.reminders.schedule(tasks.map((t) => t.taskId)).catch(() => 0);
  }

  async rootKind(em: EntityManager, plan: PlanEntity): Promise<UnitKind> {
    return planRootUnitKind(em, plan.rootUnitId);
  }
}
