import type { INestApplicationContext } from '@nestjs/common';
import { session } from './support/api';
import { consolidate, toConsolidation } from './support/drive';
import { createPlan, events, getPlan, importFixture, launchPlan, reportsByUnit, waitForStage } from './support/factories';
import { Fixture, holders } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { decidePlanTask } from './support/plan-tasks';
import { waitFor } from './kit/poll';
import { startWorkerContext } from './kit/in-process-engine';

/**
 * Three workers share the queues through Redis and decide through PostgreSQL: every report goes
 * through every stage once, whichever worker takes a job, and one of them leaving (SIGTERM-like
 * close, which finishes its jobs in hand) loses nothing.
 */
describe('scale-out: three workers share the work', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  const extra: INestApplicationContext[] = [];

  beforeAll(async () => {
    ctx = await startE2e();
    extra.push(await startWorkerContext(), await startWorkerContext());
    fixture = await importFixture(ctx);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(extra.map((w) => w.close().catch(() => undefined)));
    await stopE2e(ctx);
  });

  it('drives the whole fixture plan to completion, each transition once, while a worker leaves half-way', async () => {
    const plan = await createPlan(ctx);
    await launchPlan(ctx, plan.id);
    const reports = await reportsByUnit(ctx, plan.id);
    const units = [...reports.keys()];
    const half = units.slice(0, units.length / 2);
    await Promise.all(half.map((unit) => toConsolidation(ctx, fixture, unit, reports.get(unit)!.id)));
    // One worker shuts down gracefully (what SIGTERM does): the other two carry on.
    await extra.pop()!.close();
    await Promise.all(units.slice(half.length).map((unit) => toConsolidation(ctx, fixture, unit, reports.get(unit)!.id)));
    await consolidate(ctx);
    for (const unit of units) await waitForStage(ctx, reports.get(unit)!.id, 'done');
    for (const username of holders(fixture, fixture.plan.rootUnit, 'reviewer')) {
      await decidePlanTask(await session(ctx, username), plan.id, 'root_approval', 'approve');
    }
    await waitFor(async () => (await getPlan(ctx, plan.id)).status === 'completed', { what: 'plan completed' });

    for (const unit of units) {
      const transitions = (await events(ctx, reports.get(unit)!.id)).filter((e) => e.action === 'transition').map((e) => `${e.fromStage}→${e.toStage}`);
      expect({ unit, transitions }).toEqual({
        unit,
        transitions: ['drafting→cell_approval', 'cell_approval→committee_review', 'committee_review→consolidation', 'consolidation→done'],
      });
    }
    const { rows: duplicates } = await ctx.db.query(
      `SELECT report_id, stage, round, assignee_id FROM tasks WHERE delegated_from IS NULL AND state <> 'cancelled'
        GROUP BY report_id, plan_id, stage, round, assignee_id HAVING count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
    const { rows: unapplied } = await ctx.db.query(`SELECT count(*)::int AS n FROM tasks WHERE state = 'completed' AND applied_at IS NULL`);
    expect(unapplied[0].n).toBe(0);
    const { rows: pending } = await ctx.db.query(`SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL`);
    expect(pending[0].n).toBe(0);
    // The whole plan through the API and three workers: 40-50 s alone, over two minutes late in a
    // full e2e run on two cores. What is asserted is that each transition happens once, not speed.
  }, 240_000);
});
