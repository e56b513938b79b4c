import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { DigestTaskLine, inTransaction, listDigestTaskLines } from '@app/dal';
import { digestText, MY_TASKS_PATH, stageLabel } from '@app/domain';
import { JobName, QueueName } from '@app/jobs';
import { Clock } from '../common/clock';
import { notifyWithEmail } from '../notifications/email-outbox';
import { NewNotification } from '../notifications/new-notification';
import { JobQueue } from '../queue/job-queue';
import { WorkflowsService } from '../workflows/workflows.service';
import { DIGEST_TIME_ZONE, digestRunDueToday, vietnamDay } from './digest-schedule';

const DAY_MS = 86_400_000;

export interface DigestResult {
  day: string;
  people: number;
  created: number;
}

/**
 * The 07:30 digest: one e-mail per person with open tasks, listing them by due date; once a day.
 * Each task was told on its own when it was given (a new task's notice); the digest lists it again
 * as work still open, marking those given in the last day, and repeats no event (returns,
 * adoptions, delegations), so nothing is sent twice in a day but the list of what is open.
 */
@Injectable()
export class DigestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: WorkflowsService,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** The 07:30 schedule, kept in Redis: upserted by every worker at start and by the reconciler after a Redis loss. */
  async ensureSchedule(): Promise<void> {
    await this.queue
      .queue(QueueName.Reminders)
      .upsertJobScheduler('daily-digest', { pattern: this.config.DIGEST_CRON, tz: DIGEST_TIME_ZONE }, { name: JobName.DailyDigest, data: {} });
  }

  /**
   * Today's digest when its time has passed without it (no worker at 07:30, or Redis lost the
   * scheduler): run by the reconciler, it sends to each person who had an open task by then and
   * has no digest for today yet; the idempotency key makes later rounds send nothing. People whose
   * first task came after 07:30 are not sent a morning digest in the afternoon.
   */
  async catchUp(): Promise<DigestResult | null> {
    const run = digestRunDueToday(this.config.DIGEST_CRON, this.clock.now());
    return run ? this.send(vietnamDay(run), run) : null;
  }

  /** The digest of `day` (today by default) to each person with open tasks (opened by `openedBy`, if given) who has none for that day yet. */
  async send(day?: string, openedBy?: Date): Promise<DigestResult> {
    const now = this.clock.now();
    const localDay = day ?? vietnamDay(now);
    const lines = await listDigestTaskLines(this.db, localDay, openedBy ?? null);
    const byUser = new Map<string, DigestTaskLine[]>();
    for (const line of lines) byUser.set(line.user_id, [...(byUser.get(line.user_id) ?? []), line]);
    const notices: NewNotification[] = [];
    for (const [userId, mine] of byUser) {
      const items = await Promise.all(
        mine.map(async (l) => ({
          planCode: l.plan_code,
          unitName: l.unit_name,
          dueAt: l.due_at ? new Date(l.due_at) : null,
          overdue: !!l.due_at && new Date(l.due_at) < now,
          fresh: new Date(l.created_at).getTime() > now.getTime() - DAY_MS,
          stageName: stageLabel(l.stage, {
            stages: (await this.workflows.get(l.workflow_key, l.workflow_version)).stages,
            unit: { kind: l.unit_kind, name: l.unit_name },
            root: { kind: l.root_kind, name: l.root_name },
          }),
        })),
      );
      notices.push({
        userId,
        kind: 'digest',
        ...digestText(mine[0].full_name, items, localDay.split('-').reverse().join('/')),
        dedupKey: `digest:${userId}:${localDay}`,
        link: MY_TASKS_PATH,
      });
    }
    // The e-mails' jobs are relayed when the transaction commits (notifyWithEmail).
    const { created } = await inTransaction(this.db, (em) => notifyWithEmail(em, notices));
    return { day: localDay, people: byUser.size, created: created.length };
  }
}
