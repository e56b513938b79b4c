import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reports each completion of the working group's task took in, per round: once the working
 * group has consolidated, the consolidated report is computed from this set only (reports in `done`
 * are no longer edited), so a report arriving later cannot change what was approved. Ids only: the
 * texts of ten thousand reports would be hundreds of megabytes per snapshot.
 */
export class ConsolidationInclusions1764800000000 implements MigrationInterface {
  name = 'ConsolidationInclusions1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consolidation_inclusions (
        plan_id uuid NOT NULL REFERENCES plans(id),
        report_id uuid NOT NULL REFERENCES reports(id),
        round int NOT NULL,
        included_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, report_id)
      )`);
    // The round of the working group's latest completion; NULL while it has never completed.
    await q.query(`ALTER TABLE consolidations ADD COLUMN consolidated_round int`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consolidations DROP COLUMN consolidated_round`);
    await q.query(`DROP TABLE consolidation_inclusions`);
  }
}
