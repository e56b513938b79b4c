import { expectStatus, forgetSession, session, Session } from './support/api';
import { collections, hanoiIn, planEvents, waitForCollected } from './support/consolidation';
import { createPlan, getPlan, importFixture, importOrg, launchPlan, reportsByUnit, waitForStage } from './support/factories';
import { Fixture, FixtureUser } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { decidePlanTask, figuresOf, fixtureToConsolidation, openPlanTask, openPlanTasks } from './support/plan-tasks';
import { PlanDto, ReportDto } from './support/types';
import { holdsFor, waitFor } from './kit/poll';
import { createVersion, TONGKET_V1 } from './support/workflows';

interface PlanStageDto {
  stage: string;
  round: number;
  state: 'not_started' | 'open' | 'deciding' | 'unassigned' | 'done';
  openTasks: number;
  votes: number;
  eligible: number;
  reason: { vi: string; en: string } | null;
}

interface ProgressDto {
  status: string;
  byStage: Record<string, number>;
  planStages: PlanStageDto[];
  unassigned: { level: 'report' | 'plan'; unitCode: string; reportId: string | null; stage: string; eligible?: number; reason?: { vi: string; en: string } }[];
}

const user = (username: string, fullName: string, roles: FixtureUser['roles'] = []): FixtureUser => ({
  username,
  fullName,
  email: `${username}@example.vn`,
  password: 'tongket-2019',
  roles,
});

/**
 * Two small plans of the sample tree, each rooted at a Party body so that its own people act at
 * the plan level: KBNN has nobody in its working group (no consolidator) and two reviewers (its
 * Standing Committee); BVNN gets a consolidator and has a single reviewer. Roles change while their
 * consolidation rounds and root approvals are open.
 */
describe('plan-level stages follow role changes: the working group’s round and the Standing Committee’s approval', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let admin: Session;
  let kbnnPlan: PlanDto;
  let bvnnPlan: PlanDto;
  let kbnnReports: Map<string, ReportDto>;
  let hlhpnPlan: PlanDto;
  let hlhpnReports: Map<string, ReportDto>;
  const ahead = hanoiIn(5 * 86_400_000);
  const cutOff = hanoiIn(10 * 86_400_000);

  const putRoles = async (username: string, roles: FixtureUser['roles']) => {
    const answer = expectStatus(await admin.put(`/api/users/${username}/roles`).send({ roles }), 200, `roles of ${username}`).body as { tasksCreated: number };
    forgetSession(ctx, username); // a removed role ends the person's sessions
    return answer;
  };
  const progress = async (planId: string) => expectStatus(await admin.get(`/api/plans/${planId}/progress`), 200, 'progress').body as ProgressDto;
  const planStage = async (planId: string, stage: string) => (await progress(planId)).planStages.find((s) => s.stage === stage)!;
  const taskRow = async (taskId: string) =>
    (
      await ctx.db.query<{ state: string; round: number; due_at: Date | null; applied: boolean }>(
        `SELECT state, round, due_at, applied_at IS NOT NULL AS applied FROM tasks WHERE id = $1`,
        [taskId],
      )
    ).rows[0];

  /** Launches a plan rooted at `root` and brings every report below it to consolidation. */
  async function planAtConsolidation(root: string, workflow?: string): Promise<{ plan: PlanDto; reports: Map<string, ReportDto> }> {
    const stages = { drafting: ahead, cell_approval: ahead, committee_review: ahead, consolidation: cutOff };
    const plan = await createPlan(ctx, {
      rootUnit: root,
      deadlines: { cell: stages, grassroots: stages, upper: stages },
      reminders: { before: ['P1D'] },
      ...(workflow ? { workflow } : {}),
    });
    await launchPlan(ctx, plan.id);
    const reports = await reportsByUnit(ctx, plan.id);
    await Promise.all([...reports.entries()].map(([unit, report], i) => fixtureToConsolidation(ctx, fixture, unit, report.id, figuresOf(i))));
    await waitForCollected(ctx, plan.id, root);
    return { plan, reports };
  }

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    // People without a role yet, to be given one while the plans run; BVNN’s working group from the start.
    await importOrg(ctx, {
      units: [],
      users: [
        user('kbnn.tgv', 'Đinh Thị Thu'),
        user('kbnn.tgv2', 'Phan Văn Khải'),
        user('kbnn.uv3', 'Vũ Thị Yến'),
        user('bvnn.tgv', 'Ngô Văn Tâm', [{ unit: 'BVNN', role: 'consolidator' }]),
        user('bvnn.uv2', 'Hà Thị Nga'),
        user('hlhpn.tgv1', 'Lý Thị Hoa', [{ unit: 'HLHPN', role: 'consolidator' }]),
        user('hlhpn.tgv2', 'Mai Văn Đức', [{ unit: 'HLHPN', role: 'consolidator' }]),
      ],
    });
    admin = await session(ctx, 'admin');
    // HLHPN's working group consolidates only when all of its members have (rule all).
    await createVersion(
      ctx,
      TONGKET_V1.map((s) => (s.kind === 'consolidation' ? { ...s, rule: { type: 'all' } } : s)),
      'tongket_all',
    );
    [{ plan: kbnnPlan, reports: kbnnReports }, { plan: bvnnPlan }, { plan: hlhpnPlan, reports: hlhpnReports }] = await Promise.all([
      planAtConsolidation('KBNN'),
      planAtConsolidation('BVNN'),
      planAtConsolidation('HLHPN', 'tongket_all'),
    ]);
  }, 120_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('KBNN has no consolidator: its consolidation is audited and shown unassigned in the progress, nobody eligible', async () => {
    await waitFor(async () => (await planEvents(ctx, kbnnPlan.id, 'stage_unassigned')).some((e) => e.to_stage === 'consolidation'), {
      what: 'stage_unassigned of the consolidation',
    });
    const consolidation = await waitFor(
      async () => {
        const stage = await planStage(kbnnPlan.id, 'consolidation');
        return stage.state === 'unassigned' ? stage : undefined;
      },
      { what: 'consolidation unassigned in the progress' },
    );
    expect(consolidation).toMatchObject({
      openTasks: 0,
      votes: 0,
      eligible: 0,
      reason: {
        vi: 'Không có ai giữ vai trò tổ giúp việc (tổng hợp) tại đơn vị gốc để tổng hợp báo cáo',
        en: 'Nobody holds the consolidator role at the root unit to consolidate the reports',
      },
    });
    const body = await progress(kbnnPlan.id);
    expect(body.byStage).toEqual({ consolidation: 3 });
    expect(body.planStages.find((s) => s.stage === 'root_approval')).toMatchObject({ state: 'not_started', eligible: 2, reason: null });
    expect(body.unassigned).toEqual([
      { level: 'plan', unitCode: 'KBNN', reportId: null, stage: 'consolidation', round: consolidation.round, eligible: 0, reason: consolidation.reason },
    ]);
  });

  it('giving someone the consolidator role at KBNN opens the round: they get the task, with the deadline, audited', async () => {
    expect((await putRoles('kbnn.tgv', [{ unit: 'KBNN', role: 'consolidator' }])).tasksCreated).toBe(1);
    const task = await openPlanTask(await session(ctx, 'kbnn.tgv'), kbnnPlan.id, 'consolidation');
    expect(task).toMatchObject({ kind: 'consolidation', unitCode: 'KBNN', state: 'open', reportId: null });
    expect(Date.parse(task.dueAt!)).toBe(Date.parse(cutOff));
    expect(await planStage(kbnnPlan.id, 'consolidation')).toMatchObject({ state: 'open', openTasks: 1, eligible: 1, reason: null });
    expect((await progress(kbnnPlan.id)).unassigned).toEqual([]);
    const assigned = await planEvents(ctx, kbnnPlan.id, 'assignment');
    expect(assigned.map((e) => [e.actor, e.to_stage])).toEqual([['admin', 'consolidation']]);
    expect(assigned[0].comment).toContain('Mở vòng tổng hợp');
  });

  it('consolidators change while the round is open: a new one joins it, the removed ones’ tasks are cancelled, nobody left shows in the progress', async () => {
    const tgv = await openPlanTask(await session(ctx, 'kbnn.tgv'), kbnnPlan.id, 'consolidation');
    expect((await putRoles('kbnn.tgv2', [{ unit: 'KBNN', role: 'consolidator' }])).tasksCreated).toBe(1);
    const tgv2 = await openPlanTask(await session(ctx, 'kbnn.tgv2'), kbnnPlan.id, 'consolidation');
    expect((await taskRow(tgv2.id)).round).toBe((await taskRow(tgv.id)).round);
    expect(tgv2.dueAt).toBe(tgv.dueAt);

    await putRoles('kbnn.tgv', []);
    expect((await taskRow(tgv.id)).state).toBe('cancelled');
    expect(await planStage(kbnnPlan.id, 'consolidation')).toMatchObject({ state: 'open', openTasks: 1, eligible: 1 });

    await putRoles('kbnn.tgv2', []);
    expect((await taskRow(tgv2.id)).state).toBe('cancelled');
    expect(await planStage(kbnnPlan.id, 'consolidation')).toMatchObject({ state: 'unassigned', eligible: 0 });
    const unassigned = await planEvents(ctx, kbnnPlan.id, 'stage_unassigned');
    expect(unassigned.filter((e) => e.actor === 'admin').map((e) => e.from_stage)).toEqual(['consolidation']);
    expect((await progress(kbnnPlan.id)).byStage).toEqual({ consolidation: 3 });

    // Back in the role: a fresh round, a fresh task.
    expect((await putRoles('kbnn.tgv', [{ unit: 'KBNN', role: 'consolidator' }])).tasksCreated).toBe(1);
    const again = await openPlanTask(await session(ctx, 'kbnn.tgv'), kbnnPlan.id, 'consolidation');
    expect(again.id).not.toBe(tgv.id);
  });

  it('completing the consolidation moves KBNN’s reports to done and sends it to both KBNN reviewers', async () => {
    await decidePlanTask(await session(ctx, 'kbnn.tgv'), kbnnPlan.id, 'consolidation', 'approve');
    await Promise.all([...kbnnReports.values()].map((r) => waitForStage(ctx, r.id, 'done')));
    for (const member of ['kbnn.bithu', 'kbnn.capuy']) await openPlanTask(await session(ctx, member), kbnnPlan.id, 'root_approval');
    expect(await planStage(kbnnPlan.id, 'consolidation')).toMatchObject({ state: 'done' });
    expect(await planStage(kbnnPlan.id, 'root_approval')).toMatchObject({ state: 'open', openTasks: 2, eligible: 2 });
  });

  it('a third member of KBNN’s committee added while the approval is open gets a task in the same round; removed before voting, it is cancelled', async () => {
    const bithu = await openPlanTask(await session(ctx, 'kbnn.bithu'), kbnnPlan.id, 'root_approval');
    expect((await putRoles('kbnn.uv3', [{ unit: 'KBNN', role: 'reviewer' }])).tasksCreated).toBe(1);
    const uv3 = await openPlanTask(await session(ctx, 'kbnn.uv3'), kbnnPlan.id, 'root_approval');
    expect((await taskRow(uv3.id)).round).toBe((await taskRow(bithu.id)).round);
    expect(uv3.dueAt).toBe(bithu.dueAt);
    expect(await planStage(kbnnPlan.id, 'root_approval')).toMatchObject({ state: 'open', openTasks: 3, eligible: 3 });
    expect((await planEvents(ctx, kbnnPlan.id, 'assignment')).filter((e) => e.to_stage === 'root_approval')).toHaveLength(1);

    await putRoles('kbnn.uv3', []);
    expect((await taskRow(uv3.id)).state).toBe('cancelled');
    expect((await getPlan(ctx, kbnnPlan.id)).status).toBe('launched');
    expect(await planStage(kbnnPlan.id, 'root_approval')).toMatchObject({ state: 'open', openTasks: 2, eligible: 2 });
  });

  it('one of two approved; the other, who has not voted, leaves the committee: 1 of the remaining 1 is a majority and the plan completes', async () => {
    const capuy = await openPlanTask(await session(ctx, 'kbnn.capuy'), kbnnPlan.id, 'root_approval');
    const bithu = await decidePlanTask(await session(ctx, 'kbnn.bithu'), kbnnPlan.id, 'root_approval', 'approve');
    await waitFor(async () => (await taskRow(bithu.id)).applied, { what: 'kbnn.bithu’s approval applied' });
    await holdsFor(async () => (await getPlan(ctx, kbnnPlan.id)).status === 'launched', { forMs: 500, what: 'plan open at 1 of 2' });

    await putRoles('kbnn.capuy', [{ unit: 'KBNN', role: 'approver' }]);
    expect((await taskRow(capuy.id)).state).toBe('cancelled');
    // Decided in the role change's own transaction: complete as soon as the answer is back.
    expect((await getPlan(ctx, kbnnPlan.id)).status).toBe('completed');
    // The vote cast decides, as when it was applied; the role change that made it decisive is audited beside it.
    expect((await planEvents(ctx, kbnnPlan.id, 'plan.completed')).map((e) => e.actor)).toEqual(['kbnn.bithu']);
    const redecided = await planEvents(ctx, kbnnPlan.id, 'root_approval.redecided');
    expect(redecided.map((e) => [e.actor, e.data])).toEqual([['admin', { round: (await taskRow(bithu.id)).round, outcome: 'plan-completed' }]]);
    expect((await collections(ctx, kbnnPlan.id)).get('KBNN')!.status).toBe('approved');
    expect(await planStage(kbnnPlan.id, 'root_approval')).toMatchObject({ state: 'done' });
    expect(await openPlanTasks(await session(ctx, 'kbnn.capuy'), kbnnPlan.id)).toEqual([]);
  });

  it('BVNN’s only committee member leaves during root approval: audited and shown unassigned; a new member gets the task and completes the plan', async () => {
    await decidePlanTask(await session(ctx, 'bvnn.tgv'), bvnnPlan.id, 'consolidation', 'approve');
    const bithu = await openPlanTask(await session(ctx, 'bvnn.bithu'), bvnnPlan.id, 'root_approval');

    await putRoles('bvnn.bithu', [
      { unit: 'BVNN', role: 'approver' },
      { unit: 'BVNN', role: 'drafter' },
    ]);
    expect((await taskRow(bithu.id)).state).toBe('cancelled');
    const stage = await planStage(bvnnPlan.id, 'root_approval');
    expect(stage).toMatchObject({
      state: 'unassigned',
      openTasks: 0,
      eligible: 0,
      reason: { en: 'Nobody holds the reviewer role at the root unit (Standing Committee) to approve the consolidated report' },
    });
    const body = await progress(bvnnPlan.id);
    expect(body.unassigned.map((u) => [u.level, u.unitCode, u.stage, u.eligible])).toEqual([['plan', 'BVNN', 'root_approval', 0]]);
    expect(body.status).toBe('launched');
    expect((await planEvents(ctx, bvnnPlan.id, 'stage_unassigned')).map((e) => [e.actor, e.from_stage])).toEqual([['admin', 'root_approval']]);

    expect((await putRoles('bvnn.uv2', [{ unit: 'BVNN', role: 'reviewer' }])).tasksCreated).toBe(1);
    const uv2 = await openPlanTask(await session(ctx, 'bvnn.uv2'), bvnnPlan.id, 'root_approval');
    expect((await taskRow(uv2.id)).round).toBe((await taskRow(bithu.id)).round);
    expect((await progress(bvnnPlan.id)).unassigned).toEqual([]);
    await decidePlanTask(await session(ctx, 'bvnn.uv2'), bvnnPlan.id, 'root_approval', 'approve');
    await waitFor(async () => (await getPlan(ctx, bvnnPlan.id)).status === 'completed', { what: 'BVNN plan completed' });
    expect((await planEvents(ctx, bvnnPlan.id, 'plan.completed')).map((e) => e.actor)).toEqual(['bvnn.uv2']);
  });

  it('HLHPN’s working group decides by all: one has consolidated, the other leaves before doing so, and the vote cast decides at once', async () => {
    const tgv2 = await openPlanTask(await session(ctx, 'hlhpn.tgv2'), hlhpnPlan.id, 'consolidation');
    const tgv1 = await decidePlanTask(await session(ctx, 'hlhpn.tgv1'), hlhpnPlan.id, 'consolidation', 'approve');
    await waitFor(async () => (await taskRow(tgv1.id)).applied, { what: 'hlhpn.tgv1’s consolidation applied' });
    await holdsFor(async () => (await progress(hlhpnPlan.id)).byStage.consolidation === 2, { forMs: 500, what: 'HLHPN reports waiting at 1 of 2' });

    await putRoles('hlhpn.tgv2', []);
    expect((await taskRow(tgv2.id)).state).toBe('cancelled');
    // Decided in the role change's transaction: the reports are done when the answer is back.
    expect((await progress(hlhpnPlan.id)).byStage).toEqual({ done: 2 });
    for (const report of hlhpnReports.values()) await waitForStage(ctx, report.id, 'done');
    expect((await planEvents(ctx, hlhpnPlan.id, 'consolidate')).map((e) => e.actor)).toEqual(['hlhpn.tgv1']);
    expect((await planEvents(ctx, hlhpnPlan.id, 'consolidation.redecided')).map((e) => [e.actor, e.data?.outcome])).toEqual([['admin', 'consolidated']]);
    await openPlanTask(await session(ctx, 'hlhpn.bithu'), hlhpnPlan.id, 'root_approval');
    expect(await planStage(hlhpnPlan.id, 'root_approval')).toMatchObject({ state: 'open', openTasks: 1, eligible: 1 });
  });
});
