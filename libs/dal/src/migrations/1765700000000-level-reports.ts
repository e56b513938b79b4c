import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The root's own report (the Khối's): written by its working group from the approved reports below,
 * submitted to the Standing Committee, adopted (thông qua) or returned with a reason. Intermediate
 * consolidating units keep writing their own unit report, so only the root has a row per plan.
 *
 * `sections` and `indicators` have the shape of `reports.sections` and `reports.indicators` (the
 * Word document of the Khối reads them). `status`: drafting (the working group writes; also after a
 * return, the reason in `last_return_reason`), submitted (to the Standing Committee), adopted.
 * `round` is the working group's round it belongs to. `computed_indicators` are the sums the figures
 * were last given: a figure still equal to them follows the sums when later reports are taken in.
 * Each submission keeps a snapshot, for the versions compared.
 */
export class LevelReports1765700000000 implements MigrationInterface {
  name = 'LevelReports1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE level_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        unit_id uuid NOT NULL REFERENCES org_units(id),
        sections jsonb NOT NULL DEFAULT '{}',
        indicators jsonb NOT NULL DEFAULT '{}',
        computed_indicators jsonb NOT NULL DEFAULT '{}',
        round integer NOT NULL CHECK (round >= 0),
        status varchar(16) NOT NULL DEFAULT 'drafting' CHECK (status IN ('drafting', 'submitted', 'adopted')),
        returned_count integer NOT NULL DEFAULT 0,
        last_return_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        submitted_at timestamptz,
        adopted_at timestamptz,
        UNIQUE (plan_id, unit_id)
      )`);
    await q.query(`
      CREATE TABLE level_report_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        level_report_id uuid NOT NULL REFERENCES level_reports(id),
        seq integer NOT NULL,
        round integer NOT NULL,
        sections jsonb NOT NULL,
        indicators jsonb NOT NULL,
        submitted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (level_report_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE level_report_snapshots`);
    await q.query(`DROP TABLE level_reports`);
  }
}
