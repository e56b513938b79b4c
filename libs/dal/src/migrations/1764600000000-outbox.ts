import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox: every job a state change needs is written here in the same transaction as the
 * change; a relay moves it to BullMQ and marks it relayed. Nothing a commit promised can be lost
 * between PostgreSQL and Redis.
 */
export class Outbox1764600000000 implements MigrationInterface {
  name = 'Outbox1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        job_name varchar(64) NOT NULL,
        payload jsonb NOT NULL,
        fire_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_pending ON outbox (id) WHERE relayed_at IS NULL`);
    await q.query(`CREATE INDEX outbox_relayed ON outbox (relayed_at) WHERE relayed_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
  }
}
