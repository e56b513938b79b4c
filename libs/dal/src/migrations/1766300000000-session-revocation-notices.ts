import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API keeps the sessions it has checked in memory, so a request costs no query. Whatever ends a
 * session (a logout, a password change, a deactivation, a removed role, an operator's own SQL) goes
 * through these rows, so triggers on them tell every API process at commit (LISTEN/NOTIFY), and each
 * forgets what it kept. The schema is in the message: processes of other schemas ignore it.
 */
export class SessionRevocationNotices1766300000000 implements MigrationInterface {
  name = 'SessionRevocationNotices1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION session_revocation_notice() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        row_id uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
      BEGIN
        PERFORM pg_notify('tongket_sessions_revoked',
          json_build_object('schema', TG_TABLE_SCHEMA, CASE WHEN TG_TABLE_NAME = 'users' THEN 'user' ELSE 'session' END, row_id)::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER users_session_revocation AFTER UPDATE OF active, token_version ON users FOR EACH ROW
        WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.token_version IS DISTINCT FROM NEW.token_version)
        EXECUTE FUNCTION session_revocation_notice()`);
    await q.query(`CREATE TRIGGER users_deleted_session_revocation AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION session_revocation_notice()`);
    await q.query(`
      CREATE TRIGGER user_sessions_revocation AFTER UPDATE OF ended_at ON user_sessions FOR EACH ROW
        WHEN (NEW.ended_at IS NOT NULL AND OLD.ended_at IS NULL)
        EXECUTE FUNCTION session_revocation_notice()`);
    await q.query(`CREATE TRIGGER user_sessions_deleted_revocation AFTER DELETE ON user_sessions FOR EACH ROW EXECUTE FUNCTION session_revocation_notice()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER user_sessions_deleted_revocation ON user_sessions`);
    await q.query(`DROP TRIGGER user_sessions_revocation ON user_sessions`);
    await q.query(`DROP TRIGGER users_deleted_session_revocation ON users`);
    await q.query(`DROP TRIGGER users_session_revocation ON users`);
    await q.query(`DROP FUNCTION session_revocation_notice()`);
  }
}
