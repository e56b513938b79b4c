import { MigrationInterface, QueryRunner } from 'typeorm';

/** The collection of each consolidating unit's reports, tracked per plan, and notices about it. */
export class Consolidations1764500000000 implements MigrationInterface {
  name = 'Consolidations1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consolidations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        unit_id uuid NOT NULL REFERENCES org_units(id),
        status varchar(16) NOT NULL DEFAULT 'collecting' CHECK (status IN ('collecting','collected','approved')),
        cut_off_at timestamptz,
        included jsonb NOT NULL DEFAULT '[]',
        missing jsonb NOT NULL DEFAULT '[]',
        indicators jsonb NOT NULL DEFAULT '{}',
        completeness jsonb,
        collected_at timestamptz,
        approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, unit_id)
      )`);
    await q.query(`CREATE INDEX consolidations_collecting ON consolidations (plan_id) WHERE status = 'collecting'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('reminder','escalation','digest','consolidation'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('reminder','escalation','digest'))`);
    await q.query(`DROP TABLE consolidations`);
  }
}
