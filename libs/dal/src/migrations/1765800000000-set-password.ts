import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People set their own password from a link sent by e-mail (a person created by an import without
 * a password, or an administrator's new link): `password_links` holds each link and the delivery of
 * its e-mail. The token exists in clear only in the e-mail: it is made when the e-mail is sent, and
 * only its SHA-256 is kept, so neither this table nor a backup lets anyone set a password. A link
 * is used once, expires, and is revoked by a newer one for the same person.
 */
export class SetPassword1765800000000 implements MigrationInterface {
  name = 'SetPassword1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        reason varchar(16) NOT NULL CHECK (reason IN ('new_account', 'new_link')),
        requested_by varchar(100) NOT NULL,
        import_id uuid REFERENCES org_imports(id) ON DELETE SET NULL,
        token_hash bytea UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        used_at timestamptz,
        revoked_at timestamptz,
        email_state varchar(16) NOT NULL DEFAULT 'pending' CHECK (email_state IN ('pending', 'sending', 'sent', 'failed')),
        email_attempts integer NOT NULL DEFAULT 0,
        email_claimed_at timestamptz,
        emailed_at timestamptz,
        email_error text
      )`);
    // The reconciler's question: which links still wait for their e-mail.
    await q.query(`CREATE INDEX password_links_unsent ON password_links (created_at) WHERE email_state IN ('pending', 'sending')`);
    await q.query(`CREATE INDEX password_links_user ON password_links (user_id) WHERE used_at IS NULL AND revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_links`);
  }
}
