import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reminder reconciler asks, page by page, which report stages have been escalated: escalations
 * are a handful among a plan's hundreds of thousands of notices, so they get an index of their own.
 */
export class EscalationNotices1765000000000 implements MigrationInterface {
  name = 'EscalationNotices1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX notifications_escalations ON notifications (task_id) WHERE kind = 'escalation'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_escalations`);
  }
}
