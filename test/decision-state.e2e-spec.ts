import { expectStatus, session } from './support/api';
import { completeTask, events, openTask, tasksOf, waitForStage } from './support/factories';
import { reportAtCellApproval } from './support/drive';
import { E2eContext, startE2e, stopE2e } from './support/harness';

/**
 * Where a report's decision stands. KBNN-KT's report is adopted at cell_approval
 * by its two approvers, by majority (both); an approval may carry a comment, stored and audited.
 */
describe('decision state: who decided, who is awaited, what the rule needs', () => {
  let ctx: E2eContext;
  let reportId: string;
  const APPROVAL_COMMENT = 'Đồng ý; đề nghị bổ sung số liệu phát triển đảng viên năm 2019.';
  const RETURN_REASON = 'Chưa nêu rõ nguyên nhân của hạn chế trong sinh hoạt chi bộ.';

  beforeAll(async () => {
    ctx = await startE2e();
    ({ reportId } = await reportAtCellApproval(ctx));
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  const decisionAs = async (username: string) => expectStatus(await (await session(ctx, username)).get(`/api/reports/${reportId}/decision`), 200).body;

  it('before anyone decides: the rule, what it needs, and both approvers awaited', async () => {
    const state = await decisionAs('kbnn-kt.soanthao');
    expect(state).toMatchObject({
      reportId,
      stage: 'cell_approval',
      stageKind: 'approval',
      rule: { type: 'majority' },
      needed: 2,
      approvals: 0,
      returns: 0,
      summary: '0/2 đã đồng ý, chờ Hoàng Văn Bình, Ngô Thị Dung',
      ruleText: 'Cần quá nửa số đồng chí đồng ý (2/2)',
    });
    expect(state.members.map((m: { username: string; state: string }) => [m.username, m.state])).toEqual([
      ['kbnn-kt.bithu', 'waiting'],
      ['kbnn-kt.capuy', 'waiting'],
    ]);
  });

  it('an approval with a too long comment is refused whole (400) and decides nothing', async () => {
    const bithu = await session(ctx, 'kbnn-kt.bithu');
    const task = await openTask(bithu, reportId, 'cell_approval');
    expectStatus(await completeTask(bithu, task.id, 'approve', 'x'.repeat(10_001)), 400);
    expect((await decisionAs('kbnn-kt.bithu')).approvals).toBe(0);
    expect((await tasksOf(bithu)).map((t) => t.id)).toContain(task.id);
  });

  it('an approval keeps its comment: in the answer, the decision state, the trail and the other approver’s inbox', async () => {
    const bithu = await session(ctx, 'kbnn-kt.bithu');
    const task = await openTask(bithu, reportId, 'cell_approval');
    const answer = expectStatus(await completeTask(bithu, task.id, 'approve', `  ${APPROVAL_COMMENT}\n`), 202).body;
    expect(answer).toMatchObject({ id: task.id, decision: 'approve', comment: APPROVAL_COMMENT });

    const state = await decisionAs('kbnn.bithu');
    expect(state).toMatchObject({ approvals: 1, needed: 2, summary: '1/2 đã đồng ý, chờ Ngô Thị Dung' });
    expect(state.members[0]).toMatchObject({ username: 'kbnn-kt.bithu', fullName: 'Hoàng Văn Bình', state: 'approved', comment: APPROVAL_COMMENT });
    expect(state.members[0].decidedAt).toEqual(expect.any(String));
    expect((await events(ctx, reportId)).find((e) => e.action === 'approve')).toMatchObject({ actor: 'kbnn-kt.bithu', comment: APPROVAL_COMMENT });

    const capuyTask = await openTask(await session(ctx, 'kbnn-kt.capuy'), reportId, 'cell_approval');
    expect(capuyTask).toMatchObject({ roundApprovals: 1, roundSeats: 2, returnedCount: 0, lastReturnReason: null });
  });

  it('a return resolves the round: the drafter’s new task is marked returned, with the reason', async () => {
    const capuy = await session(ctx, 'kbnn-kt.capuy');
    const task = await openTask(capuy, reportId, 'cell_approval');
    expectStatus(await completeTask(capuy, task.id, 'return', RETURN_REASON), 202);
    await waitForStage(ctx, reportId, 'drafting');

    const draftTask = await openTask(await session(ctx, 'kbnn-kt.soanthao'), reportId, 'drafting');
    expect(draftTask).toMatchObject({ kind: 'draft', returnedCount: 1, lastReturnReason: RETURN_REASON, roundApprovals: null, roundSeats: null });
    // Drafting has no approval rule: the state names the stage and who holds it.
    const state = await decisionAs('kbnn-kt.soanthao');
    expect(state).toMatchObject({ stage: 'drafting', stageKind: 'draft', rule: null, needed: null, summary: null, ruleText: null });
    expect(state.members.map((m: { username: string }) => m.username)).toEqual(['kbnn-kt.soanthao']);
  });

  it('the OpenAPI document describes the review endpoints, their answers and refusals, and what tasks add', async () => {
    const doc = expectStatus(await (await session(ctx, 'admin')).get('/docs-json'), 200).body;
    // Beside these, a route taking a body gets its 413 and 415 from the engine's body reading, and every
    // route its 400, 401 and 500 from the engine's pipes, guard and filter (test/operations.e2e-spec.ts).
    const responses = (path: string, method: string) =>
      Object.keys(doc.paths[path]?.[method]?.responses ?? {})
        .filter((s) => !['400', '401', '413', '415', '500'].includes(s))
        .sort();
    expect(responses('/api/reports/{id}/decision', 'get')).toEqual(['200', '403', '404']);
    expect(responses('/api/reports/{id}/remarks', 'get')).toEqual(['200', '403', '404']);
    expect(responses('/api/reports/{id}/remarks', 'post')).toEqual(['201', '403', '404']);
    expect(responses('/api/remarks/{id}/replies', 'post')).toEqual(['201', '403', '404', '409']);
    expect(responses('/api/remarks/{id}/resolve', 'post')).toEqual(['200', '403', '404', '409']);
    expect(responses('/api/tasks/{id}/complete', 'post')).toEqual(['202', '403', '404', '409', '422']);
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas.DecisionStateView.properties)).toEqual(expect.arrayContaining(['summary', 'ruleText', 'needed', 'members']));
    expect(Object.keys(schemas.RemarkView.properties)).toEqual(expect.arrayContaining(['section', 'quote', 'text', 'replies', 'resolvedAt']));
    expect(Object.keys(schemas.TaskView.properties)).toEqual(expect.arrayContaining(['returnedCount', 'lastReturnReason', 'roundApprovals', 'roundSeats']));
    expect(Object.keys(schemas.CompletedTaskView.properties)).toContain('comment');
  });

  it('tells an unknown report (404) from one the caller may not read (403)', async () => {
    const outsider = await session(ctx, 'bvnn.bithu');
    expectStatus(await outsider.get(`/api/reports/${reportId}/decision`), 403);
    expectStatus(await outsider.get('/api/reports/00000000-0000-4000-8000-000000000000/decision'), 404);
    expectStatus(await outsider.get('/api/reports/khong-phai-id/decision'), 400);
  });
});
