import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices of events that ask something of a person (a new task, a return, an adoption, a
 * delegation) beside the reminders, escalations, digests and collections, and the page of the web
 * app that acts on each notice: a path, which the inbox links to and an e-mail prefixes with the
 * public base URL (PUBLIC_URL) when it is sent.
 */
export class WorkNotices1765820000000 implements MigrationInterface {
  name = 'WorkNotices1765820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
        CHECK (kind IN ('reminder','escalation','digest','consolidation','task','return','adoption','delegation'))`);
    await q.query(`ALTER TABLE notifications ADD COLUMN link varchar(300)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN link`);
    await q.query(`DELETE FROM notifications WHERE kind IN ('task','return','adoption','delegation')`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('reminder','escalation','digest','consolidation'))`);
  }
}
