import { jobIdOf, JobName } from '@app/jobs';
import { expectStatus, session } from './support/api';
import { createPlan, getPlan, importFixture, importOrg, launchPlan, listReports } from './support/factories';
import { generatedBranch } from './support/generated-tree';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { engineQueue } from './support/queues';
import { waitFor } from './support/wait-for';
import { killWorker, startWorkerContext } from './support/worker';
import { createVersion, getMigration, migrateEvents, MigrationDto, StageDef, TONGKET_V1, waitForMigration } from './support/workflows';

const V2: StageDef[] = TONGKET_V1.map((s) =>
  s.key === 'drafting' ? { ...s, key: 'du_thao' } : s.returnTo === 'drafting' ? { ...s, returnTo: 'du_thao' } : { ...s },
);

/**
 * A worker process killed outright (deploy with SIGKILL, out of memory) leaves its migration job
 * "active" in Redis. The new worker's reconciler queues running migrations on start, so the run
 * should carry on at once, not only when BullMQ's stalled-job check notices the dead lock.
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
    await waitFor(async () => (await getMigration(ctx, migration.id)).migrated >= 20, { intervalMs: 5, timeoutMs: 30_000, what: 'the run under way' });

    await killWorker(ctx);
    const stopped = await getMigration(ctx, migration.id);
    expect(stopped.status).toBe('running');
    expect(stopped.migrated).toBeLessThan(stopped.total);
    // What the new worker finds in Redis: the dead worker's job, still "active" under the same deterministic id.
    const queue = engineQueue(ctx, 'transitions');
    const state = await (await queue.getJob(jobIdOf({ name: JobName.RunMigration, data: { migrationId: migration.id } })))?.getState();
    await queue.close();
    expect(state).toBe('active');

    ctx.worker = await startWorkerContext();
    // BullMQ would notice the dead worker's lock only at its stalled-job check (every 30 s): progress
    // well before that is the reconciler's doing. How long the rest takes depends on the machine.
    await waitFor(async () => (await getMigration(ctx, migration.id)).migrated > stopped.migrated, {
      intervalMs: 50,
      timeoutMs: 15_000,
      what: 'the new worker carrying on',
    });
    const done = await waitForMigration(ctx, migration.id, 150_000);
    expect(done).toMatchObject({ migrated: reports.length, untouched: 0 });
    expect((await migrateEvents(ctx, plan.id)).length).toBe(reports.length);
    expect((await getPlan(ctx, plan.id)).workflowVersion).toBe(2);
  }, 240_000);
});
