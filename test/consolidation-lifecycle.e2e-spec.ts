import { expectStatus, session } from './support/api';
import { collections, consolidated, hanoiIn, planEvents, waitForCollected } from './support/consolidation';
import { getBinary, readWordFile } from './support/docx';
import {
  approve,
  createPlan,
  events,
  fillReport,
  getPlan,
  importFixture,
  launchPlan,
  reportsByUnit,
  sectionText,
  submitReport,
  waitForStage,
} from './support/factories';
import { Fixture, holders, loadFixture, parentOf, reportingUnits } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { decidePlanTask, figuresOf, fixtureToConsolidation, openPlanTask, openPlanTasks, sum } from './support/plan-tasks';
import { PlanDto, ReportDto } from './support/types';
import { holdsFor, waitFor } from './kit/poll';

/**
 * The working group's task through a whole plan when three reports come late: it opens at the
 * cut-off (not with the first report); what its completion takes in is frozen; a report arriving
 * while the Standing Committee decides waits and is taken in by the round the Committee's return
 * opens; reports arriving once the plan is completed are closed as late, outside the approved report.
 */
describe('the consolidation lifecycle with late reports', () => {
  const CUT_OFF_MS = 20_000;
  /** Approved while the Committee decides round 1; taken in by round 2 after the Committee's return. */
  const IN_ROUND_2 = 'BVNN-NGOAI';
  /** Approved while the Committee decides round 2; closed as late when the plan completes. */
  const AT_COMPLETION = 'HLHPN-TG';
  /** Approved after the plan was completed. */
  const AFTER_COMPLETION = 'KBNN-VP';
  const LATE = [IN_ROUND_2, AT_COMPLETION, AFTER_COMPLETION];
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;
  let cutOff: string;
  const units = reportingUnits(loadFixture())
    .map((u) => u.code)
    .sort();
  const onTime = units.filter((u) => !LATE.includes(u));
  const figures = new Map(units.map((u, i) => [u, figuresOf(i)]));
  const id = (unit: string) => reports.get(unit)!.id;

  /** A late report up to its last step: filled, submitted, approved by its cell; the committee above decides later. */
  const toCommitteeReview = async (unit: string) => {
    const drafter = await session(ctx, holders(fixture, unit, 'drafter')[0]);
    await fillReport(ctx, id(unit), drafter);
    expectStatus(await drafter.put(`/api/reports/${id(unit)}/indicators`).send(figures.get(unit)!), 200, `indicators ${unit}`);
    await submitReport(id(unit), drafter);
    await waitForStage(ctx, id(unit), 'cell_approval');
    for (const username of holders(fixture, unit, 'approver')) await approve(await session(ctx, username), id(unit), 'cell_approval');
    await waitForStage(ctx, id(unit), 'committee_review');
  };
  const approveAbove = async (unit: string) => {
    await approve(await session(ctx, holders(fixture, parentOf(fixture, unit), 'reviewer')[0]), id(unit), 'committee_review');
  };

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    const ahead = hanoiIn(5 * 86_400_000);
    cutOff = hanoiIn(CUT_OFF_MS);
    plan = await createPlan(ctx, {
      deadlines: {
        cell: { drafting: ahead, cell_approval: ahead, committee_review: ahead },
        grassroots: { drafting: ahead, cell_approval: ahead, committee_review: ahead },
        upper: { drafting: ahead, cell_approval: ahead, committee_review: ahead },
        bloc: { consolidation: cutOff },
      },
      reminders: { before: ['P1D'] },
    });
    await launchPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('seven reports at consolidation before the cut-off give the working group no task', async () => {
    await Promise.all(onTime.map((u) => fixtureToConsolidation(ctx, fixture, u, id(u), figures.get(u)!)));
    await Promise.all(LATE.map(toCommitteeReview));
    expect(Date.now()).toBeLessThan(Date.parse(cutOff) - 1_000);
    await holdsFor(async () => (await openPlanTasks(await session(ctx, 'tgv.lan'), plan.id)).length === 0, { forMs: 1_000, what: 'no task for tgv.lan' });
  });

  it('at the cut-off the collection completes with three missing and opens the working group’s task', async () => {
    const row = await waitForCollected(ctx, plan.id, 'DUK', CUT_OFF_MS + 10_000);
    expect([...row.missing].sort()).toEqual([...LATE].sort());
    const task = await openPlanTask(await session(ctx, 'tgv.lan'), plan.id, 'consolidation');
    expect(task).toMatchObject({ reportId: null, kind: 'consolidation', state: 'open', round: 1 });
  });

  it('the working group’s completion freezes the seven reports it took in (round 1)', async () => {
    await decidePlanTask(await session(ctx, 'tgv.lan'), plan.id, 'consolidation', 'approve');
    await Promise.all(onTime.map((u) => waitForStage(ctx, id(u), 'done')));
    await openPlanTask(await session(ctx, 'btv.hung'), plan.id, 'root_approval');
    const { rows } = await ctx.db.query<{ report_id: string; round: number }>(`SELECT report_id, round FROM consolidation_inclusions WHERE plan_id = $1`, [
      plan.id,
    ]);
    expect(rows.map((r) => r.report_id).sort()).toEqual(onTime.map(id).sort());
    expect(rows.every((r) => r.round === 1)).toBe(true);
    expect((await collections(ctx, plan.id)).get('DUK')).toMatchObject({ consolidated_round: 1 });
  });

  it('a report approved while the Standing Committee decides waits at consolidation and leaves the report under decision unchanged', async () => {
    const before = await consolidated(ctx, plan.id);
    await approveAbove(IN_ROUND_2);
    await waitForStage(ctx, id(IN_ROUND_2), 'consolidation');
    await holdsFor(async () => (await openPlanTasks(await session(ctx, 'tgv.lan'), plan.id)).length === 0, { forMs: 1_000, what: 'no new round for tgv.lan' });
    expect((await getPlan(ctx, plan.id)).status).toBe('launched');
    const now = await consolidated(ctx, plan.id);
    expect(now).toEqual(before);
    expect([...now.included].sort()).toEqual(onTime.map(id).sort());
    expect(now.missing).toContain(IN_ROUND_2);
    expect(now.indicators).toEqual(sum(onTime.map((u) => figures.get(u)!)));
  });

  it('the Committee’s return opens round 2, whose completion takes the waiting report in', async () => {
    await decidePlanTask(await session(ctx, 'btv.mai'), plan.id, 'root_approval', 'return', 'Đề nghị bổ sung báo cáo của Chi bộ Khoa Ngoại');
    const task = await openPlanTask(await session(ctx, 'tgv.lan'), plan.id, 'consolidation');
    expect(task).toMatchObject({ round: 2 });
    // While round 2 is open the view shows what its completion will take in.
    expect((await consolidated(ctx, plan.id)).included).toContain(id(IN_ROUND_2));
    await decidePlanTask(await session(ctx, 'tgv.lan'), plan.id, 'consolidation', 'approve');
    await waitForStage(ctx, id(IN_ROUND_2), 'done');
    const { rows } = await ctx.db.query<{ report_id: string; round: number }>(
      `SELECT report_id, round FROM consolidation_inclusions WHERE plan_id = $1 AND round = 2`,
      [plan.id],
    );
    expect(rows.map((r) => r.report_id)).toEqual([id(IN_ROUND_2)]);
  });

  it('a report waiting when the Committee approves is closed as late, not taken in; the plan is completed', async () => {
    await approveAbove(AT_COMPLETION);
    await waitForStage(ctx, id(AT_COMPLETION), 'consolidation');
    for (const username of ['btv.hung', 'btv.mai']) await decidePlanTask(await session(ctx, username), plan.id, 'root_approval', 'approve');
    await waitFor(async () => (await getPlan(ctx, plan.id)).status === 'completed', { what: 'plan completed' });
    await waitForStage(ctx, id(AT_COMPLETION), 'done');
    const late = (await events(ctx, id(AT_COMPLETION))).filter((e) => e.action === 'late_after_completion');
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ actor: 'system', fromStage: 'consolidation', toStage: 'done' });
    expect(late[0].comment).toContain('sau khi kế hoạch đã hoàn thành');
  });

  it('a report approved once the plan is completed opens no round: it is closed as late, audited', async () => {
    await approveAbove(AFTER_COMPLETION);
    await waitForStage(ctx, id(AFTER_COMPLETION), 'done');
    const trail = (await events(ctx, id(AFTER_COMPLETION))).map((e) => [e.action, e.fromStage, e.toStage]);
    expect(trail.slice(-2)).toEqual([
      ['transition', 'committee_review', 'consolidation'],
      ['late_after_completion', 'consolidation', 'done'],
    ]);
    expect(await openPlanTasks(await session(ctx, 'tgv.lan'), plan.id)).toEqual([]);
    const { rows } = await ctx.db.query<{ consolidation_round: number }>(`SELECT consolidation_round FROM plans WHERE id = $1`, [plan.id]);
    expect(rows[0].consolidation_round).toBe(2);
    expect(await planEvents(ctx, plan.id, 'consolidate')).toHaveLength(2);
  });

  it('the approved consolidated report is what the two rounds took in; the late ones show as late and not included', async () => {
    const taken = [...onTime, IN_ROUND_2];
    const c = await consolidated(ctx, plan.id);
    expect([...c.included].sort()).toEqual(taken.map(id).sort());
    expect(c.missing).toEqual([AT_COMPLETION, AFTER_COMPLETION].sort());
    expect(c.indicators).toEqual(sum(taken.map((u) => figures.get(u)!)));
    for (const unit of [AT_COMPLETION, AFTER_COMPLETION]) {
      expect(c.completeness.rows.find((r) => r.unitCode === unit)).toMatchObject({ status: 'missing', timeliness: 'late', afterCompletion: true });
      for (const section of c.sections) expect(section.parts.strengths.map((t) => t.unitCode)).not.toContain(unit);
    }
    expect(c.completeness.summary).toMatchObject({ units: 10, included: 8, missing: 2, afterCompletion: 2 });

    const res = await getBinary(await session(ctx, 'tgv.lan'), `/api/plans/${plan.id}/consolidated.docx`);
    expect(res.status).toBe(200);
    const text = readWordFile(res.body).paragraphs.join('\n');
    expect(text).toContain(sectionText(IN_ROUND_2, 'political', 'strengths'));
    expect(text).not.toContain(sectionText(AFTER_COMPLETION, 'political', 'strengths'));
    expect(text).not.toContain(sectionText(AT_COMPLETION, 'political', 'strengths'));
  });
});
