import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { inTransaction } from '@app/dal';
import { digestText, findStage } from '@app/domain';
import { JobName, QueueName } from '@app/jobs';
import { Clock } from '../common/clock';
import { emailInOutbox } from '../notifications/email-outbox';
import { insertNotifications, NewNotification } from '../notifications/new-notification';
import { JobQueue } from '../queue/job-queue';
import { OutboxRelay } from '../queue/outbox-relay.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { DIGEST_TIME_ZONE, digestRunDueToday, vietnamDay } from './digest-schedule';

interface OpenTaskLine {
  user_id: string;
  full_name: string;
  plan_code: string;
  workflow_key: string;
  workflow_version: number;
  stage: string;
  unit_name: string;
  due_at: Date | null;
}

export interface DigestResult {
  day: string;
  people: number;
  created: number;
}

/** The 07:30 digest: one e-mail per person with open tasks, listing them by due date; once a day. */
@Injectable()
export class DigestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: WorkflowsService,
    private readonly queue: JobQueue,
    private readonly outbox: OutboxRelay,
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
    const lines: OpenTaskLine[] = await this.db.query(
      `WITH due AS (
         SELECT DISTINCT assignee_id FROM tasks WHERE state = 'open' AND ($2::timestamptz IS NULL OR created_at <= $2)
       ), unsent AS (
         SELECT assignee_id FROM due WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedup_key = 'digest:' || due.assignee_id || ':' || $1)
       )
       SELECT t.assignee_id AS user_id, a.full_name, p.code AS plan_code, p.workflow_key, COALESCE(r.workflow_version, p.workflow_version) AS workflow_version,
              t.stage, u.name AS unit_name, t.due_at
         FROM tasks t JOIN unsent ON unsent.assignee_id = t.assignee_id
         JOIN users a ON a.id = t.assignee_id JOIN plans p ON p.id = t.plan_id JOIN org_units u ON u.id = t.unit_id
         LEFT JOIN reports r ON r.id = t.report_id
        WHERE t.state = 'open'
        ORDER BY t.assignee_id, t.due_at NULLS LAST`,
      [localDay, openedBy ?? null],
    );
    const byUser = new Map<string, OpenTaskLine[]>();
    for (const line of lines) byUser.set(line.user_id, [...(byUser.get(line.user_id) ?? []), line]);
    const notices: NewNotification[] = [];
    for (const [userId, mine] of byUser) {
      const items = await Promise.all(mine.map(async (l) => ({
        planCode: l.plan_code, unitName: l.unit_name, dueAt: l.due_at ? new Date(l.due_at) : null, overdue: !!l.due_at && new Date(l.due_at) < now,
        stageName: findStage(await this.workflows.get(l.workflow_key, l.workflow_version), l.stage)?.name ?? l.stage,
      })));
      notices.push({ userId, kind: 'digest', ...digestText(mine[0].full_name, items, localDay.split('-').reverse().join('/')), dedupKey: `digest:${userId}:${localDay}` });
    }
    const { created, outbox } = await inTransaction(this.db, async (em) => {
      const created = await insertNotifications(em, notices);
      return { created, outbox: await emailInOutbox(em, created) };
    });
    await this.outbox.relaySoon(outbox);
    return { day: localDay, people: byUser.size, created: created.length };
  }
}
