import { JobName, jobIdOf } from '@app/jobs';
import { expectStatus, session, Session } from './support/api';
import {
  completeTask,
  createPlan,
  events,
  fillReport,
  getReport,
  importFixture,
  launchPlan,
  openTask,
  reportsByUnit,
  submitReport,
  waitForStage,
} from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { engineQueue } from './support/queues';
import { holdsFor, waitFor } from './kit/poll';

/**
 * A stage's rule counts distinct people (tập trung dân chủ): KBNN-KT's cell approval needs both of
 * its two approvers (majority of two), so no way of handing tasks around may let one of them
 * decide twice. Each report below is a fresh one in cell_approval with one task per approver.
 */
describe('one person, one voice: delegation, reassignment and decisions in a round', () => {
  let ctx: E2eContext;
  let bithu: Session;
  let capuy: Session;
  let admin: Session;
  const reports: string[] = [];

  /** A report of another plan, KBNN-KT's, submitted and waiting for its two approvers. */
  async function reportInCellApproval(): Promise<string> {
    const plan = await createPlan(ctx, { code: `${reports.length + 1}-KH/ĐUK` } as never);
    await launchPlan(ctx, plan.id);
    const reportId = (await reportsByUnit(ctx, plan.id)).get('KBNN-KT')!.id;
    const drafter = await session(ctx, 'kbnn-kt.soanthao');
    await fillReport(ctx, reportId, drafter);
    await submitReport(reportId, drafter);
    await waitForStage(ctx, reportId, 'cell_approval');
    reports.push(reportId);
    return reportId;
  }

  async function holder(taskId: string): Promise<string> {
    const { rows } = await ctx.db.query<{ username: string }>(`SELECT u.username FROM tasks t JOIN users u ON u.id = t.assignee_id WHERE t.id = $1`, [taskId]);
    return rows[0].username;
  }

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    [bithu, capuy, admin] = await Promise.all(['kbnn-kt.bithu', 'kbnn-kt.capuy', 'admin'].map((u) => session(ctx, u)));
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('delegating to the other approver, who holds a task of the same round, is refused: 422 in Vietnamese, nothing changes', async () => {
    const reportId = await reportInCellApproval();
    const task = await openTask(bithu, reportId, 'cell_approval');
    const res = expectStatus(await bithu.post(`/api/tasks/${task.id}/delegate`).send({ username: 'kbnn-kt.capuy' }), 422);
    expect(res.body.message).toMatch(/mỗi người chỉ có một ý kiến/);
    expect(await holder(task.id)).toBe('kbnn-kt.bithu');
    expect((await events(ctx, reportId)).filter((e) => e.action === 'delegate')).toEqual([]);
  });

  it('an approver who has already approved cannot receive a colleague’s task of the round', async () => {
    const reportId = await reportInCellApproval();
    const own = await openTask(capuy, reportId, 'cell_approval');
    expectStatus(await completeTask(capuy, own.id, 'approve'), 202);
    const task = await openTask(bithu, reportId, 'cell_approval');
    expectStatus(await bithu.post(`/api/tasks/${task.id}/delegate`).send({ username: 'kbnn-kt.capuy' }), 422);
    expect(await holder(task.id)).toBe('kbnn-kt.bithu');
    await holdsFor(async () => (await getReport(ctx, reportId)).stage === 'cell_approval', { forMs: 800, what: 'one approval of two' });
  });

  it('an administrator’s reassignment lists such a task as not moved, with the reason, and moves nothing of it', async () => {
    const reportId = await reportInCellApproval();
    const task = await openTask(bithu, reportId, 'cell_approval');
    const res = expectStatus(await admin.post('/api/users/kbnn-kt.bithu/reassign').send({ to: 'kbnn-kt.capuy' }), 200);
    expect(res.body.movedTaskIds).not.toContain(task.id);
    expect(res.body.notMoved).toContainEqual({ taskId: task.id, reason: expect.stringMatching(/mỗi người chỉ có một ý kiến/) });
    expect(await holder(task.id)).toBe('kbnn-kt.bithu');
  });

  it('an unknown username and a user without the role get the same answer (delegation tells nobody who has an account)', async () => {
    const reportId = reports[0];
    const task = await openTask(bithu, reportId, 'cell_approval');
    const unknown = expectStatus(await bithu.post(`/api/tasks/${task.id}/delegate`).send({ username: 'khong-ai-co-ten-nay' }), 422);
    const noRole = expectStatus(await bithu.post(`/api/tasks/${task.id}/delegate`).send({ username: 'kbnn.bithu' }), 422);
    expect(unknown.body).toEqual(noRole.body);
    expect(unknown.body.message).not.toMatch(/khong-ai-co-ten-nay|kbnn\.bithu|exist/i);
  });

  it('when two tasks of a round already sit with one person (an older delegation), their second decision is refused and never counts', async () => {
    const reportId = await reportInCellApproval();
    const first = await openTask(capuy, reportId, 'cell_approval');
    const second = await openTask(bithu, reportId, 'cell_approval');
    // As an earlier version allowed: bithu's task handed to capuy.
    await ctx.db.query(`UPDATE tasks SET assignee_id = (SELECT id FROM users WHERE username = 'kbnn-kt.capuy'), delegated_from = assignee_id WHERE id = $1`, [
      second.id,
    ]);
    expectStatus(await completeTask(capuy, first.id, 'approve'), 202);
    const refused = expectStatus(await completeTask(capuy, second.id, 'approve'), 422);
    expect(refused.body.message).toMatch(/mỗi người chỉ có một ý kiến/);

    // Even if a second decision got in (two requests racing past the check), the tally counts people:
    // written here directly, then applied by the worker like any decision.
    await ctx.db.query(`UPDATE tasks SET state = 'completed', decision = 'approve', completed_at = now() WHERE id = $1`, [second.id]);
    const queue = engineQueue(ctx, 'transitions');
    const job = { name: JobName.ApplyDecision, data: { taskId: second.id } } as const;
    await queue.add(job.name, job.data, { jobId: `${jobIdOf(job)}-test` });
    await queue.close();
    await waitFor(async () => (await ctx.db.query(`SELECT 1 FROM tasks WHERE id = $1 AND applied_at IS NOT NULL`, [second.id])).rows.length > 0, {
      what: 'the second decision applied',
    });
    await holdsFor(async () => (await getReport(ctx, reportId)).stage === 'cell_approval', { forMs: 800, what: 'one person is not a majority of two' });
  });
});
