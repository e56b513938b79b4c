import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { inTransaction } from '@app/dal';
import { digestText, findStage, toVietnamIso } from '@app/domain';
import { JobName, QueueName } from '@app/jobs';
import { Clock } from '../common/clock';
import { emailInOutbox } from '../notifications/email-outbox';
import { insertNotifications, NewNotification } from '../notifications/new-notification';
import { JobQueue } from '../queue/job-queue';
import { OutboxRelay } from '../queue/outbox-relay.service';
import { WorkflowsService } from '../workflows/workflows.service';

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
      .upsertJobScheduler('daily-digest', { pattern: this.config.DIGEST_CRON, tz: 'Asia/Ho_Chi_Minh' }, { name: JobName.DailyDigest, data: {} });
  }

  async send(day?: string): Promise<{ day: string; people: number; created: number }> {
    const now = this.clock.now();
    const localDay = day ?? toVietnamIso(now).slice(0, 10);
    const lines: OpenTaskLine[] = await this.db.query(
      `SELECT t.assignee_id AS user_id, a.full_name, p.code AS plan_code, p.workflow_key, COALESCE(r.workflow_version, p.workflow_version) AS workflow_version,
              t.stage, u.name AS unit_name, t.due_at
         FROM tasks t JOIN users a ON a.id = t.assignee_id JOIN plans p ON p.id = t.plan_id JOIN org_units u ON u.id = t.unit_id
         LEFT JOIN reports r ON r.id = t.report_id
        WHERE t.state = 'open'
        ORDER BY t.assignee_id, t.due_at NULLS LAST`,
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
