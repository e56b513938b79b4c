import { jobIdOf, JobName } from '@app/jobs';
import { expectStatus, session } from './support/api';
import { createPlan, getPlan, importFixture, importOrg, launchPlan, listReports } from './support/factories';
import { generatedBranch } from './support/generated-tree';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { crashWorker, startWorkerContext } from './kit/in-process-engine';
import { engineQueue } from './support/queues';
import { PlanDto, ReportDto } from './support/types';
import { waitFor } from './kit/poll';
import { createVersion, getMigration, migrateEvents, MigrationDto, StageDef, TONGKET_V1, waitForMigration } from './support/workflows';

/** Version 2 renames drafting (du_thao) and gives it its own due date and reminder: every drafting report moves. */
const V2: StageDef[] = TONGKET_V1.map((s) =>
  s.key === 'drafting'
    ? { ...s, key: 'du_thao', name: 'Dự thảo (theo hướng dẫn mới)', dueAfter: 'P10D', reminders: { before: ['P2D'] } }
    : s.returnTo === 'drafting'
      ? { ...s, returnTo: 'du_thao' }
      : { ...s },
);

describe('a migration killed half-way and run again ends correct', () => {
  let ctx: E2eContext;
  let plan: PlanDto;
  let reports: ReportDto[];
  let migration: MigrationDto;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    await importOrg(ctx, generatedBranch(4, 100));
    plan = await createPlan(ctx);
    await launchPlan(ctx, plan.id);
    reports = await listReports(ctx, plan.id);
    expect(reports.length).toBeGreaterThan(400);
    expect((await createVersion(ctx, V2)).version).toBe(2);
  }, 120_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('a second migration of the plan is refused (409) while one is running', async () => {
    const admin = await session(ctx, 'admin');
    const path = `/api/plans/${plan.id}/migrations`;
    const res = await admin.post(path).send({ toVersion: 2, stageMap: { drafting: 'du_thao' } });
    migration = expectStatus(res, 202).body as MigrationDto;
    expect(migration.total).toBe(reports.length);
    // The run takes seconds (one transaction per report), so this one arrives while it runs.
    const again = await admin.post(path).send({ toVersion: 2, stageMap: { drafting: 'du_thao' } });
    expect({ status: again.status, running: (await getMigration(ctx, migration.id)).status }).toEqual({ status: 409, running: 'running' });
  });

  it('the worker dies half-way (0 < done < total): nothing of the report in flight is left half-done', async () => {
    // Closing the worker's context gracefully lets BullMQ finish the job in hand (it would simply complete),
    // so the crash is simulated instead: the worker's database sessions are killed while it runs, then it stops.
    await waitFor(
      async () => {
        const m = await getMigration(ctx, migration.id);
        return m.migrated + m.untouched >= 20 ? m : undefined;
      },
      { intervalMs: 5, timeoutMs: 30_000, what: 'the run under way' },
    );
    await crashWorker(ctx);
    const stopped = await getMigration(ctx, migration.id);
    const done = stopped.migrated + stopped.untouched;
    expect(stopped.status).toBe('running');
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(stopped.total);

    // Every report counted is on version 2 with its migrate event; none other is.
    const { rows } = await ctx.db.query<{ v2: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM reports WHERE plan_id = $1 AND workflow_version = 2) AS v2,
              (SELECT count(*)::int FROM audit_events WHERE plan_id = $1 AND action = 'migrate') AS events`,
      [plan.id],
    );
    expect(rows[0]).toEqual({ v2: done, events: done });
    expect((await getPlan(ctx, plan.id)).workflowVersion).toBe(1);
  });

  it('a new worker finishes the run: every report migrated exactly once, no duplicate tasks', async () => {
    ctx.worker = await startWorkerContext();
    const done = await waitForMigration(ctx, migration.id, 150_000);
    expect(done).toMatchObject({ status: 'completed', total: reports.length, migrated: reports.length, untouched: 0, unmappable: [] });
    await waitFor(async () => (await getPlan(ctx, plan.id)).workflowVersion === 2, { what: 'plan on version 2' });

    const after = await listReports(ctx, plan.id);
    expect(after.filter((r) => r.stage !== 'du_thao' || r.workflowVersion !== 2).map((r) => [r.unitCode, r.stage, r.workflowVersion])).toEqual([]);

    const events = await migrateEvents(ctx, plan.id);
    const perReport = new Map<string, number>();
    for (const e of events) perReport.set(e.report_id, (perReport.get(e.report_id) ?? 0) + 1);
    expect([...perReport.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect([...perReport.keys()].sort()).toEqual(reports.map((r) => r.id).sort());
    expect(events.every((e) => e.from_stage === 'drafting' && e.to_stage === 'du_thao' && e.data.action === 'move')).toBe(true);
    const finished = await ctx.db.query(`SELECT 1 FROM audit_events WHERE plan_id = $1 AND action = 'plan.migrated'`, [plan.id]);
    expect(finished.rowCount).toBe(1);

    // Tasks: no drafting task left open, and per report exactly one du_thao task per drafter of its unit, in its current round.
    const { rows: bad } = await ctx.db.query(
      `SELECT r.id, u.code, t.stage, t.state, t.round, r.round AS report_round
         FROM tasks t JOIN reports r ON r.id = t.report_id JOIN org_units u ON u.id = r.unit_id
        WHERE t.plan_id = $1 AND ((t.stage = 'drafting' AND t.state = 'open') OR (t.stage = 'du_thao' AND (t.state <> 'open' OR t.round <> r.round)))`,
      [plan.id],
    );
    expect(bad).toEqual([]);
    const { rows: counts } = await ctx.db.query<{ code: string; tasks: number; drafters: number }>(
      `SELECT u.code,
              (SELECT count(*)::int FROM tasks t WHERE t.report_id = r.id AND t.stage = 'du_thao') AS tasks,
              (SELECT count(*)::int FROM role_assignments a WHERE a.unit_id = r.unit_id AND a.role = 'drafter') AS drafters
         FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.plan_id = $1`,
      [plan.id],
    );
    expect(counts.filter((c) => c.tasks !== c.drafters)).toEqual([]);
    expect(counts.filter((c) => c.code.startsWith('GEN-G') && c.code.includes('-C')).every((c) => c.tasks === 1)).toBe(true);
  }, 180_000);

  it('the new stage’s tasks carry its own due date (P10D) and each has its reminder job', async () => {
    const { rows } = await ctx.db.query<{ id: string; due_at: Date | null; created_at: Date }>(
      `SELECT id, due_at, created_at FROM tasks WHERE plan_id = $1 AND stage = 'du_thao' AND state = 'open'`,
      [plan.id],
    );
    expect(rows.length).toBeGreaterThan(400);
    const tenDays = 10 * 24 * 3600 * 1000;
    const off = rows.filter((t) => !t.due_at || Math.abs(t.due_at.getTime() - t.created_at.getTime() - tenDays) > 60_000);
    expect(off).toEqual([]);

    const reminders = engineQueue(ctx, 'reminders');
    try {
      await waitFor(
        async () => {
          const missing = [];
          for (const t of rows) {
            const job = await reminders.getJob(jobIdOf({ name: JobName.FireReminder, data: { taskId: t.id, offset: 'P2D', dueAt: t.due_at!.toISOString() } }));
            if (!job) missing.push(t.id);
          }
          return missing.length === 0 ? true : (undefined as unknown as false);
        },
        { timeoutMs: 15_000, intervalMs: 250, what: 'a P2D reminder job for every du_thao task' },
      );
    } finally {
      await reminders.close();
    }
  });
});
