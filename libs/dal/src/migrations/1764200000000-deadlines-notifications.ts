import { MigrationInterface, QueryRunner } from 'typeorm';

/** Due dates on reports, and notifications: the in-app inbox, the e-mail outbox and their idempotency keys. */
export class DeadlinesNotifications1764200000000 implements MigrationInterface {
  name = 'DeadlinesNotifications1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reports ADD COLUMN due_at timestamptz`);
    await q.query(`CREATE INDEX tasks_open_due ON tasks (due_at) WHERE state = 'open' AND due_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        kind varchar(16) NOT NULL CHECK (kind IN ('reminder','escalation','digest')),
        title text NOT NULL,
        body text NOT NULL,
        plan_id uuid REFERENCES plans(id),
        report_id uuid REFERENCES reports(id),
        task_id uuid REFERENCES tasks(id),
        -- What makes this notice happen once: a job that runs twice finds its key taken.
        dedup_key varchar(200) NOT NULL UNIQUE,
        email_state varchar(16) NOT NULL DEFAULT 'pending' CHECK (email_state IN ('pending','sending','sent','failed')),
        email_attempts int NOT NULL DEFAULT 0,
        email_claimed_at timestamptz,
        emailed_at timestamptz,
        email_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_inbox ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX notifications_task ON notifications (task_id)`);
    await q.query(`CREATE INDEX notifications_email_pending ON notifications (created_at) WHERE email_state IN ('pending','sending')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP INDEX tasks_open_due`);
    await q.query(`ALTER TABLE reports DROP COLUMN due_at`);
  }
}
