import { MigrationInterface, QueryRunner } from 'typeorm';

/** Running plans follow workflow changes: migrations of reports between versions, re-decisions after role changes. */
export class WorkflowChanges1764300000000 implements MigrationInterface {
  name = 'WorkflowChanges1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // Set with a change of approvers or rules, cleared when the stage is decided again: the
    // reconciler finds it after a Redis loss.
    await q.query(`ALTER TABLE reports ADD COLUMN needs_decision boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX reports_needs_decision ON reports (id) WHERE needs_decision`);
    await q.query(`
      CREATE TABLE workflow_migrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        workflow_key varchar(64) NOT NULL,
        to_version int NOT NULL,
        stage_map jsonb NOT NULL DEFAULT '{}',
        status varchar(16) NOT NULL DEFAULT 'running' CHECK (status IN ('running','completed','failed')),
        total int NOT NULL,
        migrated int NOT NULL DEFAULT 0,
        untouched int NOT NULL DEFAULT 0,
        unmappable jsonb NOT NULL DEFAULT '[]',
        error text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    // A delegated task may go to someone who holds a task of the same stage already (a proxy, as the
    // contract's delegation to another holder of the role implies); each person still has one own
    // live task: a cancelled one (the person left the role) does not stop a new one if they return.
    await q.query(`DROP INDEX tasks_one_per_report_stage_person`);
    await q.query(`DROP INDEX tasks_one_per_plan_stage_person`);
    await q.query(
      `CREATE UNIQUE INDEX tasks_one_own_per_report_stage_person ON tasks (report_id, stage, round, assignee_id) WHERE report_id IS NOT NULL AND delegated_from IS NULL AND state <> 'cancelled'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX tasks_one_own_per_plan_stage_person ON tasks (plan_id, stage, round, assignee_id) WHERE report_id IS NULL AND delegated_from IS NULL AND state <> 'cancelled'`,
    );
    // One migration of a plan at a time.
    await q.query(`CREATE UNIQUE INDEX workflow_migrations_one_running ON workflow_migrations (plan_id) WHERE status = 'running'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE workflow_migrations`);
    await q.query(`DROP INDEX tasks_one_own_per_report_stage_person`);
    await q.query(`DROP INDEX tasks_one_own_per_plan_stage_person`);
    await q.query(`CREATE UNIQUE INDEX tasks_one_per_report_stage_person ON tasks (report_id, stage, round, assignee_id) WHERE report_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX tasks_one_per_plan_stage_person ON tasks (plan_id, stage, round, assignee_id) WHERE report_id IS NULL`);
    await q.query(`ALTER TABLE reports DROP COLUMN needs_decision`);
  }
}
