import { Queue } from 'bullmq';
import { ConsolidationFlows } from '@app/core';
import { childJobId, collectJobId, consolidationQueue, hanoiIn, jobState } from './support/consolidation';
import { consolidationTree } from './support/consolidation-tree';
import { createPlan, importOrg, launchPlan } from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { PlanDto } from './support/types';
import { waitFor } from './kit/poll';

/**
 * A collection of more reports than one batch of children (500): its flow is built as a parent with
 * one gate child, then the other children in batches, then the gate released. The parent must never
 * run before every child exists, and a build cut short is completed by the next `ensure`.
 */
describe('a consolidation flow built in batches', () => {
  let ctx: E2eContext;
  let queue: Queue;
  let flows: ConsolidationFlows;
  let plan: PlanDto;
  let rootId: string;
  let reportIds: string[];
  const CUT_OFF_MS = 3 * 86_400_000;

  beforeAll(async () => {
    ctx = await startE2e();
    const tree = consolidationTree(45);
    await importOrg(ctx, { units: tree.units, users: tree.users });
    const ahead = hanoiIn(2 * 86_400_000);
    const dates = { drafting: ahead, cell_approval: ahead, committee_review: ahead };
    plan = await createPlan(ctx, {
      rootUnit: 'TK',
      deadlines: { cell: dates, grassroots: dates, upper: dates, bloc: { consolidation: hanoiIn(CUT_OFF_MS) } },
    });
    await launchPlan(ctx, plan.id);
    queue = consolidationQueue(ctx);
    flows = ctx.worker.get(ConsolidationFlows, { strict: false });
    rootId = (await ctx.db.query<{ id: string }>(`SELECT id FROM org_units WHERE code = 'TK'`)).rows[0].id;
    reportIds = (await ctx.db.query<{ id: string }>(`SELECT id FROM reports WHERE plan_id = $1 ORDER BY id`, [plan.id])).rows.map((r) => r.id);
  }, 120_000);

  afterAll(async () => {
    await queue?.close();
    await stopE2e(ctx);
  });

  async function dependencies(): Promise<number> {
    const parent = await queue.getJob(collectJobId(plan.id, rootId));
    const counts = parent ? await parent.getDependenciesCount() : {};
    return Object.values(counts).reduce((n: number, c) => n + (c ?? 0), 0);
  }

  it('the launch gives the Bloc’s parent job one child per report, more than one batch', async () => {
    expect(reportIds.length).toBeGreaterThan(500);
    await waitFor(async () => (await dependencies()) === reportIds.length, { what: 'every child under the parent' });
    expect(await jobState(queue, collectJobId(plan.id, rootId))).toBe('waiting-children');
  });

  it('the gate is released: it waits for the cut-off like its siblings, not for years', async () => {
    // The gate is released last, after every batch: wait for it (on a busy machine it comes a moment
    // after the last child), then it waits like the others.
    const gate = await waitFor(
      async () => {
        const job = await queue.getJob(childJobId(plan.id, reportIds[0]));
        return job && Math.abs(job.delay - CUT_OFF_MS) < 120_000 ? job : undefined;
      },
      { what: 'the gate child released to the cut-off' },
    );
    const sibling = await queue.getJob(childJobId(plan.id, reportIds[reportIds.length - 1]));
    expect(await gate.getState()).toBe('delayed');
    expect(Math.abs(sibling!.delay - CUT_OFF_MS)).toBeLessThan(120_000);
  });

  it('a second ensure changes nothing', async () => {
    expect(await flows.ensure(plan.id)).toBe(0);
    expect(await dependencies()).toBe(reportIds.length);
  });

  it('a build cut short (the worker died between batches) is completed by the next ensure, and the parent waited meanwhile', async () => {
    const parent = await queue.getJob(collectJobId(plan.id, rootId));
    await queue.obliterate({ force: true });
    expect(parent).toBeDefined();
    expect(await jobState(queue, collectJobId(plan.id, rootId))).toBe('absent');
    // Only the first 300 reports' children get built, as if the worker had died then.
    const partial = (flows as unknown as { ensureFlow: (...a: unknown[]) => Promise<boolean> }).ensureFlow.bind(flows);
    const open = (await ctx.db.query<{ cut_off_at: Date }>(`SELECT cut_off_at FROM consolidations WHERE plan_id = $1 AND unit_id = $2`, [plan.id, rootId]))
      .rows[0];
    const first300 = reportIds.slice(0, 300).map((reportId) => ({ reportId, unitId: '', stage: 'drafting' }));
    await partial(plan.id, { unit_id: rootId, cut_off_at: open.cut_off_at }, first300, new Set(['consolidation', 'done']));
    expect(await dependencies()).toBe(300);
    expect(await jobState(queue, collectJobId(plan.id, rootId))).toBe('waiting-children');
    expect(await flows.ensure(plan.id)).toBe(1);
    expect(await dependencies()).toBe(reportIds.length);
    expect(await jobState(queue, collectJobId(plan.id, rootId))).toBe('waiting-children');
    const collections = await ctx.db.query<{ status: string }>(`SELECT status FROM consolidations WHERE plan_id = $1`, [plan.id]);
    expect(collections.rows.map((c) => c.status)).toEqual(['collecting']);
  });
});
