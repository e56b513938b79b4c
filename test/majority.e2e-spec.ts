import { expectStatus, session } from './support/api';
import { completeTask, events, getReport, openTask, tasksOf, waitForStage } from './support/factories';
import { reportAtCellApproval } from './support/drive';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { holdsFor, waitFor } from './kit/poll';

describe('majority at cell_approval: strictly more than half of KBNN-KT’s two approvers', () => {
  let ctx: E2eContext;
  let reportId: string;

  beforeAll(async () => {
    ctx = await startE2e();
    ({ reportId } = await reportAtCellApproval(ctx));
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('one approval of two is half, not a majority: the report stays in cell_approval', async () => {
    const bithu = await session(ctx, 'kbnn-kt.bithu');
    const capuy = await session(ctx, 'kbnn-kt.capuy');
    const task = await openTask(bithu, reportId, 'cell_approval');
    const other = await openTask(capuy, reportId, 'cell_approval');
    expectStatus(await completeTask(bithu, task.id, 'approve'), 202);

    // Wait until the worker has applied the decision (the task row says so) and the audit shows it.
    await waitFor(
      async () => {
        const { rows } = await ctx.db.query<{ applied_at: Date | null }>(`SELECT applied_at FROM tasks WHERE id = $1`, [task.id]);
        return rows[0]?.applied_at != null;
      },
      { what: 'the first approval applied by the worker' },
    );
    await waitFor(async () => (await events(ctx, reportId)).some((e) => e.action === 'approve' && e.actor === 'kbnn-kt.bithu'), {
      what: 'the approve event',
    });
    // And for a bounded second, nothing moves.
    await holdsFor(async () => (await getReport(ctx, reportId)).stage === 'cell_approval', { forMs: 1_000, what: 'stage cell_approval' });

    expect((await tasksOf(bithu, 'completed')).map((t) => t.id)).toContain(task.id);
    expect((await tasksOf(capuy)).map((t) => t.id)).toContain(other.id);
    expect((await events(ctx, reportId)).filter((e) => e.action === 'transition' && e.fromStage === 'cell_approval')).toEqual([]);
  });

  it('the second approval makes two of two: the report moves to committee_review, once', async () => {
    const capuy = await session(ctx, 'kbnn-kt.capuy');
    const task = await openTask(capuy, reportId, 'cell_approval');
    expectStatus(await completeTask(capuy, task.id, 'approve'), 202);
    await waitForStage(ctx, reportId, 'committee_review');

    const transitions = (await events(ctx, reportId)).filter((e) => e.action === 'transition' && e.fromStage === 'cell_approval');
    expect(transitions).toHaveLength(1);
    expect(transitions[0].toStage).toBe('committee_review');
    // Reviewers of the parent (KBNN) now hold the report.
    await openTask(await session(ctx, 'kbnn.bithu'), reportId, 'committee_review');
    await openTask(await session(ctx, 'kbnn.capuy'), reportId, 'committee_review');
  });
});
