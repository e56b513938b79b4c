import { Job, Queue } from 'bullmq';
import { ConsolidationFlows } from '@app/core';
import { Reconciler } from '../apps/worker/src/reconciler.service';
import { TransitionsProcessor } from '../apps/worker/src/transitions.processor';
import { session } from './support/api';
import { toCommitteeReview } from './support/drive';
import { childJobId, collections, consolidationQueue, hanoiIn, jobState, waitForCollected } from './support/consolidation';
import { approve, createPlan, importFixture, launchPlan, reportsByUnit, waitForStage } from './support/factories';
import { Fixture, holders, loadFixture, parentOf, reportingUnits } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { figuresOf, fixtureToConsolidation, openPlanTask } from './support/plan-tasks';
import { PlanDto, ReportDto } from './support/types';
import { holdsFor, waitFor } from './kit/poll';

/**
 * A report's consolidation child is promoted after its transition has committed. A worker that dies
 * between the two leaves the child delayed until the cut-off (days away) although the report is
 * approved. The test hook: the in-process worker's `ConsolidationFlows.promote` skips the one call
 * that follows the last report's approval, exactly what the dead worker would not have done; the
 * transition itself commits as usual. The reconciler's `ensure`, and the retried transition job
 * (answered "already applied"), must both repair it.
 */
describe('a lost promotion of a consolidation child is repaired', () => {
  const LAST = 'HLHPN-TG';
  let ctx: E2eContext;
  let fixture: Fixture;
  let queue: Queue;
  const units = reportingUnits(loadFixture())
    .map((u) => u.code)
    .sort();

  const newPlan = async (): Promise<{ plan: PlanDto; reports: Map<string, ReportDto> }> => {
    const ahead = hanoiIn(5 * 86_400_000);
    const plan = await createPlan(ctx, {
      deadlines: {
        cell: { drafting: ahead, cell_approval: ahead, committee_review: ahead },
        grassroots: { drafting: ahead, cell_approval: ahead, committee_review: ahead },
        upper: { drafting: ahead, cell_approval: ahead, committee_review: ahead },
        bloc: { consolidation: hanoiIn(10 * 86_400_000) },
      },
      reminders: { before: ['P1D'] },
    });
    await launchPlan(ctx, plan.id);
    await waitFor(async () => (await collections(ctx, plan.id)).size > 0, { what: `collections of ${plan.code}` });
    const reports = await reportsByUnit(ctx, plan.id);
    // Every report but the last at consolidation; the last one waits at committee_review.
    await Promise.all([
      ...units.filter((u) => u !== LAST).map((u, i) => fixtureToConsolidation(ctx, fixture, u, reports.get(u)!.id, figuresOf(i))),
      toCommitteeReview(ctx, fixture, LAST, reports.get(LAST)!.id),
    ]);
    return { plan, reports };
  };

  /** Approves the last report at committee_review while the worker's promotion after that commit is skipped. */
  const approveLosingThePromotion = async (plan: PlanDto, reports: Map<string, ReportDto>): Promise<string> => {
    const flows = ctx.worker.get(ConsolidationFlows, { strict: false });
    const skipped: string[] = [];
    const spy = jest.spyOn(flows, 'promote').mockImplementationOnce(async (list) => {
      skipped.push(...list.map((r) => r.reportId));
      return 0;
    });
    try {
      const reportId = reports.get(LAST)!.id;
      const task = await approve(await session(ctx, holders(fixture, parentOf(fixture, LAST), 'reviewer')[0]), reportId, 'committee_review');
      await waitForStage(ctx, reportId, 'consolidation');
      await waitFor(async () => skipped.includes(reportId), { what: 'the promotion skipped' });
      return task.id;
    } finally {
      spy.mockRestore();
    }
  };

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    queue = consolidationQueue(ctx);
  }, 60_000);

  afterAll(async () => {
    await queue?.close();
    await stopE2e(ctx);
  });

  it('the reconciler promotes the child of a report already at consolidation; the collection completes and the working group gets its task', async () => {
    const { plan, reports } = await newPlan();
    await approveLosingThePromotion(plan, reports);
    const child = childJobId(plan.id, reports.get(LAST)!.id);
    await holdsFor(async () => (await jobState(queue, child)) === 'delayed', { forMs: 1_000, what: 'the child still delayed' });
    expect((await collections(ctx, plan.id)).get('DUK')!.status).toBe('collecting');

    await ctx.worker.get(Reconciler, { strict: false }).reconcile(0);
    const row = await waitForCollected(ctx, plan.id, 'DUK');
    expect(row.missing).toEqual([]);
    expect(row.included).toHaveLength(units.length);
    expect(await jobState(queue, child)).toBe('completed');
    await openPlanTask(await session(ctx, 'tgv.lan'), plan.id, 'consolidation');
  });

  it('the transition job run again (already applied) promotes the child too', async () => {
    const { plan, reports } = await newPlan();
    const taskId = await approveLosingThePromotion(plan, reports);
    const child = childJobId(plan.id, reports.get(LAST)!.id);
    expect(await jobState(queue, child)).toBe('delayed');

    // What BullMQ does with a job whose worker died: the same job, run again.
    const processor = ctx.worker.get(TransitionsProcessor, { strict: false });
    const rerun = { name: 'decision.apply', data: { taskId }, attemptsMade: 1, opts: { attempts: 5 }, id: 'rerun' } as unknown as Job;
    expect(await processor.process(rerun)).toBe('already-applied');
    const row = await waitForCollected(ctx, plan.id, 'DUK');
    expect(row.missing).toEqual([]);
    expect(await jobState(queue, child)).toBe('completed');
  });
});
