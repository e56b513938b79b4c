import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reports a workflow migration could not move, each with its error, so one report that keeps
 * failing is reported and the run carries on with the others.
 */
export class MigrationFailures1764700000000 implements MigrationInterface {
  name = 'MigrationFailures1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workflow_migrations ADD COLUMN failures jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workflow_migrations DROP COLUMN failures`);
  }
}
