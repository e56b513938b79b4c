import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Remarks anchored to a report's item (and optionally a quoted passage of it), left by whoever
 * reviews or adopts it, and the drafters' replies: the next reviewer reads the whole thread.
 */
export class ReportRemarks1766200000000 implements MigrationInterface {
  name = 'ReportRemarks1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_remarks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES reports(id),
        section_key varchar(100) NOT NULL,
        quote text,
        body text NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        -- the stage and round it was written in: a remark of an earlier round reads as such
        stage varchar NOT NULL,
        round int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users(id)
      )`);
    await q.query(`CREATE INDEX report_remarks_report ON report_remarks (report_id, created_at)`);
    await q.query(`
      CREATE TABLE report_remark_replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        remark_id uuid NOT NULL REFERENCES report_remarks(id),
        body text NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX report_remark_replies_remark ON report_remark_replies (remark_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_remark_replies`);
    await q.query(`DROP TABLE report_remarks`);
  }
}
