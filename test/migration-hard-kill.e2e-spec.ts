import { JobQueue } from '@app/core';
import { jobIdOf, JobName } from '@app/jobs';
import { expectStatus, session } from './support/api';
import { createPlan, getPlan, importFixture, importOrg, launchPlan, listReports } from './support/factories';
import { generatedBranch } from './support/generated-tree';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { engineQueue } from './support/queues';
import { waitFor } from './kit/poll';
import { killWorker, startWorkerContext } from './kit/in-process-engine';
import { createVersion, getMigration, migrateEvents, MigrationDto, StageDef, TONGKET_V1, waitForMigration } from './support/workflows';

const V2: StageDef[] = TONGKET_V1.map((s) =>
  s.key === 'drafting' ? { ...s, key: 'du_thao' } : s.returnTo === 'drafting' ? { ...s, returnTo: 'du_thao' } : { ...s },
);

/**
 * A worker process killed outright (deploy with SIGKILL, out of memory) leaves its migration job
 * "active" in Redis under a lock nobody renews. The new worker's reconciler re-queues running
 * migrations on start and, finding the lock's holder gone from Redis's client list, puts the job
 * back to waiting at once, not only when BullMQ's stalled-job check notices the dead lock.
 */
describe('a migration whose worker is killed outright resumes when a new worker starts', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    await importOrg(ctx, generatedBranch(4, 100));
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('carries on as soon as the new worker starts (not after the stalled-job check) and ends with each report migrated once', async () => {
    const plan = await createPlan(ctx);
    await launchPlan(ctx, plan.id);
    const reports = await listReports(ctx, plan.id);
    await createVersion(ctx, V2);
    const admin = await session(ctx, 'admin');
    const body = { toVersion: 2, stageMap: { drafting: 'du_thao' } };
    const migration = expectStatus(await admin.post(`/api/plans/${plan.id}/migrations`).send(body), 202).body as MigrationDto;
    // Generous: the launch's reminders of a plan whose dates are past all fire now, beside the run.
    await waitFor(async () => (await getMigration(ctx, migration.id)).migrated >= 20, { intervalMs: 5, timeoutMs: 120_000, what: 'the run under way' });

    // While its worker lives, another engine's reconciliation leaves the job where it is.
    const runJob = { name: JobName.RunMigration, data: { migrationId: migration.id } } as const;
    const queue = engineQueue(ctx, 'transitions');
    const jobId = jobIdOf(runJob);
    const lockKey = queue.getBackend().toKey(`${jobId}:lock`);
    const client = await queue.getBackend().client;
    const holder = (await client.runCommand('get', [lockKey])) as string;
    expect(await ctx.api.get(JobQueue, { strict: false }).requeue(runJob)).toBe(0);
    expect(await client.runCommand('get', [lockKey])).toBe(holder);

    await killWorker(ctx);
    const stopped = await getMigration(ctx, migration.id);
    expect(stopped.status).toBe('running');
    expect(stopped.migrated).toBeLessThan(stopped.total);
    // What the new worker finds in Redis: the dead worker's job, still "active" under the same deterministic id.
    expect(await (await queue.getJob(jobId))?.getState()).toBe('active');

    ctx.worker = await startWorkerContext();
    // The new engine sees that the lock's holder is no longer connected to Redis and puts the job back
    // at once. BullMQ alone would wait for the lock to expire and its stalled-job check, which counts
    // the job as stalled: it must not have come to that.
    await waitFor(async () => (await getMigration(ctx, migration.id)).migrated > stopped.migrated, {
      intervalMs: 50,
      timeoutMs: 90_000,
      what: 'the new worker carrying on',
    });
    expect((await queue.getJob(jobId))?.stalledCounter ?? 0).toBe(0);
    await queue.close();
    const done = await waitForMigration(ctx, migration.id, 150_000);
    expect(done).toMatchObject({ migrated: reports.length, untouched: 0 });
    expect((await migrateEvents(ctx, plan.id)).length).toBe(reports.length);
    expect((await getPlan(ctx, plan.id)).workflowVersion).toBe(2);
  }, 420_000);
});
