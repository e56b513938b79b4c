import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that end when they should: a user can be deactivated; every user has a token version
 * that a password change, a deactivation or a role removal increments (tokens carry it, so all of
 * that user's sessions end at once); every login is a row of user_sessions (tokens carry its id, so
 * a logout ends that one session). installation_secrets keeps what an installation generates for
 * itself once (the JWT signing secret when none is configured outside production).
 *
 * A deferred constraint trigger is the database's backstop for the rule the services check with
 * assertAnAdminRemains: no transaction may commit leaving no active administrator. It fires only
 * on admin rows and deactivations, and takes the same lock as the services' check, so two
 * administrators removing each other at once cannot both succeed.
 */
export class Sessions1765100000000 implements MigrationInterface {
  name = 'Sessions1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true, ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE user_sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        address varchar(100),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz
      )`);
    await q.query(`CREATE INDEX user_sessions_user ON user_sessions (user_id) WHERE ended_at IS NULL`);
    await q.query(`
      CREATE TABLE installation_secrets (
        name varchar(64) PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX role_assignments_admins ON role_assignments (user_id) WHERE role = 'admin'`);
    await q.query(`
      CREATE FUNCTION an_admin_remains() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext(current_schema() || '.administrators'));
        IF NOT EXISTS (SELECT 1 FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE r.role = 'admin' AND u.active) THEN
          RAISE EXCEPTION 'no active administrator would remain' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER role_assignments_an_admin_remains AFTER DELETE OR UPDATE ON role_assignments
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.role = 'admin') EXECUTE FUNCTION an_admin_remains()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER users_an_admin_remains AFTER UPDATE OF active ON users
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.active AND NOT NEW.active) EXECUTE FUNCTION an_admin_remains()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER users_an_admin_remains ON users`);
    await q.query(`DROP TRIGGER role_assignments_an_admin_remains ON role_assignments`);
    await q.query(`DROP FUNCTION an_admin_remains()`);
    await q.query(`DROP INDEX role_assignments_admins`);
    await q.query(`DROP TABLE installation_secrets`);
    await q.query(`DROP TABLE user_sessions`);
    await q.query(`ALTER TABLE users DROP COLUMN token_version, DROP COLUMN active`);
  }
}
