import { expectStatus, session } from './support/api';
import { expectInOrder } from './support/audit';
import { approve, completeTask, events, openTask, submitReport, tasksOf, waitForStage } from './support/factories';
import { reportAtCellApproval } from './support/drive';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { waitFor } from './kit/poll';

const CELL_REASON = 'Đề nghị bổ sung số liệu kết nạp đảng viên mới và làm rõ nguyên nhân của hạn chế.';
const COMMITTEE_REASON = 'Phần phương hướng nhiệm kỳ tới chưa bám sát Nghị quyết số 01 của Đảng ủy Khối; đề nghị chỉnh sửa.';

describe('returning a report with a reason, at cell_approval and at committee_review', () => {
  let ctx: E2eContext;
  let reportId: string;

  beforeAll(async () => {
    ctx = await startE2e();
    ({ reportId } = await reportAtCellApproval(ctx));
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('one approver’s return at cell_approval sends the report back to drafting with the reason', async () => {
    const bithu = await session(ctx, 'kbnn-kt.bithu');
    const task = await openTask(bithu, reportId, 'cell_approval');
    expectStatus(await completeTask(bithu, task.id, 'return', CELL_REASON), 202);

    const report = await waitForStage(ctx, reportId, 'drafting');
    expect(report.returnedCount).toBe(1);
    expect(report.lastReturnReason).toBe(CELL_REASON);
    // The drafter's work is kept for the next round, and the drafter has a task again.
    expect(report.sections.find((s) => s.key === 'political')?.strengths).toBeTruthy();
    await openTask(await session(ctx, 'kbnn-kt.soanthao'), reportId, 'drafting');
  });

  it('the other approver’s open task of that stage is cancelled', async () => {
    const capuy = await session(ctx, 'kbnn-kt.capuy');
    const cancelled = await waitFor(async () => (await tasksOf(capuy, 'cancelled')).find((t) => t.reportId === reportId && t.stage === 'cell_approval'), {
      what: 'kbnn-kt.capuy’s cell_approval task cancelled',
    });
    expect(cancelled.state).toBe('cancelled');
    expect((await tasksOf(capuy)).filter((t) => t.reportId === reportId)).toEqual([]);
    expectStatus(await capuy.get(`/api/tasks/${cancelled.id}`), 200);
    expect((await capuy.get(`/api/tasks/${cancelled.id}`)).body.state).toBe('cancelled');
    // A cancelled task cannot be completed any more.
    expectStatus(await completeTask(capuy, cancelled.id, 'approve'), 409);
  });

  it('the events show the return and its transition, both with the reason', async () => {
    const trail = await events(ctx, reportId);
    expect(trail.find((e) => e.action === 'return')).toMatchObject({ actor: 'kbnn-kt.bithu', comment: CELL_REASON });
    const back = trail.filter((e) => e.action === 'transition' && e.toStage === 'drafting');
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ fromStage: 'cell_approval', toStage: 'drafting', comment: CELL_REASON });
  });

  it('after corrections and resubmission both approvers approve: committee_review', async () => {
    const drafter = await session(ctx, 'kbnn-kt.soanthao');
    expectStatus(
      await drafter
        .put(`/api/reports/${reportId}/sections/cadres`)
        .send({ strengths: 'Đã kết nạp 12 đảng viên mới trong nhiệm kỳ.', limitations: 'Nguồn phát triển đảng viên còn mỏng.' }),
      200,
    );
    await submitReport(reportId, drafter);
    await waitForStage(ctx, reportId, 'cell_approval');
    await approve(await session(ctx, 'kbnn-kt.bithu'), reportId, 'cell_approval');
    await approve(await session(ctx, 'kbnn-kt.capuy'), reportId, 'cell_approval');
    const report = await waitForStage(ctx, reportId, 'committee_review');
    expect(report.returnedCount).toBe(1);
    expect(report.sections.find((s) => s.key === 'cadres')?.strengths).toBe('Đã kết nạp 12 đảng viên mới trong nhiệm kỳ.');
  });

  it('a reviewer of the parent returns at committee_review: back to drafting, the other reviewer’s task cancelled', async () => {
    const capuy = await session(ctx, 'kbnn.capuy');
    const task = await openTask(capuy, reportId, 'committee_review');
    expectStatus(await completeTask(capuy, task.id, 'return', COMMITTEE_REASON), 202);

    const report = await waitForStage(ctx, reportId, 'drafting');
    expect(report.returnedCount).toBe(2);
    expect(report.lastReturnReason).toBe(COMMITTEE_REASON);

    const bithu = await session(ctx, 'kbnn.bithu');
    await waitFor(async () => (await tasksOf(bithu, 'cancelled')).find((t) => t.reportId === reportId && t.stage === 'committee_review'), {
      what: 'kbnn.bithu’s committee_review task cancelled',
    });
    expect((await tasksOf(bithu)).filter((t) => t.reportId === reportId)).toEqual([]);
  });

  it('resubmitted, the report goes through every stage to done; the trail holds both returns in order', async () => {
    const drafter = await session(ctx, 'kbnn-kt.soanthao');
    await submitReport(reportId, drafter);
    await waitForStage(ctx, reportId, 'cell_approval');
    await approve(await session(ctx, 'kbnn-kt.capuy'), reportId, 'cell_approval');
    await approve(await session(ctx, 'kbnn-kt.bithu'), reportId, 'cell_approval');
    await waitForStage(ctx, reportId, 'committee_review');
    await approve(await session(ctx, 'kbnn.bithu'), reportId, 'committee_review');
    await waitForStage(ctx, reportId, 'consolidation');
    const lan = await session(ctx, 'tgv.lan');
    const consolidation = await openTask(lan, null, 'consolidation');
    expectStatus(await completeTask(lan, consolidation.id, 'approve'), 202);
    const done = await waitForStage(ctx, reportId, 'done');
    expect(done.returnedCount).toBe(2);

    const trail = await events(ctx, reportId);
    expectInOrder(trail, [
      { action: 'submit' },
      { action: 'transition', fromStage: 'drafting', toStage: 'cell_approval' },
      { action: 'return', actor: 'kbnn-kt.bithu', comment: CELL_REASON },
      { action: 'transition', fromStage: 'cell_approval', toStage: 'drafting', comment: CELL_REASON },
      { action: 'edit_section' },
      { action: 'submit' },
      { action: 'transition', fromStage: 'drafting', toStage: 'cell_approval' },
      { action: 'transition', fromStage: 'cell_approval', toStage: 'committee_review' },
      { action: 'return', actor: 'kbnn.capuy', comment: COMMITTEE_REASON },
      { action: 'transition', fromStage: 'committee_review', toStage: 'drafting', comment: COMMITTEE_REASON },
      { action: 'submit' },
      { action: 'transition', fromStage: 'drafting', toStage: 'cell_approval' },
      { action: 'transition', fromStage: 'cell_approval', toStage: 'committee_review' },
      { action: 'transition', fromStage: 'committee_review', toStage: 'consolidation' },
      { action: 'transition', fromStage: 'consolidation', toStage: 'done' },
    ]);
    // d→ca, ca→d (return), d→ca, ca→cr, cr→d (return), d→ca, ca→cr, cr→cons, cons→done
    expect(trail.filter((e) => e.action === 'transition')).toHaveLength(9);
    expect(trail.filter((e) => e.action === 'return')).toHaveLength(2);
  });
});
