import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { session } from './support/api';
import { createPlan, fillReport, importFixture, launchPlan, reportsByUnit, submitReport, waitForStage } from './support/factories';
import { Fixture, holders } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { engineQueue } from './support/queues';
import { ReportDto } from './support/types';
import { waitFor } from './kit/poll';
import { startWorkerContext } from './kit/in-process-engine';

/**
 * A decision PostgreSQL holds as not yet applied, whose job Redis keeps under the same id where it
 * will never run: kept as failed (its attempts ran out, or a worker died under it too often), or a
 * job hash left in no list after a partial loss of Redis's keys. BullMQ ignores adding a job whose
 * id exists, so the reconciler clears such a job before it adds the decision again.
 */
describe('decisions whose jobs Redis keeps where they never run', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let reports: Map<string, ReportDto>;
  let queue: Queue;

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    const plan = await createPlan(ctx);
    await launchPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);
    queue = engineQueue(ctx, 'transitions');
  }, 60_000);

  afterAll(async () => {
    await queue?.close();
    await stopE2e(ctx);
  });

  it('are applied once a worker starts: the failed one and the orphaned one are cleared and run', async () => {
    const units = ['KBNN-VP', 'KBNN-TT'];
    for (const unit of units) await fillReport(ctx, reports.get(unit)!.id, await session(ctx, holders(fixture, unit, 'drafter')[0]));
    await ctx.worker.close();

    // With no worker, each submit is recorded and its job relayed to Redis by the API, where it waits.
    for (const unit of units) await submitReport(reports.get(unit)!.id, await session(ctx, holders(fixture, unit, 'drafter')[0]));
    const { rows } = await ctx.db.query<{ id: string; report_id: string }>(
      `SELECT id, report_id FROM tasks WHERE report_id = ANY($1) AND stage = 'drafting' AND state = 'completed' AND applied_at IS NULL`,
      [units.map((u) => reports.get(u)!.id)],
    );
    expect(rows).toHaveLength(2);
    const jobIdOf = (unit: string) => `decision-${rows.find((r) => r.report_id === reports.get(unit)!.id)!.id}`;
    await waitFor(async () => (await Promise.all(units.map(async (u) => (await queue.getJob(jobIdOf(u)))?.id))).every(Boolean), { what: 'both jobs in Redis' });

    // KBNN-VP's job: out of every list (its hash alone survived); KBNN-TT's: kept as failed.
    const redis = new Redis({ host: process.env.REDIS_HOST ?? '127.0.0.1', port: Number(process.env.REDIS_PORT ?? 6379) });
    const key = (suffix: string) => `${ctx.env.queuePrefix}:transitions:${suffix}`;
    try {
      for (const unit of units) await redis.lrem(key('wait'), 0, jobIdOf(unit));
      await redis.zadd(key('failed'), Date.now(), jobIdOf('KBNN-TT'));
    } finally {
      redis.disconnect();
    }
    expect(await (await queue.getJob(jobIdOf('KBNN-VP')))!.getState()).toBe('unknown');
    expect(await (await queue.getJob(jobIdOf('KBNN-TT')))!.getState()).toBe('failed');

    ctx.worker = await startWorkerContext();
    for (const unit of units) await waitForStage(ctx, reports.get(unit)!.id, 'cell_approval', 15_000);
    const { rows: transitions } = await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'transition' AND report_id = ANY($1)`,
      [units.map((u) => reports.get(u)!.id)],
    );
    expect(transitions[0].n).toBe(2);
  });
});
