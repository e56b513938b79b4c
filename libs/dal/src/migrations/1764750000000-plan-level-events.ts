import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /api/plans/:id/events reads the plan's own events (no report): a handful among the hundreds
 * of thousands a Bloc's reports write, so they get an index of their own.
 */
export class PlanLevelEvents1764750000000 implements MigrationInterface {
  name = 'PlanLevelEvents1764750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_events_plan_level ON audit_events (plan_id, id) WHERE report_id IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_plan_level`);
  }
}
