import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { effectiveReminders, findStage, planNotices, ReminderSettings } from '@app/domain';
import { AnyJob, JobName } from '@app/jobs';
import { Clock } from '../common/clock';
import { TransitionResult } from '../common/transition-result';
import { DelayedJob, JobQueue } from '../queue/job-queue';
import { WorkflowsService } from '../workflows/workflows.service';
import { loadSchedulingRows, loadTaskSettingsRows, pageOfOpenTasks, SchedulingRow, sentReminderNotices } from '@app/dal';

const BATCH = 5000;

/**
 * Turns open tasks into delayed reminder and escalation jobs. Everything is derived from
 * PostgreSQL (due date, settings, what was already sent), so scheduling the same task again, after
 * a reschedule or a Redis loss, adds only what is missing: job ids carry the task, the offset and
 * the due date, and each job carries the instant it must fire at.
 */
@Injectable()
export class ReminderScheduler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly workflows: WorkflowsService,
    private readonly clock: Clock,
  ) {}

  /** After a transition commits: schedules its new tasks, answers its outcome. */
  async scheduleAfter(result: TransitionResult): Promise<string> {
    await this.schedule(result.createdTaskIds);
    return result.outcome;
  }

  async schedule(taskIds: readonly string[]): Promise<number> {
    let jobs = 0;
    for (let start = 0; start < taskIds.length; start += BATCH) {
      const planned = await this.jobsFor(await loadSchedulingRows(this.db.manager, taskIds.slice(start, start + BATCH)));
      await this.queue.enqueue(...planned);
      jobs += planned.length;
    }
    return jobs;
  }

  /**
   * How many reminders and escalations these tasks would be given, their due dates read through
   * `em`: a preview counts those of due dates it has changed without committing them.
   */
  async countPlanned(em: EntityManager, taskIds: readonly string[]): Promise<number> {
    let jobs = 0;
    for (let start = 0; start < taskIds.length; start += BATCH) {
      jobs += (await this.jobsFor(await loadSchedulingRows(em, taskIds.slice(start, start + BATCH)))).length;
    }
    return jobs;
  }

  /**
   * Removes the queued reminders and escalation of due dates that changed, as they were planned:
   * with the stage's own reminder settings when it has some, so none is left behind to fire.
   * A job missed here still does nothing when it runs (it finds the due date changed).
   */
  async unschedule(moved: readonly { taskId: string; oldDueAt: Date | null }[]): Promise<void> {
    const old = moved.filter((t): t is { taskId: string; oldDueAt: Date } => t.oldDueAt !== null);
    for (let start = 0; start < old.length; start += BATCH) {
      const chunk = old.slice(start, start + BATCH);
      const rows = new Map(
        (
          await loadTaskSettingsRows(
            this.db.manager,
            chunk.map((t) => t.taskId),
          )
        ).map((row) => [row.taskId, row]),
      );
      const stale: AnyJob[] = [];
      for (const { taskId, oldDueAt } of chunk) {
        const row = rows.get(taskId);
        if (!row) continue;
        const dueAt = oldDueAt.toISOString();
        const { before } = await this.settingsOf(row);
        stale.push(...[...new Set(before)].map((offset) => ({ name: JobName.FireReminder, data: { taskId, offset, dueAt } }) as const));
        stale.push({ name: JobName.FireEscalation, data: { taskId, dueAt } });
      }
      await this.queue.removeIfPresent(...stale);
    }
  }

  /**
   * Every open task with a due date, in pages: run on worker start and every few minutes. Only the
   * jobs Redis lacks are added, so a pass over a hundred thousand tasks with nothing lost costs
   * one read of PostgreSQL and pipelined existence checks.
   */
  async reconcile(): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let added = 0;
    for (;;) {
      const page = await pageOfOpenTasks(this.db.manager, after, BATCH);
      if (page.length === 0) return added;
      const lost = await this.queue.missing(await this.jobsFor(page));
      await this.queue.enqueue(...lost);
      added += lost.length;
      after = page[page.length - 1].taskId;
    }
  }

  private async jobsFor(tasks: SchedulingRow[]): Promise<DelayedJob[]> {
    if (tasks.length === 0) return [];
    const sent = await this.sentNotices(tasks.map((t) => t.taskId));
    const now = this.clock.now();
    const jobs: DelayedJob[] = [];
    for (const task of tasks) {
      const settings = await this.settingsOf(task);
      const dueAt = new Date(task.dueAt);
      const due = dueAt.toISOString();
      for (const notice of planNotices(dueAt, settings, now, sent.get(task.taskId) ?? new Set())) {
        jobs.push(
          notice.kind === 'reminder'
            ? { name: JobName.FireReminder, data: { taskId: task.taskId, offset: notice.offset, dueAt: due }, fireAt: notice.fireAt }
            : { name: JobName.FireEscalation, data: { taskId: task.taskId, dueAt: due }, fireAt: notice.fireAt },
        );
      }
    }
    return jobs;
  }

  /** A stage's own reminder settings override the plan's. */
  private async settingsOf(task: Pick<SchedulingRow, 'stage' | 'reminders' | 'workflowKey' | 'workflowVersion'>): Promise<ReminderSettings> {
    const workflow = await this.workflows.get(task.workflowKey, task.workflowVersion);
    return effectiveReminders(findStage(workflow, task.stage), task.reminders);
  }

  /**
   * Offsets already delivered per task, read from the idempotency keys; `escalation` once the
   * task's report stage (any of its open tasks) has been escalated, since escalations go out once
   * per report, stage and round.
   */
  private async sentNotices(taskIds: string[]): Promise<Map<string, Set<string>>> {
    const rows = await sentReminderNotices(this.db, taskIds);
    const sent = new Map<string, Set<string>>();
    for (const row of rows) {
      const offsets = sent.get(row.task_id) ?? new Set<string>();
      offsets.add(row.kind === 'escalation' ? 'escalation' : row.dedup_key.split(':')[2]);
      sent.set(row.task_id, offsets);
    }
    return sent;
  }
}
