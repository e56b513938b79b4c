import { MigrationInterface, QueryRunner } from 'typeorm';

/** The core summary cycle: org tree, users and roles, workflows, plans, reports, tasks, audit. */
export class CoreCycle1764100000000 implements MigrationInterface {
  name = 'CoreCycle1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL UNIQUE,
        name varchar(300) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('bloc','upper','grassroots','cell')),
        parent_id uuid REFERENCES org_units(id),
        ancestor_ids uuid[] NOT NULL DEFAULT '{}',
        depth int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX org_units_parent ON org_units (parent_id)`);
    await q.query(`CREATE INDEX org_units_ancestors ON org_units USING gin (ancestor_ids)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(100) NOT NULL UNIQUE,
        full_name varchar(200) NOT NULL,
        email varchar(200) NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE role_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        unit_id uuid REFERENCES org_units(id),
        role varchar(16) NOT NULL CHECK (role IN ('drafter','approver','reviewer','consolidator','admin')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, unit_id, role),
        -- admin is global: the first administrator exists before any unit does.
        CHECK (unit_id IS NOT NULL OR role = 'admin')
      )`);
    await q.query(`CREATE UNIQUE INDEX role_assignments_global_admin ON role_assignments (user_id, role) WHERE unit_id IS NULL`);
    await q.query(`CREATE INDEX role_assignments_unit_role ON role_assignments (unit_id, role)`);

    await q.query(`
      CREATE TABLE workflow_definitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key varchar(64) NOT NULL,
        version int NOT NULL,
        stages jsonb NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (key, version)
      )`);

    await q.query(`
      CREATE TABLE plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL UNIQUE,
        title text NOT NULL,
        issued_on date NOT NULL,
        term varchar(32) NOT NULL,
        basis jsonb NOT NULL DEFAULT '[]',
        root_unit_id uuid NOT NULL REFERENCES org_units(id),
        workflow_key varchar(64) NOT NULL,
        workflow_version int NOT NULL,
        outline jsonb NOT NULL,
        indicator_names jsonb NOT NULL,
        deadlines jsonb NOT NULL,
        reminders jsonb NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','launching','launched','completed')),
        consolidation_round int NOT NULL DEFAULT 0,
        launched_at timestamptz,
        completed_at timestamptz,
        created_by uuid REFERENCES users(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        unit_id uuid NOT NULL REFERENCES org_units(id),
        stage varchar(64) NOT NULL,
        workflow_version int NOT NULL,
        round int NOT NULL DEFAULT 1,
        returned_count int NOT NULL DEFAULT 0,
        last_return_reason text,
        sections jsonb NOT NULL DEFAULT '{}',
        indicators jsonb NOT NULL DEFAULT '{}',
        unassigned boolean NOT NULL DEFAULT false,
        stage_entered_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, unit_id)
      )`);
    await q.query(`CREATE INDEX reports_plan_stage ON reports (plan_id, stage)`);

    await q.query(`
      CREATE TABLE report_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES reports(id),
        seq int NOT NULL,
        round int NOT NULL,
        sections jsonb NOT NULL,
        indicators jsonb NOT NULL,
        submitted_by uuid REFERENCES users(id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (report_id, seq)
      )`);

    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        report_id uuid REFERENCES reports(id),
        unit_id uuid NOT NULL REFERENCES org_units(id),
        stage varchar(64) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('draft','approval','consolidation')),
        role varchar(16) NOT NULL,
        scope_unit_id uuid NOT NULL REFERENCES org_units(id),
        round int NOT NULL,
        assignee_id uuid NOT NULL REFERENCES users(id),
        state varchar(16) NOT NULL DEFAULT 'open' CHECK (state IN ('open','completed','cancelled')),
        decision varchar(16) CHECK (decision IN ('approve','return','submit')),
        comment text,
        due_at timestamptz,
        completed_at timestamptz,
        cancelled_at timestamptz,
        applied_at timestamptz,
        delegated_from uuid REFERENCES users(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX tasks_one_per_report_stage_person ON tasks (report_id, stage, round, assignee_id) WHERE report_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX tasks_one_per_plan_stage_person ON tasks (plan_id, stage, round, assignee_id) WHERE report_id IS NULL`);
    await q.query(`CREATE INDEX tasks_inbox ON tasks (assignee_id, state, due_at)`);
    await q.query(`CREATE INDEX tasks_report_round ON tasks (report_id, round)`);
    await q.query(`CREATE INDEX tasks_plan_open ON tasks (plan_id, stage) WHERE state = 'open'`);
    await q.query(`CREATE INDEX tasks_unapplied ON tasks (completed_at) WHERE state = 'completed' AND applied_at IS NULL`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor varchar(100) NOT NULL,
        action varchar(64) NOT NULL,
        plan_id uuid,
        report_id uuid,
        task_id uuid,
        from_stage varchar(64),
        to_stage varchar(64),
        comment text,
        data jsonb
      )`);
    await q.query(`CREATE INDEX audit_events_report ON audit_events (report_id, id)`);
    await q.query(`CREATE INDEX audit_events_plan ON audit_events (plan_id, id)`);
    // The audit trail is evidence: the database itself refuses to change or remove it.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
    );
    await q.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_events', 'tasks', 'report_snapshots', 'reports', 'plans', 'workflow_definitions', 'role_assignments', 'users', 'org_units']) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_events_append_only()`);
  }
}
