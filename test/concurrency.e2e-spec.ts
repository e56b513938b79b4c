import { Queue } from 'bullmq';
import { jobIdOf, JobName } from '@app/jobs';
import { expectStatus, session, Session } from './support/api';
import {
  completeTask,
  createPlan,
  events,
  fillReport,
  getReport,
  importFixture,
  importOrg,
  launchPlan,
  openTask,
  reportsByUnit,
  submitReport,
  tasksOf,
  waitForStage,
} from './support/factories';
import { FixtureUser } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { engineQueue } from './support/queues';
import { holdsFor, waitFor } from './kit/poll';

const APPROVERS = Array.from({ length: 20 }, (_, i) => `kbnn-th.uv${String(i + 1).padStart(2, '0')}`);

describe('concurrency: racing completions resolve a stage exactly once', () => {
  let ctx: E2eContext;
  let reportId: string;
  let transitionsQueue: Queue;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    // A cell under KBNN with a committee of twenty and its own drafter, added through the import endpoint.
    const users: FixtureUser[] = [
      {
        username: 'kbnn-th.soanthao',
        fullName: 'Vũ Minh Tuấn',
        email: 'tuan@example.vn',
        password: 'tongket-2019',
        roles: [{ unit: 'KBNN-TH', role: 'drafter' }],
      },
      ...APPROVERS.map((username, i) => ({
        username,
        fullName: `Cấp ủy viên số ${i + 1}`,
        email: `${username}@example.vn`,
        password: 'tongket-2019',
        roles: [{ unit: 'KBNN-TH', role: 'approver' as const }],
      })),
    ];
    const counts = await importOrg(ctx, { units: [{ code: 'KBNN-TH', name: 'Chi bộ Vụ Tổng hợp', kind: 'cell', parent: 'KBNN' }], users });
    expect(counts).toEqual({ units: 1, users: 21 });

    const plan = await createPlan(ctx);
    await launchPlan(ctx, plan.id);
    reportId = (await reportsByUnit(ctx, plan.id)).get('KBNN-TH')!.id;
    transitionsQueue = engineQueue(ctx, 'transitions');
    const drafter = await session(ctx, 'kbnn-th.soanthao');
    await fillReport(ctx, reportId, drafter);
    await submitReport(reportId, drafter);
    await waitForStage(ctx, reportId, 'cell_approval');
  }, 90_000);

  afterAll(async () => {
    await transitionsQueue?.close();
    await stopE2e(ctx);
  });

  it('twenty approvers approving at once (majority of 20): one transition, one event, no duplicate tasks', async () => {
    const sessions: Session[] = await Promise.all(APPROVERS.map((u) => session(ctx, u)));
    const tasks = await Promise.all(sessions.map((s) => openTask(s, reportId, 'cell_approval')));
    expect(new Set(tasks.map((t) => t.id)).size).toBe(20);

    const answers = await Promise.all(sessions.map((s, i) => completeTask(s, tasks[i].id, 'approve')));
    const statuses = answers.map((a) => a.status);
    // A completion of a task still open is accepted; one already cancelled by the resolved stage is 409.
    expect(statuses.filter((s) => s !== 202 && s !== 409)).toEqual([]);
    const accepted = statuses.filter((s) => s === 202).length;
    expect(accepted).toBeGreaterThanOrEqual(11);

    await waitForStage(ctx, reportId, 'committee_review', 15_000);
    // Let every accepted decision be applied, then check nothing moved further.
    await waitFor(
      async () => {
        const { rows } = await ctx.db.query<{ n: string }>(
          `SELECT count(*) AS n FROM tasks WHERE report_id = $1 AND stage = 'cell_approval' AND state = 'completed' AND applied_at IS NULL`,
          [reportId],
        );
        return Number(rows[0].n) === 0;
      },
      { timeoutMs: 15_000, what: 'every accepted approval applied' },
    );
    await holdsFor(async () => (await getReport(ctx, reportId)).stage === 'committee_review', { forMs: 500, what: 'stage committee_review' });

    const trail = await events(ctx, reportId);
    const transitions = trail.filter((e) => e.action === 'transition');
    expect(transitions.map((e) => [e.fromStage, e.toStage])).toEqual([
      ['drafting', 'cell_approval'],
      ['cell_approval', 'committee_review'],
    ]);

    // Every approver had exactly one task at cell_approval, none left open; the accepted ones are completed.
    const { rows } = await ctx.db.query<{ assignee_id: string; state: string }>(
      `SELECT assignee_id, state FROM tasks WHERE report_id = $1 AND stage = 'cell_approval'`,
      [reportId],
    );
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.assignee_id)).size).toBe(20);
    expect(rows.filter((r) => r.state === 'open')).toEqual([]);
    expect(rows.filter((r) => r.state === 'completed')).toHaveLength(accepted);
    const openLeft = await Promise.all(sessions.map(async (s) => (await tasksOf(s)).filter((t) => t.reportId === reportId)));
    expect(openLeft.flat()).toEqual([]);

    // The next stage got its tasks once: one per reviewer of KBNN.
    const review = await ctx.db.query<{ n: string }>(`SELECT count(*) AS n FROM tasks WHERE report_id = $1 AND stage = 'committee_review'`, [reportId]);
    expect(Number(review.rows[0].n)).toBe(2);
    for (const reviewer of ['kbnn.bithu', 'kbnn.capuy']) {
      const mine = (await tasksOf(await session(ctx, reviewer))).filter((t) => t.reportId === reportId);
      expect({ reviewer, stages: mine.map((t) => t.stage) }).toEqual({ reviewer, stages: ['committee_review'] });
    }
  });

  it("ten concurrent completions of ONE task: exactly one 202, the rest 409, one transition, made once the report's row is free", async () => {
    const reviewer = await session(ctx, 'kbnn.bithu');
    const task = await openTask(reviewer, reportId, 'committee_review');
    const decisionJob = async () => transitionsQueue.getJob(jobIdOf({ name: JobName.ApplyDecision, data: { taskId: task.id } }));
    // Another transaction holds the report's row (as another decision's move does): the deciding
    // vote goes back to the queue while it is held, and moves the report once it is released.
    await ctx.db.query('BEGIN');
    try {
      await ctx.db.query('SELECT 1 FROM reports WHERE id = $1 FOR NO KEY UPDATE', [reportId]);
      const answers = await Promise.all(Array.from({ length: 10 }, () => completeTask(reviewer, task.id, 'approve')));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([202, ...Array(9).fill(409)]);
      // Run again and again, each time put back as a delayed job: never a failed attempt.
      await waitFor(async () => ((await decisionJob())?.attemptsStarted ?? 0) >= 3, { timeoutMs: 10_000, what: 'the decision job run again' });
      await holdsFor(async () => (await getReport(ctx, reportId)).stage === 'committee_review', {
        forMs: 1_500,
        what: 'stage committee_review while the row is held',
      });
    } finally {
      await ctx.db.query('COMMIT');
    }

    await waitForStage(ctx, reportId, 'consolidation');
    const job = await decisionJob();
    expect({ failedReason: job?.failedReason, stacktrace: job?.stacktrace, finished: !!job?.finishedOn }).toEqual({
      failedReason: undefined,
      stacktrace: [],
      finished: true,
    });
    const transitions = (await events(ctx, reportId)).filter((e) => e.action === 'transition' && e.fromStage === 'committee_review');
    expect(transitions).toHaveLength(1);
    const approvals = (await events(ctx, reportId)).filter((e) => e.action === 'approve' && e.actor === 'kbnn.bithu');
    expect(approvals).toHaveLength(1);
    expectStatus(await reviewer.get(`/api/tasks/${task.id}`), 200);
  });
});
