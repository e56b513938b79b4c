import { randomBytes } from 'node:crypto';
import { expectStatus, session, Session } from './support/api';
import { planEvents } from './support/consolidation';
import { consolidate, toConsolidation } from './support/drive';
import { createPlan, getPlan, importFixture, launchPlan, reportsByUnit, waitForStage } from './support/factories';
import { Fixture, holders, loadFixture } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { decidePlanTask } from './support/plan-tasks';
import { PlanDto } from './support/types';
import { waitFor } from './kit/poll';

/**
 * The Standing Committee of the fixture's root (DUK: btv.hung and btv.mai hold its reviewer role)
 * decides the consolidated report by the rule the plan chose at creation, majority when it chose
 * none. The plans run one after the other: the working group's task that `consolidate` completes is
 * the one open, whichever plan it belongs to.
 */
describe('the Standing Committee decides by the plan’s rootApproval rule', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let admin: Session;
  const committee = () => holders(fixture, 'DUK', 'reviewer');

  const planCount = async () => (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM plans`)).rows[0].n;
  const rootApprovalTasks = async (planId: string) =>
    (
      await ctx.db.query<{ username: string; state: string; applied: boolean }>(
        `SELECT u.username, t.state, t.applied_at IS NOT NULL AS applied FROM tasks t JOIN users u ON u.id = t.assignee_id
        WHERE t.plan_id = $1 AND t.stage = 'root_approval' ORDER BY u.username`,
        [planId],
      )
    ).rows;

  /** The fixture plan under a new code, with the Standing Committee's rule given. */
  const createPlanWithRule = async (rootApproval: { type: string; min?: number }) =>
    expectStatus(
      await admin
        .post('/api/plans')
        .send({ ...loadFixture().plan, code: `${randomBytes(3).toString('hex').toUpperCase()}-KH/ĐUK`, rootApproval, confirmDeadlines: true }),
      201,
      'create plan',
    ).body as PlanDto;

  /** Launches the plan, brings one report to consolidation and has the working group consolidate. */
  async function toRootApproval(plan: PlanDto): Promise<void> {
    await launchPlan(ctx, plan.id);
    const report = (await reportsByUnit(ctx, plan.id)).get('BVNN-NGOAI')!;
    await toConsolidation(ctx, fixture, 'BVNN-NGOAI', report.id);
    await consolidate(ctx);
    await waitForStage(ctx, report.id, 'done');
    await waitFor(async () => (await rootApprovalTasks(plan.id)).length === 2, { what: 'two root approval tasks' });
  }

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    admin = await session(ctx, 'admin');
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('the fixture’s root has a committee of two', () => {
    expect(committee().sort()).toEqual(['btv.hung', 'btv.mai']);
  });

  it('refuses a rule that does not hold together with 400 naming rootApproval, and creates nothing', async () => {
    const before = await planCount();
    const cases: [unknown, string][] = [
      [{ type: 'quorum' }, 'rootApproval.min'],
      [{ type: 'quorum', min: 0 }, 'rootApproval.min'],
      [{ type: 'quorum', min: 1.5 }, 'rootApproval.min'],
      [{ type: 'any', min: 1 }, 'rootApproval.min only applies to a quorum rule'],
      [{ type: 'most' }, 'rootApproval.type'],
      ['majority', 'rootApproval'],
    ];
    for (const [i, [rootApproval, named]] of cases.entries()) {
      const code = `RULE-${i}-KH/ĐUK`;
      const res = await admin.post('/api/plans').send({ ...loadFixture().plan, code, rootApproval });
      expect({ rootApproval, status: res.status }).toEqual({ rootApproval, status: 400 });
      expect(JSON.stringify(res.body.message)).toContain(named);
      expect((await ctx.db.query(`SELECT 1 FROM plans WHERE code = $1`, [code])).rows).toEqual([]);
    }
    expect(await planCount()).toBe(before);
    const { rows } = await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'plan.create' AND data->>'code' LIKE 'RULE-%'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('GET shows the effective rule: the plan’s own, majority when it chose none (stored as NULL); plan.create records it', async () => {
    const quorum = await createPlanWithRule({ type: 'quorum', min: 3 });
    expect(quorum.rootApproval).toEqual({ type: 'quorum', min: 3 });
    expect((await getPlan(ctx, quorum.id)).rootApproval).toEqual({ type: 'quorum', min: 3 });

    const plain = await createPlan(ctx);
    expect(plain.rootApproval).toEqual({ type: 'majority' });
    expect((await getPlan(ctx, plain.id)).rootApproval).toEqual({ type: 'majority' });
    const { rows } = await ctx.db.query<{ code: string; root_approval_rule: unknown }>(
      `SELECT code, root_approval_rule FROM plans WHERE id = ANY($1::uuid[]) ORDER BY code`,
      [[quorum.id, plain.id]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.code, r.root_approval_rule]))).toEqual({ [quorum.code]: { type: 'quorum', min: 3 }, [plain.code]: null });

    // Both are the sample's plan of 2019: its past deadlines were confirmed, and the trail says which.
    const confirmed = expect.arrayContaining(['deadlines.cell.drafting', 'deadlines.bloc.consolidation']);
    const [created] = await planEvents(ctx, quorum.id, 'plan.create');
    expect(created.data).toEqual({ code: quorum.code, rootApproval: { type: 'quorum', min: 3 }, rootApprovalChosen: true, deadlinesConfirmed: confirmed });
    const [createdPlain] = await planEvents(ctx, plain.id, 'plan.create');
    expect(createdPlain.data).toEqual({ code: plain.code, rootApproval: { type: 'majority' }, rootApprovalChosen: false, deadlinesConfirmed: confirmed });
  });

  it('rootApproval any: one member’s approval completes the plan and cancels the other’s task', async () => {
    const plan = await createPlanWithRule({ type: 'any' });
    await toRootApproval(plan);
    await decidePlanTask(await session(ctx, 'btv.hung'), plan.id, 'root_approval', 'approve');
    await waitFor(async () => (await getPlan(ctx, plan.id)).status === 'completed', { what: 'plan completed after one approval' });
    expect(await rootApprovalTasks(plan.id)).toEqual([
      { username: 'btv.hung', state: 'completed', applied: true },
      { username: 'btv.mai', state: 'cancelled', applied: false },
    ]);
    expect((await planEvents(ctx, plan.id, 'plan.completed')).map((e) => e.actor)).toEqual(['btv.hung']);
  }, 120_000);

  it('the default rule (majority of two is two): one approval leaves the plan launched, the second completes it', async () => {
    const plan = await createPlan(ctx);
    await toRootApproval(plan);
    await decidePlanTask(await session(ctx, 'btv.hung'), plan.id, 'root_approval', 'approve');
    // The worker has applied the vote and left the round open: not enough.
    await waitFor(async () => (await rootApprovalTasks(plan.id)).find((t) => t.username === 'btv.hung')?.applied, { what: 'first vote applied' });
    expect((await getPlan(ctx, plan.id)).status).toBe('launched');
    expect((await rootApprovalTasks(plan.id)).find((t) => t.username === 'btv.mai')!.state).toBe('open');
    expect(await planEvents(ctx, plan.id, 'plan.completed')).toEqual([]);

    await decidePlanTask(await session(ctx, 'btv.mai'), plan.id, 'root_approval', 'approve');
    await waitFor(async () => (await getPlan(ctx, plan.id)).status === 'completed', { what: 'plan completed after both approvals' });
    expect((await planEvents(ctx, plan.id, 'plan.completed')).map((e) => e.actor)).toEqual(['btv.mai']);
  }, 120_000);
});
