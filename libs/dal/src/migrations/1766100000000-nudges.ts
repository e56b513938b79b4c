import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Đôn đốc: a person above a unit whose report is overdue reminds those who must act on it, at most
 * once per unit per plan per Hà Nội day. The primary key holds that rule even when two people click
 * at the same moment; the notices are of the new kind `nudge`.
 */
export class Nudges1766100000000 implements MigrationInterface {
  name = 'Nudges1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_nudges (
        plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES org_units(id) ON DELETE CASCADE,
        day date NOT NULL,
        report_id uuid NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        recipients integer NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, unit_id, day)
      )`);
    await this.setKinds(q, (kinds) => [...kinds.filter((k) => k !== 'nudge'), 'nudge']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'nudge'`);
    await this.setKinds(q, (kinds) => kinds.filter((k) => k !== 'nudge'));
    await q.query(`DROP TABLE plan_nudges`);
  }

  /** Rewrites the kinds the check allows from the ones it allows now, so kinds other migrations add are kept. */
  private async setKinds(q: QueryRunner, change: (kinds: string[]) => string[]): Promise<void> {
    const [{ def }]: { def: string }[] = await q.query(
      `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
        WHERE c.conname = 'notifications_kind_check' AND c.conrelid = 'notifications'::regclass`,
    );
    const kinds = change([...def.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]));
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(',')}))`);
  }
}
