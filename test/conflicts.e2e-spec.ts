import { expectStatus, session } from './support/api';
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
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { ReportDto } from './support/types';
import { waitFor } from './kit/poll';

/** The ten areas of part II of the đề cương (strengths, limitations, causes each) and the one-text items of parts I, III, IV and V. */
const OUTLINE_KEYS = [
  'political',
  'ideological',
  'ethics',
  'degradation',
  'organisation',
  'cadres',
  'inspection',
  'mass_mobilisation',
  'practice_theory',
  'charter',
];
const ONE_TEXT_KEYS = ['context', 'overall_assessment', 'lessons_learned', 'next_term', 'proposals'];

describe('conflicts (409) and refusals by the rules (422)', () => {
  let ctx: E2eContext;
  let reports: Map<string, ReportDto>;
  const id = (unit: string) => reports.get(unit)!.id;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    const plan = await createPlan(ctx);
    await launchPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('409 on a second completion of the same task, before and after the worker applied the first', async () => {
    const bithu = await session(ctx, 'kbnn-tt.bithu');
    await fillReport(ctx, id('KBNN-TT'), bithu);
    await submitReport(id('KBNN-TT'), bithu);
    await waitForStage(ctx, id('KBNN-TT'), 'cell_approval');
    const task = await openTask(bithu, id('KBNN-TT'), 'cell_approval');

    expectStatus(await completeTask(bithu, task.id, 'approve'), 202);
    const again = await completeTask(bithu, task.id, 'approve');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    expect((await completeTask(bithu, task.id, 'return', 'Đổi ý.')).status).toBe(409);

    await waitForStage(ctx, id('KBNN-TT'), 'committee_review');
    expect((await completeTask(bithu, task.id, 'approve')).status).toBe(409);
    const transitions = (await events(ctx, id('KBNN-TT'))).filter((e) => e.action === 'transition' && e.fromStage === 'cell_approval');
    expect(transitions).toHaveLength(1);
  });

  it('409 editing, setting figures or submitting a report that is not in drafting', async () => {
    const bithu = await session(ctx, 'kbnn-tt.bithu');
    const reportId = id('KBNN-TT');
    const before = await getReport(ctx, reportId);
    expect(before.stage).toBe('committee_review');
    const put = await bithu.put(`/api/reports/${reportId}/sections/political`).send({ strengths: 'Sửa sau khi đã nộp.' });
    expect(put.status).toBe(409);
    expect((await bithu.put(`/api/reports/${reportId}/indicators`).send({ resolutions_issued: 3 })).status).toBe(409);
    expect((await bithu.post(`/api/reports/${reportId}/submit`)).status).toBe(409);
    const after = await getReport(ctx, reportId);
    expect(after.sections).toEqual(before.sections);
    expect(after.indicators).toEqual(before.indicators);
  });

  it('422 on submit with required sections empty; the body lists the missing section keys', async () => {
    const drafter = await session(ctx, 'bvnn-noi.bithu');
    const reportId = id('BVNN-NOI');

    const empty = await drafter.post(`/api/reports/${reportId}/submit`);
    expect(empty.status).toBe(422);
    expect([...empty.body.missing].sort()).toEqual([...OUTLINE_KEYS, ...ONE_TEXT_KEYS].sort());

    const put = (key: string, body: object) => drafter.put(`/api/reports/${reportId}/sections/${key}`).send(body);
    expectStatus(await put('political', { strengths: 'Ưu điểm rõ.', limitations: 'Hạn chế rõ.', causes: 'Nguyên nhân.' }), 200);
    expectStatus(await put('ideological', { strengths: 'Chỉ có ưu điểm.' }), 200);
    expectStatus(await put('ethics', { limitations: 'Chỉ có hạn chế.' }), 200);
    expectStatus(await put('degradation', { strengths: '   ', limitations: 'Khoảng trắng không phải nội dung.' }), 200);
    for (const key of OUTLINE_KEYS.slice(4)) {
      expectStatus(await put(key, { strengths: `Ưu điểm ${key}.`, limitations: `Hạn chế ${key}.` }), 200);
    }
    expectStatus(await put('context', { text: ' \n ' }), 200);
    for (const key of ONE_TEXT_KEYS.slice(1)) expectStatus(await put(key, { text: `Nội dung ${key}.` }), 200);
    const res = await drafter.post(`/api/reports/${reportId}/submit`);
    expect(res.status).toBe(422);
    expect(res.body.statusCode).toBe(422);
    expect(res.body.message).toBeTruthy();
    expect([...res.body.missing].sort()).toEqual(['context', 'degradation', 'ethics', 'ideological']);
    expect((await getReport(ctx, reportId)).stage).toBe('drafting');
    expect((await events(ctx, reportId)).some((e) => e.action === 'submit')).toBe(false);

    // Completing the four items makes the same submit acceptable.
    // PUT replaces the section (parts left out are empty afterwards), so send both parts.
    expectStatus(await put('context', { text: 'Đặc điểm: chi bộ có 18 đảng viên.' }), 200);
    expectStatus(await put('ideological', { strengths: 'Chỉ có ưu điểm.', limitations: 'Bổ sung hạn chế.' }), 200);
    expectStatus(await put('ethics', { strengths: 'Bổ sung ưu điểm.', limitations: 'Chỉ có hạn chế.' }), 200);
    expectStatus(await put('degradation', { strengths: 'Bổ sung ưu điểm.', limitations: 'Khoảng trắng không phải nội dung.' }), 200);
    const report = await getReport(ctx, reportId);
    expect(report.sections.find((s) => s.key === 'ideological')).toMatchObject({ strengths: 'Chỉ có ưu điểm.', limitations: 'Bổ sung hạn chế.' });
    expectStatus(await drafter.post(`/api/reports/${reportId}/submit`), 202);
    await waitForStage(ctx, reportId, 'cell_approval');
  });

  it('422 on return without a comment; the task stays open', async () => {
    const drafter = await session(ctx, 'kbnn-kt.soanthao');
    await fillReport(ctx, id('KBNN-KT'), drafter);
    await submitReport(id('KBNN-KT'), drafter);
    await waitForStage(ctx, id('KBNN-KT'), 'cell_approval');
    const bithu = await session(ctx, 'kbnn-kt.bithu');
    const task = await openTask(bithu, id('KBNN-KT'), 'cell_approval');

    const res = await completeTask(bithu, task.id, 'return');
    expect(res.status).toBe(422);
    expect(res.body.statusCode).toBe(422);
    expect((await bithu.get(`/api/tasks/${task.id}`)).body.state).toBe('open');
    expect((await getReport(ctx, id('KBNN-KT'))).stage).toBe('cell_approval');
  });

  it('delegating to someone who holds the same role for the same unit and no task of the round: 200, the task is theirs', async () => {
    const owner = await session(ctx, 'hlhpn-tg.bithu');
    const reportId = id('HLHPN-TG');
    await fillReport(ctx, reportId, owner);
    await submitReport(reportId, owner);
    await waitForStage(ctx, reportId, 'cell_approval');
    const task = await openTask(owner, reportId, 'cell_approval');
    // A deputy secretary joins the cell after the stage began: same role, same unit; the running
    // stage gives the deputy a task of their own, so the committee now has two members.
    await importOrg(ctx, {
      units: [],
      users: [
        {
          username: 'hlhpn-tg.phobithu',
          fullName: 'Đỗ Thị Hạnh',
          email: 'hanh@example.vn',
          password: 'tongket-2019',
          roles: [{ unit: 'HLHPN-TG', role: 'approver' }],
        },
      ],
    });
    const deputy = await session(ctx, 'hlhpn-tg.phobithu');
    const own = await waitFor(async () => (await tasksOf(deputy)).find((t) => t.reportId === reportId), { timeoutMs: 5000, what: "the deputy's own task" });

    // The deputy has a voice of their own in this round: taking the secretary's too is refused.
    const refused = await owner.post(`/api/tasks/${task.id}/delegate`).send({ username: 'hlhpn-tg.phobithu' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('mỗi người chỉ có một ý kiến');

    // With the deputy's own task withdrawn, the deputy holds the role and nothing of the round: allowed.
    await ctx.db.query(`UPDATE tasks SET state = 'cancelled', cancelled_at = now() WHERE id = $1`, [own!.id]);
    const res = await owner.post(`/api/tasks/${task.id}/delegate`).send({ username: 'hlhpn-tg.phobithu' });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(task.id);
    expect((await tasksOf(deputy)).map((t) => t.id)).toContain(task.id);
    expect((await tasksOf(owner)).map((t) => t.id)).not.toContain(task.id);
    expectStatus(await deputy.get(`/api/tasks/${task.id}`), 200);
    expect((await owner.get(`/api/tasks/${task.id}`)).status).toBe(403);
    expect((await completeTask(owner, task.id, 'approve')).status).toBe(403);

    // One seat left in the round, held by the deputy: their approval decides it.
    expectStatus(await completeTask(deputy, task.id, 'approve'), 202);
    await waitForStage(ctx, reportId, 'committee_review');
    const trail = await events(ctx, reportId);
    expect(trail.some((e) => e.action === 'delegate' && e.actor === 'hlhpn-tg.bithu')).toBe(true);
    expect(trail.some((e) => e.action === 'approve' && e.actor === 'hlhpn-tg.phobithu')).toBe(true);
  });

  it('delegating to a user without that role for that unit: 422, the task stays with its holder', async () => {
    const bithu = await session(ctx, 'kbnn-kt.bithu');
    const task = await openTask(bithu, id('KBNN-KT'), 'cell_approval');
    for (const username of ['kbnn-kt.soanthao', 'hlhpn-tg.bithu', 'kbnn.bithu']) {
      const res = await bithu.post(`/api/tasks/${task.id}/delegate`).send({ username });
      expect({ username, status: res.status }).toEqual({ username, status: 422 });
    }
    const still = await bithu.get(`/api/tasks/${task.id}`);
    expect(still.status).toBe(200);
    expect(still.body.state).toBe('open');
    expect((await tasksOf(bithu)).map((t) => t.id)).toContain(task.id);
  });
});
