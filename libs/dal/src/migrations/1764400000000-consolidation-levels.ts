import { MigrationInterface, QueryRunner } from 'typeorm';

/** Which levels of a plan consolidate the reports below them (the root always does). */
export class ConsolidationLevels1764400000000 implements MigrationInterface {
  name = 'ConsolidationLevels1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plans ADD COLUMN consolidate_at jsonb NOT NULL DEFAULT '["bloc"]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plans DROP COLUMN consolidate_at`);
  }
}
