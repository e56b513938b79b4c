import { Queue } from 'bullmq';
import { consolidationChildJobId, jobIdOf, JobName } from '@app/jobs';
import { expectStatus, session } from './support/api';
import { completeTask, createPlan, events, getPlan, importFixture, launchPlan, openTask, reportsByUnit, waitForStage } from './support/factories';
import { toCellApproval, toCommitteeReview, toConsolidation } from './support/drive';
import { Fixture } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { PlanDto, ReportDto } from './support/types';
import { waitFor } from './kit/poll';
import { createVersion, migrateEvents, StageDef, startMigration, TONGKET_V1, waitForMigration } from './support/workflows';

const DAY = 24 * 3600 * 1000;

/** Version 2, current when the plan launches: cell_approval due ten days after a report enters it, the plan's reminders. */
const V2: StageDef[] = TONGKET_V1.map((s) => (s.key === 'cell_approval' ? { ...s, dueAfter: 'P10D' } : { ...s }));

/**
 * Version 3: cell_approval due after three days with its own single reminder an hour before, and the
 * consolidation stage renamed tong_hop. Reports at committee_review are sent straight to it.
 */
const V3: StageDef[] = V2.map((s) =>
  s.key === 'cell_approval'
    ? { ...s, dueAfter: 'P3D', reminders: { before: ['PT1H'] } }
    : s.key === 'consolidation'
      ? { ...s, key: 'tong_hop', name: 'Tổng hợp (theo hướng dẫn mới)' }
      : { ...s },
);
const STAGE_MAP = { consolidation: 'tong_hop', committee_review: 'tong_hop' };

/** Deadlines far ahead, none for cell_approval, so the stage's own due date applies and collections wait for their cut-off. */
const DEADLINES = {
  cell: { drafting: '2030-01-10T17:00:00+07:00' },
  grassroots: { drafting: '2030-01-31T17:00:00+07:00' },
  upper: { drafting: '2030-02-15T17:00:00+07:00' },
  bloc: { consolidation: '2030-09-30T17:00:00+07:00' },
};

interface TaskRow {
  id: string;
  stage: string;
  state: string;
  due_at: Date | null;
  round: number;
}

describe('what a migration does besides moving reports: due dates, reminders, consolidation', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;
  /** A second plan on the fixture's deadlines (long past): its root collection is complete, so the working group's round is open. */
  let roundPlan: PlanDto;
  let roundReports: Map<string, ReportDto>;
  let reminders: Queue;
  let consolidation: Queue;
  let cellTasksBefore: TaskRow[];
  let roundBefore: TaskRow[];
  const id = (unit: string) => reports.get(unit)!.id;

  const tasksOf = async (reportId: string | null, where = `state = 'open'`, planId = plan.id): Promise<TaskRow[]> =>
    (
      await ctx.db.query<TaskRow>(
        `SELECT id, stage, state, due_at, round FROM tasks WHERE plan_id = $1 AND report_id IS NOT DISTINCT FROM $2 AND ${where} ORDER BY id`,
        [planId, reportId],
      )
    ).rows;
  const jobState = async (queue: Queue, jobId: string) => (await queue.getJob(jobId))?.getState() ?? 'absent';
  const reminderId = (taskId: string, offset: string, dueAt: Date) =>
    jobIdOf({ name: JobName.FireReminder, data: { taskId, offset, dueAt: dueAt.toISOString() } });
  const escalationId = (taskId: string, dueAt: Date) => jobIdOf({ name: JobName.FireEscalation, data: { taskId, dueAt: dueAt.toISOString() } });
  const childId = (reportId: string) => consolidationChildJobId(plan.id, reportId);

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    const connection = { host: process.env.REDIS_HOST ?? '127.0.0.1', port: Number(process.env.REDIS_PORT ?? 6379), maxRetriesPerRequest: null };
    reminders = new Queue('reminders', { prefix: ctx.env.queuePrefix, connection });
    consolidation = new Queue('consolidation', { prefix: ctx.env.queuePrefix, connection });
    expect((await createVersion(ctx, V2)).version).toBe(2);
    plan = await createPlan(ctx, { deadlines: DEADLINES } as never);
    await launchPlan(ctx, plan.id);
    expect((await getPlan(ctx, plan.id)).workflowVersion).toBe(2);
    reports = await reportsByUnit(ctx, plan.id);
    await Promise.all([toCellApproval(ctx, fixture, 'KBNN-KT', id('KBNN-KT')), toCommitteeReview(ctx, fixture, 'KBNN-TT', id('KBNN-TT'))]);
    roundPlan = await createPlan(ctx);
    await launchPlan(ctx, roundPlan.id);
    roundReports = await reportsByUnit(ctx, roundPlan.id);
    await toConsolidation(ctx, fixture, 'HLHPN-TC', roundReports.get('HLHPN-TC')!.id);
    await openTask(await session(ctx, 'tgv.lan'), null, 'consolidation', 15_000);
    expect((await createVersion(ctx, V3)).version).toBe(3);
  }, 120_000);

  afterAll(async () => {
    await reminders?.close();
    await consolidation?.close();
    await stopE2e(ctx);
  });

  it('before: KBNN-KT’s cell_approval tasks are due after P10D with the plan’s reminders; KBNN-TT’s consolidation child waits', async () => {
    cellTasksBefore = await tasksOf(id('KBNN-KT'));
    expect(cellTasksBefore.map((t) => t.stage)).toEqual(['cell_approval', 'cell_approval']);
    const [{ stage_entered_at: entered }] = (
      await ctx.db.query<{ stage_entered_at: Date }>(`SELECT stage_entered_at FROM reports WHERE id = $1`, [id('KBNN-KT')])
    ).rows;
    for (const task of cellTasksBefore) {
      // Counted from the engine's clock when the tasks were created, a few milliseconds from the row's stage_entered_at.
      expect(Math.abs(task.due_at!.getTime() - entered.getTime() - 10 * DAY)).toBeLessThan(5_000);
      await waitFor(async () => (await jobState(reminders, reminderId(task.id, 'P7D', task.due_at!))) === 'delayed', { what: 'the P7D reminder job' });
      for (const offset of ['P2D', 'PT0S']) expect(await jobState(reminders, reminderId(task.id, offset, task.due_at!))).toBe('delayed');
      expect(await jobState(reminders, escalationId(task.id, task.due_at!))).toBe('delayed');
    }
    // KBNN-TT waits at committee_review: its consolidation child waits for the 2030 cut-off.
    await waitFor(async () => (await jobState(consolidation, childId(id('KBNN-TT')))) === 'delayed', { what: 'KBNN-TT’s consolidation child delayed' });
  });

  it('the migration runs and each report is where the stage map sends it', async () => {
    const migration = await startMigration(ctx, plan.id, { toVersion: 3, stageMap: STAGE_MAP });
    const done = await waitForMigration(ctx, migration.id);
    expect(done).toMatchObject({ status: 'completed', failures: [], unmappable: [] });
    expect((await getPlan(ctx, plan.id)).workflowVersion).toBe(3);
    const moved = new Map((await migrateEvents(ctx, plan.id)).map((e) => [e.report_id, [e.from_stage, e.to_stage, e.data.action]]));
    expect(moved.get(id('KBNN-KT'))).toEqual(['cell_approval', 'cell_approval', 'unchanged']);
    expect(moved.get(id('KBNN-TT'))).toEqual(['committee_review', 'tong_hop', 'move']);
  });

  it('a report staying at cell_approval keeps its tasks, now due after P3D, with only the new PT1H reminder queued', async () => {
    const after = await tasksOf(id('KBNN-KT'));
    expect(after.map((t) => t.id)).toEqual(cellTasksBefore.map((t) => t.id));
    const [report] = (
      await ctx.db.query<{ stage_entered_at: Date; due_at: Date }>(`SELECT stage_entered_at, due_at FROM reports WHERE id = $1`, [id('KBNN-KT')])
    ).rows;
    expect(report.due_at.getTime() - report.stage_entered_at.getTime()).toBe(3 * DAY);
    for (const [i, task] of after.entries()) {
      const old = cellTasksBefore[i].due_at!;
      expect(task.due_at!.getTime()).toBe(report.due_at.getTime());
      await waitFor(async () => (await jobState(reminders, reminderId(task.id, 'PT1H', task.due_at!))) === 'delayed', {
        what: 'the PT1H reminder job at the new due date',
      });
      const job = await reminders.getJob(reminderId(task.id, 'PT1H', task.due_at!));
      expect(job!.timestamp + job!.delay).toBeGreaterThan(task.due_at!.getTime() - 3600_000 - 60_000);
      expect(job!.timestamp + job!.delay).toBeLessThanOrEqual(task.due_at!.getTime() - 3600_000 + 1_000);
      const stale = await Promise.all([
        ...['P7D', 'P2D', 'PT0S', 'PT1H'].map((offset) => jobState(reminders, reminderId(task.id, offset, old))),
        jobState(reminders, escalationId(task.id, old)),
        // The stage's own reminders set no escalation.
        jobState(reminders, escalationId(task.id, task.due_at!)),
      ]);
      expect(stale).toEqual(['absent', 'absent', 'absent', 'absent', 'absent', 'absent']);
    }
  });

  it('a report migrated into the consolidation stage is released to its collection at once, not at the cut-off', async () => {
    await waitForStage(ctx, id('KBNN-TT'), 'tong_hop');
    await waitFor(async () => (await jobState(consolidation, childId(id('KBNN-TT')))) !== 'delayed', { what: 'KBNN-TT’s consolidation child released' });
  });

  it('renaming the consolidation stage carries the plan-wide round over to tong_hop: the same tasks, one round, audited', async () => {
    roundBefore = await tasksOf(null, `state = 'open'`, roundPlan.id);
    expect(roundBefore.map((t) => t.stage)).toEqual(['consolidation']);
    const migration = await startMigration(ctx, roundPlan.id, { toVersion: 3, stageMap: STAGE_MAP });
    expect(await waitForMigration(ctx, migration.id)).toMatchObject({ status: 'completed', failures: [], unmappable: [] });
    const tc = roundReports.get('HLHPN-TC')!.id;
    expect((await migrateEvents(ctx, roundPlan.id)).find((e) => e.report_id === tc)).toMatchObject({
      from_stage: 'consolidation',
      to_stage: 'tong_hop',
      data: { action: 'move' },
    });

    const open = await tasksOf(null, `state = 'open'`, roundPlan.id);
    expect(open.map((t) => [t.id, t.stage, t.round])).toEqual(roundBefore.map((t) => [t.id, 'tong_hop', t.round]));
    expect(await tasksOf(null, `stage = 'consolidation' AND state = 'open'`, roundPlan.id)).toEqual([]);
    const { rows } = await ctx.db.query<{ from_stage: string; to_stage: string; actor: string }>(
      `SELECT from_stage, to_stage, actor FROM audit_events WHERE plan_id = $1 AND action = 'consolidation.round_moved'`,
      [roundPlan.id],
    );
    expect(rows).toEqual([{ from_stage: 'consolidation', to_stage: 'tong_hop', actor: 'admin' }]);
  });

  it('the working group completes the carried round: the report waiting at tong_hop is done', async () => {
    const lan = await session(ctx, 'tgv.lan');
    const task = await openTask(lan, null, 'tong_hop');
    expect(task.id).toBe(roundBefore[0].id);
    expectStatus(await completeTask(lan, task.id, 'approve'), 202, 'consolidation under the new key');
    const tc = roundReports.get('HLHPN-TC')!.id;
    await waitForStage(ctx, tc, 'done');
    expect(
      (await events(ctx, tc))
        .filter((e) => e.action === 'transition')
        .map((e) => [e.fromStage, e.toStage])
        .slice(-1),
    ).toEqual([['tong_hop', 'done']]);
  });
});
