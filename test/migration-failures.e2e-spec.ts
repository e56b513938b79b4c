import { expectStatus, session } from './support/api';
import { createPlan, getPlan, importFixture, launchPlan, reportsByUnit } from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { engineQueue } from './support/queues';
import { PlanDto, ReportDto } from './support/types';
import { waitFor } from './kit/poll';
import { createVersion, getMigration, migrateEvents, MigrationDto, StageDef, startMigration, TONGKET_V1, waitForMigration } from './support/workflows';

/** Version 2 renames drafting: every drafting report moves, its row updated in its own transaction. */
const V2: StageDef[] = TONGKET_V1.map((s) =>
  s.key === 'drafting' ? { ...s, key: 'du_thao' } : s.returnTo === 'drafting' ? { ...s, returnTo: 'du_thao' } : { ...s },
);
const BODY = { toVersion: 2, stageMap: { drafting: 'du_thao' } };

/** A migration that cannot finish is reported as failed with its reasons, and never blocks the plan. */
describe('a failing migration is reported, carries on with the other reports, and does not block the plan', () => {
  let ctx: E2eContext;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;
  let first: MigrationDto;
  let other: PlanDto;

  const waitForEnd = (migrationId: string) =>
    waitFor(
      async () => {
        const m = await getMigration(ctx, migrationId);
        if (m.status === 'running') throw new Error(`still running: ${m.migrated} migrated of ${m.total}`);
        return m;
      },
      { timeoutMs: 20_000, what: `migration ${migrationId} ended` },
    );

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    plan = await createPlan(ctx);
    await launchPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);
    other = await createPlan(ctx);
    await launchPlan(ctx, other.id);
    expect((await createVersion(ctx, V2)).version).toBe(2);
    // One report refuses every change, as a row a bug or a broken constraint makes unchangeable would:
    // a trigger of this test's schema only, raising for that one report.
    await ctx.db.query(`
      CREATE FUNCTION refuse_one_report() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.id = '${reports.get('KBNN-KT')!.id}' THEN RAISE EXCEPTION 'report % is locked by the test', OLD.id; END IF;
        RETURN NEW;
      END $$`);
    await ctx.db.query(`CREATE TRIGGER refuse_one_report BEFORE UPDATE ON reports FOR EACH ROW EXECUTE FUNCTION refuse_one_report()`);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('the report that fails is recorded with its error; every other report is migrated; the migration ends as failed', async () => {
    first = await startMigration(ctx, plan.id, BODY);
    const ended = await waitForEnd(first.id);
    const kt = reports.get('KBNN-KT')!.id;
    expect(ended).toMatchObject({ status: 'failed', total: reports.size, migrated: reports.size - 1, untouched: 0, unmappable: [] });
    expect(ended.failures).toEqual([
      { reportId: kt, unitCode: 'KBNN-KT', stage: 'drafting', error: expect.stringContaining('locked by the test'), at: expect.any(String) },
    ]);
    expect(ended.error).toEqual(expect.stringContaining('1 report(s) could not be migrated'));
    expect(ended.finishedAt).toEqual(expect.any(String));

    const onV2 = (await ctx.db.query<{ id: string }>(`SELECT id FROM reports WHERE plan_id = $1 AND workflow_version = 2`, [plan.id])).rows.map((r) => r.id);
    expect(onV2.sort()).toEqual(
      [...reports.values()]
        .map((r) => r.id)
        .filter((id) => id !== kt)
        .sort(),
    );
    expect((await migrateEvents(ctx, plan.id)).map((e) => e.report_id)).not.toContain(kt);
    // The plan moves to the new version only once every report has.
    expect((await getPlan(ctx, plan.id)).workflowVersion).toBe(1);
  });

  it('the failures are audited: the report’s trail and the configuration audit', async () => {
    const kt = reports.get('KBNN-KT')!.id;
    const { rows } = await ctx.db.query<{ actor: string; from_stage: string; data: { migrationId: string; error: string } }>(
      `SELECT actor, from_stage, data FROM audit_events WHERE action = 'migrate_failed' AND report_id = $1`,
      [kt],
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]).toMatchObject({
      actor: 'system',
      from_stage: 'drafting',
      data: { migrationId: first.id, error: expect.stringContaining('locked by the test') },
    });
    const admin = await session(ctx, 'admin');
    const failed = expectStatus(await admin.get(`/api/audit/configuration?action=plan.migration_failed&planId=${plan.id}`), 200).body as {
      data: Record<string, unknown>;
    }[];
    expect(failed).toHaveLength(1);
    expect(failed[0].data).toMatchObject({ migrationId: first.id, failedReports: 1, migrated: reports.size - 1 });
  });

  it('a failed migration does not block a new one, which migrates the reports left behind', async () => {
    await ctx.db.query(`DROP TRIGGER refuse_one_report ON reports`);
    const again = await startMigration(ctx, plan.id, BODY);
    expect(again.total).toBe(1);
    const done = await waitForMigration(ctx, again.id);
    expect(done).toMatchObject({ status: 'completed', migrated: 1, failures: [], error: null });
    expect((await getPlan(ctx, plan.id)).workflowVersion).toBe(2);
    expect((await getMigration(ctx, first.id)).status).toBe('failed');
  });

  it('a run whose job fails on its last attempt ends as failed with the error, and the plan can be migrated again', async () => {
    // Every report migrates, but the plan row refuses the final step: the whole run fails, attempt after attempt.
    await ctx.db.query(`
      CREATE FUNCTION refuse_plan_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.id = '${other.id}' AND NEW.workflow_version <> OLD.workflow_version THEN RAISE EXCEPTION 'plan % is frozen by the test', OLD.id; END IF;
        RETURN NEW;
      END $$`);
    await ctx.db.query(`CREATE TRIGGER refuse_plan_version BEFORE UPDATE ON plans FOR EACH ROW EXECUTE FUNCTION refuse_plan_version()`);
    const migration = await startMigration(ctx, other.id, BODY);
    await waitFor(
      async () => (await ctx.db.query(`SELECT 1 FROM reports WHERE plan_id = $1 AND workflow_version = 2`, [other.id])).rowCount === migration.total,
      { what: 'every report migrated by the first attempt' },
    );
    expect((await getMigration(ctx, migration.id)).status).toBe('running');

    // The job's last attempt, as BullMQ makes it after its retries: the same job with no attempt left.
    const transitions = engineQueue(ctx, 'transitions');
    try {
      await transitions.add('migration.run', { migrationId: migration.id }, { jobId: `last-attempt-${migration.id}`, attempts: 1, removeOnFail: true });
    } finally {
      await transitions.close();
    }
    const ended = await waitForEnd(migration.id);
    expect(ended).toMatchObject({ status: 'failed', error: expect.stringContaining('frozen by the test'), failures: [] });
    expect((await getPlan(ctx, other.id)).workflowVersion).toBe(1);
    const { rows } = await ctx.db.query(`SELECT comment FROM audit_events WHERE plan_id = $1 AND action = 'plan.migration_failed'`, [other.id]);
    expect(rows).toEqual([{ comment: expect.stringContaining('frozen by the test') }]);

    await ctx.db.query(`DROP TRIGGER refuse_plan_version ON plans`);
    // Its reports are all on version 2 already: only the plan is left to move.
    const again = await startMigration(ctx, other.id, { toVersion: 2 });
    expect(again.total).toBe(0);
    expect(await waitForMigration(ctx, again.id)).toMatchObject({ status: 'completed', failures: [] });
    expect((await getPlan(ctx, other.id)).workflowVersion).toBe(2);
  });
});
