import { AuditChain } from '@app/core';
import { expectStatus, session } from './support/api';
import { createPlan, importFixture, launchPlan } from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { pgClientAs, PgClient } from './support/pg';

/**
 * The engine connects as a role that may only add to and read the audit trail, owns nothing, and so
 * cannot disable the triggers that keep it append-only; and the trail is a hash chain an
 * administrator checks with GET /api/audit/verify, which names the first link that does not hold.
 */
describe('audit trail: the engine’s role cannot change it, and the chain shows any change', () => {
  let ctx: E2eContext;
  let engine: PgClient;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    await launchPlan(ctx, (await createPlan(ctx)).id);
    engine = await pgClientAs(process.env.PG_USER ?? 'tongket_engine', ctx.env.schema);
  }, 60_000);

  afterAll(async () => {
    await engine?.end();
    await stopE2e(ctx);
  });

  const verify = async () => expectStatus(await (await session(ctx, 'admin')).get('/api/audit/verify'), 200).body;

  it('the engine connects as its own role, neither superuser nor owner of any table', async () => {
    const { rows } = await engine.query<{ user: string; superuser: boolean; owned: number }>(
      `SELECT current_user AS user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              (SELECT count(*)::int FROM pg_tables WHERE schemaname = current_schema() AND tableowner = current_user) AS owned`,
    );
    expect(rows[0]).toEqual({ user: 'tongket_engine', superuser: false, owned: 0 });
    const { rows: sessions } = await ctx.db.query<{ usename: string }>(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND application_name <> 'psql' AND usename LIKE 'tongket%'`,
    );
    expect(sessions.map((s) => s.usename)).toContain('tongket_engine');
  });

  it('as the engine: reading and adding events works; changing, removing, truncating or disabling the triggers does not', async () => {
    const ids = async () => (await engine.query<{ id: string }>(`SELECT id::text AS id FROM audit_events`)).rows.map((r) => r.id);
    const before = await ids();
    expect(before.length).toBeGreaterThan(0);
    await engine.query(`INSERT INTO audit_events (actor, action) VALUES ('system', 'test.probe')`);
    for (const sql of [
      `UPDATE audit_events SET comment = 'sửa lén'`,
      `DELETE FROM audit_events`,
      `TRUNCATE audit_events`,
      `ALTER TABLE audit_events DISABLE TRIGGER ALL`,
      `UPDATE audit_seals SET hash = repeat('0', 64)`,
      `DELETE FROM audit_seals`,
      `DROP TABLE audit_events CASCADE`,
    ]) {
      await expect(engine.query(sql)).rejects.toThrow(/permission denied|must be (the )?owner/i);
    }
    // Every event there before is there after, with the probe. (Not a count: the worker may append meanwhile.)
    expect(await ids()).toEqual(expect.arrayContaining(before));
    expect((await engine.query(`SELECT 1 FROM audit_events WHERE action = 'test.probe'`)).rows).toHaveLength(1);
  });

  it('every event is sealed into the chain, and the chain holds', async () => {
    await session(ctx, 'admin');
    const sealed = await ctx.worker.get(AuditChain).seal();
    const result = await verify();
    expect(sealed).toBeGreaterThan(0);
    // The worker may append (and seal) events meanwhile: whatever is not sealed is waiting in the queue.
    expect(result).toMatchObject({ ok: true, firstBroken: null });
    expect(result.sealed).toBeGreaterThanOrEqual(sealed);
    expect(result.events).toBeGreaterThanOrEqual(result.sealed);
  });

  it('an event changed behind the engine’s back (by a superuser) is named as the first broken link', async () => {
    const { rows } = await ctx.db.query<{ id: string; seq: string }>(
      `SELECT e.id, s.seq FROM audit_events e JOIN audit_seals s ON s.event_id = e.id WHERE e.action = 'plan.create' ORDER BY e.id LIMIT 1`,
    );
    await ctx.db.query(`BEGIN; ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
      UPDATE audit_events SET comment = 'sửa lén' WHERE id = ${Number(rows[0].id)};
      ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete; COMMIT`);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: Number(rows[0].seq), eventId: Number(rows[0].id), reason: 'altered' });
  });
});

describe('audit trail: an event written past the engine is found outside the chain', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('an event inserted with the queueing trigger disabled is reported with its id', async () => {
    await ctx.worker.get(AuditChain).seal();
    const { rows } = await ctx.db
      .query<{ id: string }>(
        `BEGIN; ALTER TABLE audit_events DISABLE TRIGGER audit_events_queue_for_seal;
      INSERT INTO audit_events (actor, action, comment) VALUES ('admin', 'roles.change', 'thêm lén') RETURNING id;
      ALTER TABLE audit_events ENABLE TRIGGER audit_events_queue_for_seal; COMMIT`,
      )
      .then((r) => (r as unknown as { rows: { id: string }[] }[])[2]);
    await ctx.worker.get(AuditChain).seal();
    const result = expectStatus(await (await session(ctx, 'admin')).get('/api/audit/verify'), 200).body;
    expect(result).toMatchObject({ ok: false, firstBroken: { seq: null, eventId: Number(rows[0].id), reason: 'outside-chain', action: 'roles.change' } });
  });
});
