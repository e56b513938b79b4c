import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A level report keeps the texts it was last pre-filled with, so that items the working group never
 * touched can follow the reports a later round takes in (as its untouched figures follow the sums).
 */
export class LevelReportPrefill1765900000000 implements MigrationInterface {
  name = 'LevelReportPrefill1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE level_reports ADD COLUMN prefilled_sections jsonb NOT NULL DEFAULT '{}'`);
    // Reports already drafted: what they hold now counts as their pre-fill (nothing is replaced).
    await q.query(`UPDATE level_reports SET prefilled_sections = sections`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE level_reports DROP COLUMN prefilled_sections`);
  }
}
