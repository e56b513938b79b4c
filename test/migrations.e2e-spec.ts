import { expectStatus, session } from './support/api';
import {
  approve,
  createPlan,
  events,
  getPlan,
  getReport,
  importFixture,
  importOrg,
  launchPlan,
  openTask,
  reportsByUnit,
  tasksOf,
  waitForStage,
} from './support/factories';
import { consolidate, toCellApproval, toCommitteeReview, toConsolidation } from './support/drive';
import { Fixture } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { PlanDto, ReportDto } from './support/types';
import { waitFor } from './kit/poll';
import {
  createVersion,
  insertAfter,
  migrateEvents,
  MigrationDto,
  ORG_PRECHECK,
  startMigration,
  TONGKET_V1,
  waitForMigration,
  WorkflowDto,
} from './support/workflows';

interface TaskRow {
  id: string;
  report_id: string | null;
  stage: string;
  state: string;
  assignee: string;
  round: number;
}

interface ConfigEvent {
  id: string;
  at: string;
  actor: string;
  action: string;
  planId: string | null;
  comment: string | null;
  data: Record<string, unknown> | null;
}

/**
 * The scenario of a workflow changed mid-plan: a plan of the fixture is under way on version 1 of `tongket` when the Bloc adds
 * a pre-check by its Organisation Board (org_precheck: the root's reviewers btv.hung and btv.mai,
 * rule any) after committee_review, as version 2, and migrates the plan.
 */
describe('migrating a running plan to a version with org_precheck after committee_review', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;
  let v2: WorkflowDto;
  let migration: MigrationDto;
  let tasksBefore: TaskRow[];
  let startedAt: number;
  const id = (unit: string) => reports.get(unit)!.id;
  const DONE = ['BVNN-NOI', 'BVNN-NGOAI'];
  const AT_CONSOLIDATION = ['HLHPN-TC'];
  const AT_COMMITTEE = ['KBNN-KT', 'KBNN-TT', 'KBNN'];
  const AT_CELL = ['KBNN-VP'];
  const AT_DRAFTING = ['BVNN', 'HLHPN', 'HLHPN-TG'];

  const taskRows = async (): Promise<TaskRow[]> =>
    (
      await ctx.db.query<TaskRow>(
        `SELECT t.id, t.report_id, t.stage, t.state, u.username AS assignee, t.round FROM tasks t JOIN users u ON u.id = t.assignee_id
        WHERE t.plan_id = $1 ORDER BY t.id`,
        [plan.id],
      )
    ).rows;

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    // A second administrator, so the audit can tell who created the version from who migrated.
    await importOrg(ctx, {
      units: [],
      users: [{ username: 'qt.thu', fullName: 'Đinh Văn Thu', email: 'thu@example.vn', password: 'tongket-2019', roles: [{ unit: 'DUK', role: 'admin' }] }],
    });
    plan = await createPlan(ctx);
    await launchPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);

    // Two reports finished, one waiting at consolidation, three at committee_review, one at cell_approval, three drafting.
    await Promise.all(DONE.map((u) => toConsolidation(ctx, fixture, u, id(u))));
    await consolidate(ctx);
    await Promise.all(DONE.map((u) => waitForStage(ctx, id(u), 'done')));
    await toConsolidation(ctx, fixture, 'HLHPN-TC', id('HLHPN-TC'));
    await Promise.all([...AT_COMMITTEE.map((u) => toCommitteeReview(ctx, fixture, u, id(u))), ...AT_CELL.map((u) => toCellApproval(ctx, fixture, u, id(u)))]);
  }, 120_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('an admin adds org_precheck as version 2; version 1 stays readable and unchanged', async () => {
    const admin = await session(ctx, 'admin');
    v2 = await createVersion(ctx, insertAfter(TONGKET_V1, 'committee_review', ORG_PRECHECK));
    expect(v2.version).toBe(2);
    expect(v2.stages.map((s) => s.key)).toEqual(['drafting', 'cell_approval', 'committee_review', 'org_precheck', 'consolidation']);

    const latest = expectStatus(await admin.get('/api/workflows/tongket'), 200).body as WorkflowDto;
    expect(latest.version).toBe(2);
    expect(latest.stages.find((s) => s.key === 'org_precheck')).toMatchObject({
      kind: 'approval',
      role: 'reviewer',
      scope: 'root',
      rule: { type: 'any' },
      returnTo: 'drafting',
    });
    const v1 = expectStatus(await admin.get('/api/workflows/tongket?version=1'), 200).body as WorkflowDto;
    expect(v1.version).toBe(1);
    expect(v1.stages.map((s) => s.key)).toEqual(['drafting', 'cell_approval', 'committee_review', 'consolidation']);

    // The plan runs on the version it launched on until migrated.
    expect((await getPlan(ctx, plan.id)).workflowVersion).toBe(1);
    for (const report of reports.values()) expect((await getReport(ctx, report.id)).workflowVersion).toBe(1);
  });

  it('the migration runs as a queued job: every unfinished report visited once, finished ones left alone', async () => {
    tasksBefore = await taskRows();
    startedAt = Date.now();
    migration = await startMigration(ctx, plan.id, { toVersion: 2 }, 'qt.thu');
    expect(migration.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(['running', 'completed']).toContain(migration.status);
    expect(migration.total).toBe(reports.size - DONE.length);

    const done = await waitForMigration(ctx, migration.id);
    expect(done.migrated + done.untouched).toBe(done.total);
    expect(done.unmappable).toEqual([]);
    await waitFor(async () => (await getPlan(ctx, plan.id)).workflowVersion === 2, { what: 'plan on version 2' });

    const migrated = await migrateEvents(ctx, plan.id);
    const unfinished = [...reports.values()]
      .filter((r) => !DONE.includes(r.unitCode))
      .map((r) => r.id)
      .sort();
    expect(migrated.map((e) => e.report_id).sort()).toEqual(unfinished);
    for (const e of migrated) {
      expect(e).toMatchObject({ actor: 'qt.thu', data: { fromVersion: 1, toVersion: 2, migrationId: migration.id } });
      expect(e.to_stage).toBe(e.from_stage);
    }
  });

  it('reports already past org_precheck (consolidation, done) are untouched: same stage, no task created or cancelled', async () => {
    const after = await taskRows();
    for (const unit of [...DONE, ...AT_CONSOLIDATION]) {
      const report = await getReport(ctx, id(unit));
      expect({ unit, stage: report.stage }).toEqual({ unit, stage: DONE.includes(unit) ? 'done' : 'consolidation' });
      const mine = (rows: TaskRow[]) => rows.filter((t) => t.report_id === id(unit));
      expect({ unit, tasks: mine(after) }).toEqual({ unit, tasks: mine(tasksBefore) });
      expect((await events(ctx, id(unit))).filter((e) => e.action === 'transition' && e.toStage === 'org_precheck')).toEqual([]);
    }
    // Finished reports keep the version they finished on.
    for (const unit of DONE) expect((await getReport(ctx, id(unit))).workflowVersion).toBe(1);
    expect((await getReport(ctx, id('HLHPN-TC'))).workflowVersion).toBe(2);
    // The plan-wide consolidation round is the same task as before.
    expect(after.filter((t) => t.report_id === null)).toEqual(tasksBefore.filter((t) => t.report_id === null));
  });

  it('reports earlier than org_precheck keep their stage and their open tasks', async () => {
    const after = await taskRows();
    for (const unit of [...AT_COMMITTEE, ...AT_CELL, ...AT_DRAFTING]) {
      const report = await getReport(ctx, id(unit));
      const expected = AT_COMMITTEE.includes(unit) ? 'committee_review' : AT_CELL.includes(unit) ? 'cell_approval' : 'drafting';
      expect({ unit, stage: report.stage, version: report.workflowVersion }).toEqual({ unit, stage: expected, version: 2 });
      const mine = (rows: TaskRow[]) => rows.filter((t) => t.report_id === id(unit));
      expect({ unit, tasks: mine(after) }).toEqual({ unit, tasks: mine(tasksBefore) });
    }
    // Nothing new anywhere in the plan.
    expect(after.map((t) => t.id)).toEqual(tasksBefore.map((t) => t.id));
  });

  it('a report at committee_review, once approved, goes to org_precheck with tasks for btv.hung and btv.mai, then to consolidation', async () => {
    const kt = id('KBNN-KT');
    await approve(await session(ctx, 'kbnn.bithu'), kt, 'committee_review');
    await waitForStage(ctx, kt, 'org_precheck');
    const hung = await session(ctx, 'btv.hung');
    const mai = await session(ctx, 'btv.mai');
    const hungTask = await openTask(hung, kt, 'org_precheck');
    const maiTask = await openTask(mai, kt, 'org_precheck');
    expect(hungTask).toMatchObject({ kind: 'approval', state: 'open', unitCode: 'KBNN-KT' });
    const open = (await taskRows()).filter((t) => t.report_id === kt && t.state === 'open');
    expect(open.map((t) => [t.stage, t.assignee]).sort()).toEqual([
      ['org_precheck', 'btv.hung'],
      ['org_precheck', 'btv.mai'],
    ]);

    await approve(hung, kt, 'org_precheck');
    await waitForStage(ctx, kt, 'consolidation');
    await waitFor(async () => (await tasksOf(mai, 'cancelled')).some((t) => t.id === maiTask.id), { what: 'btv.mai’s org_precheck task cancelled' });

    const transitions = (await events(ctx, kt)).filter((e) => e.action === 'transition').map((e) => [e.fromStage, e.toStage]);
    expect(transitions.slice(-2)).toEqual([
      ['committee_review', 'org_precheck'],
      ['org_precheck', 'consolidation'],
    ]);
  });

  it('an upper committee’s report (reviewed by the same Bloc reviewers) also passes through org_precheck', async () => {
    const kbnn = id('KBNN');
    await approve(await session(ctx, 'btv.mai'), kbnn, 'committee_review');
    await waitForStage(ctx, kbnn, 'org_precheck');
    // A new round: both Bloc reviewers hold a fresh org_precheck task, not the cancelled committee_review one.
    await openTask(await session(ctx, 'btv.mai'), kbnn, 'org_precheck');
    await approve(await session(ctx, 'btv.hung'), kbnn, 'org_precheck');
    await waitForStage(ctx, kbnn, 'consolidation');
  });

  it('a report that was at cell_approval during the migration later passes through org_precheck too', async () => {
    const vp = id('KBNN-VP');
    await approve(await session(ctx, 'kbnn-vp.bithu'), vp, 'cell_approval');
    await waitForStage(ctx, vp, 'committee_review');
    await approve(await session(ctx, 'kbnn.capuy'), vp, 'committee_review');
    await waitForStage(ctx, vp, 'org_precheck');
    await approve(await session(ctx, 'btv.mai'), vp, 'org_precheck');
    await waitForStage(ctx, vp, 'consolidation');
  });

  it('the consolidation round open before the migration takes the reports that came through org_precheck', async () => {
    await consolidate(ctx);
    for (const unit of ['HLHPN-TC', 'KBNN-KT', 'KBNN', 'KBNN-VP']) await waitForStage(ctx, id(unit), 'done');
  });

  it('the configuration audit tells who created version 2 and who migrated the plan, and when', async () => {
    const admin = await session(ctx, 'admin');
    const read = async (query: string) => expectStatus(await admin.get(`/api/audit/configuration?${query}`), 200, query).body as ConfigEvent[];

    const versions = await read('action=workflow.version');
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ actor: 'admin', action: 'workflow.version', data: { key: 'tongket', version: 2 } });
    expect(Date.parse(versions[0].at)).toBeLessThanOrEqual(startedAt);

    const started = await read(`action=plan.migration_started&planId=${plan.id}`);
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ actor: 'qt.thu', planId: plan.id, data: { migrationId: migration.id, toVersion: 2 } });
    const migrated = await read(`action=plan.migrated&planId=${plan.id}`);
    expect(migrated).toHaveLength(1);
    expect(migrated[0]).toMatchObject({ actor: 'qt.thu', planId: plan.id, data: { migrationId: migration.id, toVersion: 2 } });
    expect(Date.parse(started[0].at)).toBeGreaterThanOrEqual(startedAt - 1_000);
    expect(Date.parse(migrated[0].at)).toBeGreaterThanOrEqual(Date.parse(started[0].at));
    expect(versions[0].at).toMatch(/[+-]\d\d:\d\d$|Z$/);

    // Filtered by actor: qt.thu migrated, and did nothing else of configuration here.
    const byThu = await read('actor=qt.thu');
    expect(byThu.map((e) => e.action).sort()).toEqual(['plan.migrated', 'plan.migration_started']);
    // Newest first; only configuration actions, never the work on reports.
    const all = await read('limit=1000');
    expect(all.map((e) => e.action)).toEqual(
      expect.arrayContaining(['workflow.version', 'plan.migration_started', 'plan.migrated', 'plan.create', 'plan.launch_requested', 'org.import']),
    );
    expect(all.filter((e) => ['approve', 'transition', 'migrate', 'submit'].includes(e.action))).toEqual([]);
    expect(all.map((e) => Number(e.id))).toEqual([...all.map((e) => Number(e.id))].sort((a, b) => b - a));
    expect(await read('limit=2')).toHaveLength(2);

    // Versions listed with who made them.
    const list = expectStatus(await admin.get('/api/workflows/tongket/versions'), 200).body as WorkflowDto[];
    expect(list.map((w) => [w.version, w.createdBy ?? null])).toEqual([
      [2, 'admin'],
      [1, null],
    ]);
  });

  it('the configuration audit is for administrators only', async () => {
    for (const username of ['btv.hung', 'tgv.lan', 'kbnn-kt.soanthao']) {
      const res = await (await session(ctx, username)).get('/api/audit/configuration');
      expect({ username, status: res.status }).toEqual({ username, status: 403 });
    }
    expect((await ctx.http.get('/api/audit/configuration')).status).toBe(401);
  });
});
