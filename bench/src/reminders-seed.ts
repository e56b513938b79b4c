import { Pool } from 'pg';

/**
 * The reminders scenario's data, written straight with SQL into a freshly migrated schema (tables of
 * libs/dal/src/migrations): a root with `units` grassroots bodies, `usersPerUnit` drafters in each,
 * one launched plan of the built-in `tongket` workflow (the worker stores it on start; plans name it,
 * they hold no foreign key to it) whose only reminder is PT0S and with no escalation, one report per unit.
 */
export async function seedOrganisation(pool: Pool, units: number, usersPerUnit: number): Promise<string> {
  const {
    rows: [root],
  } = await pool.query<{ id: string }>(`INSERT INTO org_units (code, name, kind) VALUES ('BENCH-ROOT', 'Đảng bộ Khối (benchmark)', 'bloc') RETURNING id`);
  await pool.query(
    `INSERT INTO org_units (code, name, kind, parent_id, ancestor_ids, depth)
     SELECT 'BENCH-U' || i, 'Đảng bộ cơ sở số ' || i, 'grassroots', $1, ARRAY[$1::uuid], 1 FROM generate_series(1, $2) i`,
    [root.id, units],
  );
  await pool.query(
    `INSERT INTO users (username, full_name, email, password_hash)
     SELECT 'bench' || i, 'Đồng chí Số ' || i, 'bench' || i || '@example.test', 'no-login' FROM generate_series(1, $1) i`,
    [units * usersPerUnit],
  );
  await pool.query(
    `INSERT INTO role_assignments (user_id, unit_id, role)
     SELECT u.id, o.id, 'drafter' FROM users u JOIN org_units o ON o.code = 'BENCH-U' || ((substr(u.username, 6)::int - 1) % $1 + 1)`,
    [units],
  );
  const {
    rows: [plan],
  } = await pool.query<{ id: string }>(
    `INSERT INTO plans (code, title, issued_on, term, root_unit_id, workflow_key, workflow_version, outline, indicator_names,
                        deadlines, reminders, status, launched_at)
     VALUES ('BENCH-REMINDERS', 'Kế hoạch tổng kết (benchmark nhắc việc)', current_date, '2020-2025', $1, 'tongket', 1, '[]', '[]',
             '{}', '{"before": ["PT0S"]}', 'launched', now())
     RETURNING id`,
    [root.id],
  );
  await pool.query(`INSERT INTO reports (plan_id, unit_id, stage, workflow_version) SELECT $1, id, 'drafting', 1 FROM org_units WHERE parent_id = $2`, [
    plan.id,
    root.id,
  ]);
  return plan.id;
}

/**
 * `count` open drafting tasks (as many rounds per report and drafter as it takes, the unique key being
 * report, stage, round, assignee), due evenly over `windowMs` from `windowStart` in random order.
 */
export async function seedTasks(pool: Pool, planId: string, count: number, windowStart: Date, windowMs: number): Promise<void> {
  const {
    rows: [{ pairs }],
  } = await pool.query<{ pairs: number }>(
    `SELECT count(*)::int AS pairs FROM reports r JOIN role_assignments ra ON ra.unit_id = r.unit_id AND ra.role = 'drafter' WHERE r.plan_id = $1`,
    [planId],
  );
  await pool.query(
    `INSERT INTO tasks (plan_id, report_id, unit_id, stage, kind, role, scope_unit_id, round, assignee_id, due_at)
     SELECT $1, report_id, unit_id, 'drafting', 'draft', 'drafter', unit_id, round, user_id,
            $2::timestamptz + make_interval(secs => (row_number() OVER (ORDER BY random()) - 1) * $3::float8 / 1000 / $4)
       FROM (SELECT r.id AS report_id, r.unit_id, g.round, ra.user_id
               FROM reports r JOIN role_assignments ra ON ra.unit_id = r.unit_id AND ra.role = 'drafter'
              CROSS JOIN generate_series(1, $5) AS g(round)
              WHERE r.plan_id = $1
              LIMIT $4) pairs`,
    [planId, windowStart.toISOString(), windowMs, count, Math.ceil(count / Math.max(1, pairs))],
  );
  await pool.query(`UPDATE reports SET due_at = $2 WHERE plan_id = $1`, [planId, new Date(windowStart.getTime() + windowMs)]);
  await pool.query(`ANALYZE`);
}
