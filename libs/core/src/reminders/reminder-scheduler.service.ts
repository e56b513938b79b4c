import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findStage, planNotices, ReminderSettings } from '@app/domain';
import { JobName } from '@app/jobs';
import { Clock } from '../common/clock';
import { TransitionResult } from '../common/transition-result';
import { DelayedJob, JobQueue } from '../queue/job-queue';
import { WorkflowsService } from '../workflows/workflows.service';
import { loadTaskContexts, OpenTaskContext } from './open-task-context';

const BATCH = 5000;

/**
 * Turns open tasks into delayed reminder and escalation jobs. Everything is derived from
 * PostgreSQL (due date, settings, what was already sent), so scheduling the same task again, after
 * a reschedule or a Redis loss, adds only what is missing: job ids carry the task, the offset and
 * the due date.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

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
      const tasks = (await loadTaskContexts(this.db.manager, taskIds.slice(start, start + BATCH))).filter((t) => t.state === 'open' && t.dueAt);
      const planned = await this.jobsFor(tasks);
      await this.queue.enqueue(...planned);
      jobs += planned.length;
    }
    return jobs;
  }

  /** Every open task with a due date, in batches: run on worker start and every few minutes. */
  async reconcile(): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let total = 0;
    for (;;) {
      const rows: { id: string }[] = await this.db.query(
        `SELECT id FROM tasks WHERE state = 'open' AND due_at IS NOT NULL AND id > $1 ORDER BY id LIMIT $2`,
        [after, BATCH],
      );
      if (rows.length === 0) return total;
      total += await this.schedule(rows.map((r) => r.id));
      after = rows[rows.length - 1].id;
    }
  }

  private async jobsFor(tasks: OpenTaskContext[]): Promise<DelayedJob[]> {
    if (tasks.length === 0) return [];
    const sent = await this.sentNotices(tasks.map((t) => t.taskId));
    const now = this.clock.now();
    const jobs: DelayedJob[] = [];
    for (const task of tasks) {
      const settings = await this.settingsOf(task);
      const dueAt = new Date(task.dueAt!);
      for (const notice of planNotices(dueAt, settings, now, sent.get(task.taskId) ?? new Set())) {
        const delayMs = notice.fireAt.getTime() - now.getTime();
        const due = dueAt.toISOString();
        jobs.push(
          notice.kind === 'reminder'
            ? { name: JobName.FireReminder, data: { taskId: task.taskId, offset: notice.offset, dueAt: due }, delayMs }
            : { name: JobName.FireEscalation, data: { taskId: task.taskId, dueAt: due }, delayMs },
        );
      }
    }
    return jobs;
  }

  /** A stage's own reminder settings override the plan's. */
  private async settingsOf(task: OpenTaskContext): Promise<ReminderSettings> {
    const workflow = await this.workflows.get(task.workflowKey, task.workflowVersion);
    return findStage(workflow, task.stage)?.reminders ?? task.reminders;
  }

  /** Offsets already delivered per task (`escalation` for the escalation), read from the idempotency keys. */
  private async sentNotices(taskIds: string[]): Promise<Map<string, Set<string>>> {
    const rows: { task_id: string; kind: string; dedup_key: string }[] = await this.db.query(
      `SELECT task_id, kind, dedup_key FROM notifications WHERE task_id = ANY($1::uuid[]) AND kind IN ('reminder', 'escalation')`,
      [taskIds],
    );
    const sent = new Map<string, Set<string>>();
    for (const row of rows) {
      const offsets = sent.get(row.task_id) ?? new Set<string>();
      offsets.add(row.kind === 'escalation' ? 'escalation' : row.dedup_key.split(':')[2]);
      sent.set(row.task_id, offsets);
    }
    return sent;
  }
}
