import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Makes the audit trail tamper-evident. Each event gets a seal: its place in one chain and a hash of
 * the previous seal's hash and its own canonical text (libs/domain audit-chain). Sealing is done
 * after the fact by the worker, in the order events are committed, so writing an event takes no
 * lock shared by every transaction. A statement trigger queues each inserted event for sealing.
 */
export class AuditChain1765200000000 implements MigrationInterface {
  name = 'AuditChain1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_seals (
        seq bigint PRIMARY KEY,
        event_id bigint NOT NULL UNIQUE REFERENCES audit_events (id),
        hash char(64) NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      `CREATE TRIGGER audit_seals_no_update_delete BEFORE UPDATE OR DELETE ON audit_seals FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
    );
    await q.query(`CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`CREATE TABLE audit_unsealed (event_id bigint PRIMARY KEY)`);
    await q.query(`
      CREATE FUNCTION audit_events_queue_for_seal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_unsealed (event_id) SELECT id FROM new_events;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_queue_for_seal AFTER INSERT ON audit_events
        REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_queue_for_seal()`);
    await q.query(`INSERT INTO audit_unsealed (event_id) SELECT id FROM audit_events`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_events_queue_for_seal ON audit_events`);
    await q.query(`DROP FUNCTION audit_events_queue_for_seal()`);
    await q.query(`DROP TABLE audit_unsealed`);
    await q.query(`DROP TABLE audit_seals`);
  }
}
