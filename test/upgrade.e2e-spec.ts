import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@app/config';
import { chainPage, dataSourceOptions, inTransaction, MIGRATIONS, runMigrations, sealQueuedEvents, setUpDatabaseRolesAs } from '@app/dal';
import { checkLinks, FIVE_PART_OUTLINE, GENESIS_HASH, INDICATOR_NAMES } from '@app/domain';
import { pgClient, PgClient } from './support/pg';

/** The last migration of the release before this one (landed 2026-12-06): upgrades start from there. */
const PREVIOUS_RELEASE_LAST = 'EscalationNotices1765000000000';

/**
 * Migrations only go forward: a schema as the previous release left it, with its data, is migrated
 * to this release; nothing is lost, new columns get their defaults, the audit events written before
 * the hash chain existed are sealed into it, and the engine's role may work on the result.
 */
describe('upgrade from the previous release’s schema', () => {
  const schema = `upgrade_${randomBytes(4).toString('hex')}`;
  let config: AppConfig;
  let db: PgClient;

  beforeAll(async () => {
    process.env.PG_SCHEMA = schema;
    config = loadConfig();
    await setUpDatabaseRolesAs(config, { username: process.env.PG_SUPERUSER ?? 'postgres', password: process.env.PG_SUPERUSER_PASSWORD });
    db = await pgClient(schema);
  });

  afterAll(async () => {
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db.end();
  });

  it('migrates the previous release’s schema and data forward, keeping every row', async () => {
    const previous = MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name === PREVIOUS_RELEASE_LAST) + 1);
    expect(previous.length).toBeGreaterThan(5);
    const old = new DataSource({
      ...dataSourceOptions(config, { username: config.PG_MIGRATION_USER, password: config.PG_MIGRATION_PASSWORD, poolSize: 1 }),
      migrations: previous,
    });
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    // What the previous release wrote, as it wrote it.
    const passwordHash = await hash('mat-khau-cu-2019');
    const [unit] = await old.query(`INSERT INTO org_units (code, name, kind) VALUES ('DUK', 'Đảng bộ Khối', 'bloc') RETURNING id`);
    const [cell] = await old.query(
      `INSERT INTO org_units (code, name, kind, parent_id, ancestor_ids, depth) VALUES ('CB1', 'Chi bộ Một', 'cell', $1, ARRAY[$1::uuid], 1) RETURNING id`,
      [unit.id],
    );
    await old.query(`UPDATE org_units SET ancestor_ids = ARRAY[id] WHERE id = $1`, [unit.id]);
    await old.query(`UPDATE org_units SET ancestor_ids = ARRAY[$1::uuid, id] WHERE id = $2`, [unit.id, cell.id]);
    const [admin] = await old.query(`INSERT INTO users (username, full_name, email, password_hash) VALUES ('admin', 'Quản trị', 'a@x.vn', $1) RETURNING id`, [
      passwordHash,
    ]);
    await old.query(`INSERT INTO role_assignments (user_id, unit_id, role) VALUES ($1, NULL, 'admin')`, [admin.id]);
    const [plan] = await old.query(
      `INSERT INTO plans (code, title, issued_on, term, root_unit_id, workflow_key, workflow_version, outline, indicator_names, deadlines, reminders, status)
       VALUES ('144-KH/ĐUK', 'Kế hoạch tổng kết', '2019-06-05', '2015-2020', $1, 'tongket', 1, $2, $3, '{}', '{"before":[]}', 'launched') RETURNING id`,
      [unit.id, JSON.stringify(FIVE_PART_OUTLINE), JSON.stringify(INDICATOR_NAMES)],
    );
    const [report] = await old.query(
      `INSERT INTO reports (plan_id, unit_id, stage, workflow_version, sections, indicators) VALUES ($1, $2, 'drafting', 1, $3, '{"members_admitted": 2}') RETURNING id`,
      [plan.id, cell.id, JSON.stringify({ political: { strengths: 'Ưu điểm.', limitations: 'Hạn chế.' } })],
    );
    await old.query(
      `INSERT INTO audit_events (actor_id, actor, action, plan_id) VALUES ($1, 'admin', 'plan.create', $2), ($1, 'admin', 'plan.launch_requested', $2), (NULL, 'system', 'transition', $2)`,
      [admin.id, plan.id],
    );
    const before = {
      users: (await db.query(`SELECT id, username, password_hash FROM users ORDER BY id`)).rows,
      reports: (await db.query(`SELECT id, stage, sections, indicators FROM reports ORDER BY id`)).rows,
      audit: (await db.query(`SELECT id, action, at FROM audit_events ORDER BY id`)).rows,
    };
    await old.destroy();

    const applied = await runMigrations(config);
    expect(applied.length).toBe(MIGRATIONS.length - previous.length);
    expect((await db.query(`SELECT id, username, password_hash FROM users ORDER BY id`)).rows).toEqual(before.users);
    expect((await db.query(`SELECT id, stage, sections, indicators FROM reports ORDER BY id`)).rows).toEqual(before.reports);
    expect((await db.query(`SELECT id, action, at FROM audit_events ORDER BY id`)).rows).toEqual(before.audit);
    expect((await db.query(`SELECT active FROM users`)).rows).toEqual([{ active: true }]);
    expect((await db.query(`SELECT outline FROM plans WHERE id = $1`, [plan.id])).rows[0].outline).toEqual(FIVE_PART_OUTLINE);

    // As the engine's role: the old events are sealed into the chain, which holds.
    const engine = new DataSource(dataSourceOptions(config));
    await engine.initialize();
    try {
      expect(await inTransaction(engine, (em) => sealQueuedEvents(em, 100))).toBe(before.audit.length);
      expect(checkLinks(await chainPage(engine, 0, 100), { hash: GENESIS_HASH, seq: 0 }).broken).toBeNull();
      expect(await engine.query(`SELECT stage FROM reports WHERE id = $1`, [report.id])).toEqual([{ stage: 'drafting' }]);
    } finally {
      await engine.destroy();
    }
    // Migrating again changes nothing.
    expect(await runMigrations(config)).toEqual([]);
  }, 60_000);
});
