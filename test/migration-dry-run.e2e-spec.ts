import { expectStatus, session } from './support/api';
import { approve, createPlan, events, getPlan, getReport, importFixture, launchPlan, openTask, reportsByUnit, waitForStage } from './support/factories';
import { consolidate, toCellApproval, toCommitteeReview, toConsolidation } from './support/drive';
import { Case, expectStatuses } from './support/expect-statuses';
import { Fixture } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { PlanDto, ReportDto } from './support/types';
import { holdsFor, waitFor } from './kit/poll';
import {
  createVersion,
  migrateEvents,
  MigrationDto,
  planState,
  previewMigration,
  PreviewDto,
  StageDef,
  startMigration,
  TONGKET_V1,
  waitForMigration,
} from './support/workflows';

/**
 * Version 2 changes three things at once: cell_approval needs one approver instead of a majority (the
 * rule changes, so the stage is decided again), committee_review is renamed upper_review (a report
 * there must be mapped, and moves: its tasks are cancelled and the new stage's created), and the rest
 * is the same (reports there are unchanged).
 */
const V2: StageDef[] = TONGKET_V1.map((s) =>
  s.key === 'cell_approval'
    ? { ...s, rule: { type: 'any' } }
    : s.key === 'committee_review'
      ? { ...s, key: 'upper_review', name: 'Cấp ủy cấp trên xem xét' }
      : { ...s },
);
const STAGE_MAP = { committee_review: 'upper_review' };

describe('a migration’s dry run changes nothing and tells what the real run then does', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let draftPlan: PlanDto;
  let reports: Map<string, ReportDto>;
  let preview: PreviewDto;
  let openTasksBefore: { id: string; report_id: string; stage: string; assignee: string }[];
  const id = (unit: string) => reports.get(unit)!.id;
  const row = (unit: string) => preview.reports.find((r) => r.unitCode === unit)!;

  const openTaskRows = async () =>
    (
      await ctx.db.query<{ id: string; report_id: string; stage: string; assignee: string }>(
        `SELECT t.id, t.report_id, t.stage, u.username AS assignee FROM tasks t JOIN users u ON u.id = t.assignee_id
        WHERE t.plan_id = $1 AND t.state = 'open' ORDER BY t.id`,
        [plan.id],
      )
    ).rows;

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    plan = await createPlan(ctx);
    await launchPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);
    await toConsolidation(ctx, fixture, 'BVNN-NGOAI', id('BVNN-NGOAI'));
    await consolidate(ctx);
    await waitForStage(ctx, id('BVNN-NGOAI'), 'done');
    await Promise.all([
      toConsolidation(ctx, fixture, 'BVNN-NOI', id('BVNN-NOI')),
      toCommitteeReview(ctx, fixture, 'KBNN-TT', id('KBNN-TT')),
      toCommitteeReview(ctx, fixture, 'HLHPN', id('HLHPN')),
      toCellApproval(ctx, fixture, 'KBNN-VP', id('KBNN-VP')),
      toCellApproval(ctx, fixture, 'KBNN-KT', id('KBNN-KT')),
    ]);
    // One of KBNN-KT's two approvers has approved: pending under "majority", enough under "any".
    const task = await approve(await session(ctx, 'kbnn-kt.bithu'), id('KBNN-KT'), 'cell_approval');
    await waitFor(async () => (await ctx.db.query(`SELECT 1 FROM tasks WHERE id = $1 AND applied_at IS NOT NULL`, [task.id])).rowCount === 1, {
      what: 'the first KBNN-KT approval applied',
    });
    // Created (not launched) while version 1 is current: its deadlines name v1's stages.
    draftPlan = await createPlan(ctx);
    const v2 = await createVersion(ctx, V2);
    expect(v2.version).toBe(2);
  }, 120_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('without a stage map, the reports at the renamed stage are listed as unmappable, with the reason', async () => {
    const before = await planState(ctx, plan.id);
    const result = await previewMigration(ctx, plan.id, { toVersion: 2 });
    expect(result.dryRun).toBe(true);
    expect(result.unmappable.map((u) => [u.unitCode, u.stage]).sort()).toEqual([
      ['HLHPN', 'committee_review'],
      ['KBNN-TT', 'committee_review'],
    ]);
    for (const u of result.unmappable) {
      expect(u.reportId).toBe(id(u.unitCode));
      expect(u.reason).toEqual(expect.stringContaining('committee_review'));
    }
    expect(result.reports.map((r) => r.unitCode)).not.toContain('KBNN-TT');
    expect(await planState(ctx, plan.id)).toEqual(before);
  });

  it('with the stage map, the preview tells each report’s new stage, the tasks cancelled and created; nothing changes', async () => {
    const before = await planState(ctx, plan.id);
    openTasksBefore = await openTaskRows();
    preview = await previewMigration(ctx, plan.id, { toVersion: 2, stageMap: STAGE_MAP });
    expect(preview.unmappable).toEqual([]);
    expect(preview.reports.map((r) => r.unitCode).sort()).toEqual([...reports.keys()].sort());
    for (const r of preview.reports) {
      expect(r.reportId).toBe(id(r.unitCode));
      expect(r.fromVersion).toBe(1);
    }

    expect(row('BVNN-NGOAI')).toMatchObject({ fromStage: 'done', action: 'finished', cancelTasks: [], createTasks: [] });
    expect(row('BVNN-NOI')).toMatchObject({ fromStage: 'consolidation', toStage: 'consolidation', action: 'unchanged', cancelTasks: [], createTasks: [] });
    for (const unit of ['BVNN', 'HLHPN-TC', 'HLHPN-TG', 'KBNN']) {
      expect(row(unit)).toMatchObject({ fromStage: 'drafting', toStage: 'drafting', action: 'unchanged', cancelTasks: [], createTasks: [] });
    }
    // Decided again on its votes: KBNN-VP (no vote yet) stays; KBNN-KT's one approval of two meets "any",
    // so the run moves it on to upper_review, cancelling the other approver's task.
    expect(row('KBNN-VP')).toMatchObject({
      fromStage: 'cell_approval',
      toStage: 'cell_approval',
      action: 'redecide',
      outcome: 'pending',
      cancelTasks: [],
      createTasks: [],
    });
    const kt = row('KBNN-KT');
    expect(kt).toMatchObject({ fromStage: 'cell_approval', toStage: 'upper_review', action: 'redecide', outcome: 'approved' });
    const ktOpen = openTasksBefore.filter((t) => t.report_id === id('KBNN-KT'));
    expect(ktOpen.map((t) => t.assignee)).toEqual(['kbnn-kt.capuy']);
    expect(kt.cancelTasks.map((t) => [t.taskId, t.assignee, t.stage])).toEqual(ktOpen.map((t) => [t.id, t.assignee, 'cell_approval']));
    expect(kt.createTasks.map((t) => [t.assignee, t.role, t.stage]).sort()).toEqual([
      ['kbnn.bithu', 'reviewer', 'upper_review'],
      ['kbnn.capuy', 'reviewer', 'upper_review'],
    ]);
    const reviewers: Record<string, string[]> = { 'KBNN-TT': ['kbnn.bithu', 'kbnn.capuy'], HLHPN: ['btv.hung', 'btv.mai'] };
    for (const [unit, people] of Object.entries(reviewers)) {
      const r = row(unit);
      expect(r).toMatchObject({ fromStage: 'committee_review', toStage: 'upper_review', action: 'move' });
      const open = openTasksBefore.filter((t) => t.report_id === id(unit));
      expect(r.cancelTasks.map((t) => [t.taskId, t.assignee, t.stage]).sort()).toEqual(open.map((t) => [t.id, t.assignee, t.stage]).sort());
      expect(r.cancelTasks.map((t) => t.assignee).sort()).toEqual(people);
      expect(r.createTasks.map((t) => [t.assignee, t.role, t.stage]).sort()).toEqual(people.map((p) => [p, 'reviewer', 'upper_review']));
    }

    // Reports, tasks, audit events, the plan and its migrations are exactly as they were.
    expect(await planState(ctx, plan.id)).toEqual(before);
    expect((await getPlan(ctx, plan.id)).workflowVersion).toBe(1);
  });

  it('refuses what cannot run: unknown version or stage map (422), a plan not launched (409)', async () => {
    const admin = await session(ctx, 'admin');
    const path = `/api/plans/${plan.id}/migrations`;
    const cases: Case[] = [
      { what: 'toVersion 99', send: () => admin.post(path).send({ toVersion: 99, dryRun: true }), status: 422 },
      { what: 'toVersion 99 (real)', send: () => admin.post(path).send({ toVersion: 99 }), status: 422 },
      {
        what: 'stageMap to a stage v2 lacks',
        send: () => admin.post(path).send({ toVersion: 2, stageMap: { committee_review: 'nowhere' }, dryRun: true }),
        status: 422,
      },
      { what: 'stageMap from a stage no version has', send: () => admin.post(path).send({ toVersion: 2, stageMap: { bogus: 'drafting' } }), status: 422 },
      { what: 'a plan not launched', send: () => admin.post(`/api/plans/${draftPlan.id}/migrations`).send({ toVersion: 2 }), status: 409 },
    ];
    const before = await planState(ctx, plan.id);
    await expectStatuses(cases);
    const res = await admin.post(path).send({ toVersion: 2, stageMap: { committee_review: 'nowhere', bogus: 'drafting' }, dryRun: true });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('nowhere');
    expect(JSON.stringify(res.body)).toContain('bogus');
    expect(await planState(ctx, plan.id)).toEqual(before);
  });

  it('the real run does what the preview said, report by report', async () => {
    const migration: MigrationDto = await startMigration(ctx, plan.id, { toVersion: 2, stageMap: STAGE_MAP });
    const done = await waitForMigration(ctx, migration.id);
    const active = preview.reports.filter((r) => r.action !== 'finished');
    expect(done.total).toBe(active.length);
    expect(done.migrated + done.untouched).toBe(active.length);
    expect(done.untouched).toBe(active.filter((r) => r.action === 'unchanged').length);
    expect(done.unmappable).toEqual([]);

    // One 'migrate' event per report, carrying the preview's action and stages; a re-decided report is
    // migrated at its stage, and the decision that follows moves it where the preview said.
    const migrated = await migrateEvents(ctx, plan.id);
    expect(migrated.map((e) => [e.report_id, e.from_stage, e.to_stage, e.data.action]).sort()).toEqual(
      active.map((r) => [r.reportId, r.fromStage, r.action === 'redecide' ? r.fromStage : r.toStage, r.action]).sort(),
    );

    for (const r of preview.reports.filter((p) => p.action === 'move' || (p.action === 'redecide' && p.toStage !== p.fromStage))) {
      await waitForStage(ctx, r.reportId, r.toStage!);
      const { rows } = await ctx.db.query<{ id: string; state: string; stage: string; assignee: string }>(
        `SELECT t.id, t.state, t.stage, u.username AS assignee FROM tasks t JOIN users u ON u.id = t.assignee_id WHERE t.report_id = $1`,
        [r.reportId],
      );
      for (const c of r.cancelTasks)
        expect({ unit: r.unitCode, task: c.taskId, state: rows.find((t) => t.id === c.taskId)?.state }).toEqual({
          unit: r.unitCode,
          task: c.taskId,
          state: 'cancelled',
        });
      expect(
        rows
          .filter((t) => t.state === 'open')
          .map((t) => [t.assignee, t.stage])
          .sort(),
      ).toEqual(r.createTasks.map((c) => [c.assignee, c.stage]).sort());
      expect((await getReport(ctx, r.reportId)).workflowVersion).toBe(2);
    }
    for (const r of preview.reports.filter((p) => p.action === 'unchanged')) {
      const report = await getReport(ctx, r.reportId);
      expect({ unit: r.unitCode, stage: report.stage, version: report.workflowVersion }).toEqual({ unit: r.unitCode, stage: r.fromStage, version: 2 });
      const open = (await openTaskRows()).filter((t) => t.report_id === r.reportId);
      expect(open).toEqual(openTasksBefore.filter((t) => t.report_id === r.reportId));
    }
    expect((await getReport(ctx, id('BVNN-NGOAI'))).stage).toBe('done');
    await waitFor(async () => (await getPlan(ctx, plan.id)).workflowVersion === 2, { what: 'plan on version 2' });
  });

  it('a stage whose rule changed is decided again: 1 of 2 approvals meets "any", so KBNN-KT moves on; KBNN-VP (no vote) waits', async () => {
    const kt = id('KBNN-KT');
    await waitForStage(ctx, kt, 'upper_review');
    await openTask(await session(ctx, 'kbnn.bithu'), kt, 'upper_review');
    await openTask(await session(ctx, 'kbnn.capuy'), kt, 'upper_review');
    const capuy = await session(ctx, 'kbnn-kt.capuy');
    await waitFor(async () => (await capuy.get(`/api/tasks?state=cancelled`)).body.some((t: { reportId: string }) => t.reportId === kt), {
      what: 'kbnn-kt.capuy’s cell_approval task cancelled when the stage resolved',
    });
    const trail = await events(ctx, kt);
    expect(
      trail
        .filter((e) => e.action === 'transition')
        .map((e) => [e.fromStage, e.toStage])
        .slice(-1),
    ).toEqual([['cell_approval', 'upper_review']]);

    const vp = id('KBNN-VP');
    await holdsFor(async () => (await getReport(ctx, vp)).stage === 'cell_approval', { forMs: 1_000, what: 'KBNN-VP in cell_approval' });
    await openTask(await session(ctx, 'kbnn-vp.bithu'), vp, 'cell_approval');
    expectStatus(await (await session(ctx, 'admin')).get(`/api/reports/${vp}`), 200);
  });
});
