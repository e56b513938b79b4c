import { expectStatus, forgetSession, session, Session } from './support/api';
import {
  approve,
  completeTask,
  createPlan,
  events,
  getReport,
  importFixture,
  importOrg,
  launchPlan,
  openTask,
  reportsByUnit,
  tasksOf,
  waitForStage,
} from './support/factories';
import { toCellApproval, toCommitteeReview } from './support/drive';
import { Fixture, FixtureUser } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { ReportDto, TaskDto } from './support/types';
import { holdsFor, waitFor } from './kit/poll';

const user = (username: string, fullName: string, roles: FixtureUser['roles']): FixtureUser => ({
  username,
  fullName,
  email: `${username}@example.vn`,
  password: 'tongket-2019',
  roles,
});

/** Whether the worker has applied a completed task's decision (the row says so). */
const applied = (ctx: E2eContext, taskId: string) => async () =>
  (await ctx.db.query(`SELECT 1 FROM tasks WHERE id = $1 AND applied_at IS NOT NULL`, [taskId])).rowCount === 1;

describe('approvers change while a stage runs: role changes, org import, reassignment, delegation', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let reports: Map<string, ReportDto>;
  let admin: Session;
  const id = (unit: string) => reports.get(unit)!.id;
  const putRoles = async (username: string, roles: FixtureUser['roles']) => {
    const res = expectStatus(await admin.put(`/api/users/${username}/roles`).send({ roles }), 200, `roles of ${username}`);
    forgetSession(ctx, username); // a removed role ends the person's sessions
    return res;
  };
  const taskOf = async (taskId: string) =>
    (
      await ctx.db.query<{ state: string; assignee: string; round: number }>(
        `SELECT t.state, u.username AS assignee, t.round FROM tasks t JOIN users u ON u.id = t.assignee_id WHERE t.id = $1`,
        [taskId],
      )
    ).rows[0];

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    // People without a role yet, to be given one while the plan runs.
    await importOrg(ctx, { units: [], users: [user('hlhpn-tc.uv2', 'Cao Thị Hạnh', []), user('hlhpn-tc.uv3', 'Tạ Văn Phúc', [])] });
    admin = await session(ctx, 'admin');
    const plan = await createPlan(ctx);
    await launchPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);
    await Promise.all([
      toCellApproval(ctx, fixture, 'KBNN-KT', id('KBNN-KT')),
      toCellApproval(ctx, fixture, 'HLHPN-TC', id('HLHPN-TC')),
      toCellApproval(ctx, fixture, 'KBNN-VP', id('KBNN-VP')),
      toCellApproval(ctx, fixture, 'KBNN', id('KBNN')),
      toCommitteeReview(ctx, fixture, 'KBNN-TT', id('KBNN-TT')),
    ]);
  }, 120_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('KBNN-KT: 1 of 2 approvals is pending; removing the other approver’s role cancels their task and 1 of 1 approves', async () => {
    const kt = id('KBNN-KT');
    const capuy = await session(ctx, 'kbnn-kt.capuy');
    const capuyTask = await openTask(capuy, kt, 'cell_approval');
    const bithuTask = await approve(await session(ctx, 'kbnn-kt.bithu'), kt, 'cell_approval');
    await waitFor(applied(ctx, bithuTask.id), { what: 'the first approval applied' });
    await holdsFor(async () => (await getReport(ctx, kt)).stage === 'cell_approval', { forMs: 500, what: 'KBNN-KT pending at 1 of 2' });

    const res = await putRoles('kbnn-kt.capuy', []);
    expect(res.body).toMatchObject({ username: 'kbnn-kt.capuy', roles: [] });
    expect((await taskOf(capuyTask.id)).state).toBe('cancelled');
    await waitForStage(ctx, kt, 'committee_review');

    const trail = await events(ctx, kt);
    expect(trail.filter((e) => e.action === 'transition' && e.fromStage === 'cell_approval').map((e) => e.toStage)).toEqual(['committee_review']);
    // Losing the role ended capuy's session: signed in again, nothing is open and the task shows cancelled.
    const capuyAgain = await session(ctx, 'kbnn-kt.capuy');
    expect((await capuy.get('/api/tasks')).status).toBe(401);
    expect(await tasksOf(capuyAgain)).toEqual([]);
    expect((await tasksOf(capuyAgain, 'cancelled')).map((t) => t.id)).toEqual([capuyTask.id]);
    const me = expectStatus(await admin.get('/api/users/kbnn-kt.capuy'), 200).body;
    expect(me.roles).toEqual([]);
  });

  it('HLHPN-TC: two new approvers (one by PUT roles, one by org import) get tasks; 1 approval of 3 no longer suffices', async () => {
    const tc = id('HLHPN-TC');
    const before = await openTask(await session(ctx, 'hlhpn-tc.bithu'), tc, 'cell_approval');
    const {
      rows: [report],
    } = await ctx.db.query<{ round: number; due_at: Date | null }>(`SELECT round, due_at FROM reports WHERE id = $1`, [tc]);

    const res = await putRoles('hlhpn-tc.uv2', [{ unit: 'HLHPN-TC', role: 'approver' }]);
    expect(res.body.roles.map((r: { unitCode: string; role: string }) => [r.unitCode, r.role])).toEqual([['HLHPN-TC', 'approver']]);
    const uv2Task = await openTask(await session(ctx, 'hlhpn-tc.uv2'), tc, 'cell_approval');
    await importOrg(ctx, { units: [], users: [user('hlhpn-tc.uv3', 'Tạ Văn Phúc', [{ unit: 'HLHPN-TC', role: 'approver' }])] });
    const uv3Task = await openTask(await session(ctx, 'hlhpn-tc.uv3'), tc, 'cell_approval');
    // Same round, same due date as the stage the others are in; the first approver's task is untouched.
    for (const t of [uv2Task, uv3Task]) {
      expect((await taskOf(t.id)).round).toBe(report.round);
      expect(t.dueAt === null ? null : Date.parse(t.dueAt)).toBe(report.due_at === null ? null : report.due_at.getTime());
    }
    expect((await taskOf(before.id)).state).toBe('open');
    const listed = expectStatus(await admin.get('/api/users?unit=HLHPN-TC'), 200).body as { username: string }[];
    expect(listed.map((u) => u.username).sort()).toEqual(['hlhpn-tc.bithu', 'hlhpn-tc.uv2', 'hlhpn-tc.uv3']);

    // 1 of 3 is not a majority (it would have been 1 of 1 before the change).
    const first = await approve(await session(ctx, 'hlhpn-tc.bithu'), tc, 'cell_approval');
    await waitFor(applied(ctx, first.id), { what: 'hlhpn-tc.bithu’s approval applied' });
    await holdsFor(async () => (await getReport(ctx, tc)).stage === 'cell_approval', { forMs: 800, what: 'HLHPN-TC pending at 1 of 3' });
    // 2 of 3 is.
    await approve(await session(ctx, 'hlhpn-tc.uv3'), tc, 'cell_approval');
    await waitForStage(ctx, tc, 'committee_review');
    await waitFor(async () => (await taskOf(uv2Task.id)).state === 'cancelled', { what: 'uv2’s task cancelled when the stage resolved' });
  });

  it('reassignment moves every open task of kbnn.capuy that the other can take; the rest are listed with a reason', async () => {
    // A new reviewer of KBNN (not an approver there), by import: they get their own committee_review tasks at once.
    await importOrg(ctx, { units: [], users: [user('kbnn.uv3', 'Kiều Văn Sơn', [{ unit: 'KBNN', role: 'reviewer' }])] });
    const uv3 = await session(ctx, 'kbnn.uv3');
    const capuy = await session(ctx, 'kbnn.capuy');
    for (const unit of ['KBNN-TT', 'KBNN-KT']) await openTask(uv3, id(unit), 'committee_review');
    await waitFor(async () => (await tasksOf(capuy)).length >= 3, { what: 'capuy’s open tasks' });
    const open: TaskDto[] = await tasksOf(capuy);
    const reviewTasks = open.filter((t) => t.stage === 'committee_review');
    const approvalTasks = open.filter((t) => t.stage === 'cell_approval');
    // Reviews of KBNN-TT and KBNN-KT (unit KBNN reviews its cells) and the approval of KBNN's own report.
    expect(reviewTasks.map((t) => t.unitCode).sort()).toEqual(['KBNN-KT', 'KBNN-TT']);
    expect(approvalTasks.map((t) => t.unitCode)).toEqual(['KBNN']);

    // kbnn.uv3 holds a review task of each round already: one person, one voice, so nothing moves.
    const refused = expectStatus(await admin.post('/api/users/kbnn.capuy/reassign').send({ to: 'kbnn.uv3' }), 200, 'reassign into rounds uv3 is in');
    expect(refused.body).toMatchObject({ from: 'kbnn.capuy', to: 'kbnn.uv3', moved: 0, movedTaskIds: [] });
    expect(refused.body.notMoved).toHaveLength(3);
    for (const t of reviewTasks) {
      expect(refused.body.notMoved).toContainEqual({ taskId: t.id, reason: expect.stringContaining('mỗi người chỉ có một ý kiến') });
    }
    // uv3's own review tasks withdrawn (as when they were handed to nobody yet): now uv3 may take capuy's.
    await ctx.db.query(
      `UPDATE tasks SET state = 'cancelled', cancelled_at = now() WHERE assignee_id = (SELECT id FROM users WHERE username = 'kbnn.uv3') AND state = 'open'`,
    );
    const res = expectStatus(await admin.post('/api/users/kbnn.capuy/reassign').send({ to: 'kbnn.uv3' }), 200, 'reassign');
    expect(res.body).toMatchObject({ from: 'kbnn.capuy', to: 'kbnn.uv3', moved: 2 });
    expect([...res.body.movedTaskIds].sort()).toEqual(reviewTasks.map((t) => t.id).sort());
    expect(res.body.notMoved).toHaveLength(1);
    expect(res.body.notMoved[0].taskId).toBe(approvalTasks[0].id);
    expect(res.body.notMoved[0].reason).toEqual(expect.stringContaining('giữ cùng vai trò'));

    // kbnn.uv3 now holds capuy's reviews; capuy keeps only the approval.
    const uv3Open = await tasksOf(uv3);
    expect(uv3Open.filter((t) => reviewTasks.some((r) => r.id === t.id))).toHaveLength(2);
    expect((await tasksOf(capuy)).map((t) => t.id)).toEqual([approvalTasks[0].id]);

    // Audited: the configuration audit and a delegate event on each report concerned.
    const audit = expectStatus(await admin.get('/api/audit/configuration?action=task.reassign'), 200).body as {
      actor: string;
      data: Record<string, unknown>;
    }[];
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actor: 'admin', data: { from: 'kbnn.capuy', to: 'kbnn.uv3', moved: 2, notMoved: [{ taskId: approvalTasks[0].id }] } });
    expect(audit[1]).toMatchObject({ actor: 'admin', data: { from: 'kbnn.capuy', to: 'kbnn.uv3', moved: 0 } });
    for (const t of reviewTasks) {
      const trail = await events(ctx, t.reportId!);
      expect(trail.filter((e) => e.action === 'delegate' && e.actor === 'admin' && (e as unknown as { taskId?: string }).taskId === t.id)).toHaveLength(1);
    }

    // The moved task works in its new hands: kbnn.uv3 approves KBNN-TT's review (rule any).
    const moved = reviewTasks.find((t) => t.unitCode === 'KBNN-TT')!;
    expectStatus(await completeTask(uv3, moved.id, 'approve'), 202, 'uv3 approves the reassigned task');
    await waitForStage(ctx, id('KBNN-TT'), 'consolidation');
    // It is no longer capuy's to complete.
    expectStatus(await capuy.post(`/api/tasks/${moved.id}/complete`).send({ decision: 'approve' }), [403, 409], 'capuy completes a task moved away');
  });

  it('reassignment refuses an unknown person (404), a target that is not a user or is the same person (422)', async () => {
    expect((await admin.post('/api/users/khong-co-ai/reassign').send({ to: 'kbnn.bithu' })).status).toBe(404);
    expect((await admin.post('/api/users/kbnn.capuy/reassign').send({ to: 'khong-co-ai' })).status).toBe(422);
    expect((await admin.post('/api/users/kbnn.capuy/reassign').send({ to: 'kbnn.capuy' })).status).toBe(422);
  });

  it('delegation within the committee is refused: kbnn.bithu already holds a task of the round, and one person cannot act for two', async () => {
    const kbnn = id('KBNN');
    const capuy = await session(ctx, 'kbnn.capuy');
    const bithu = await session(ctx, 'kbnn.bithu');
    const own = await openTask(bithu, kbnn, 'cell_approval');
    const theirs = await openTask(capuy, kbnn, 'cell_approval');
    const res = expectStatus(
      await capuy.post(`/api/tasks/${theirs.id}/delegate`).send({ username: 'kbnn.bithu' }),
      422,
      'delegate to a holder with a task of the stage',
    );
    expect(res.body.message).toContain('mỗi người chỉ có một ý kiến');
    expect((await taskOf(theirs.id)).assignee).toBe('kbnn.capuy');

    // Both decide, each once: 2 of 2.
    expectStatus(await completeTask(bithu, own.id, 'approve'), 202);
    await waitFor(applied(ctx, own.id), { what: 'bithu’s approval applied' });
    expect((await getReport(ctx, kbnn)).stage).toBe('cell_approval');
    expectStatus(await completeTask(capuy, theirs.id, 'approve'), 202);
    await waitForStage(ctx, kbnn, 'committee_review');
  });

  it('KBNN-VP: when its only approver loses the role the report is flagged unassigned and audited; a new one unblocks it', async () => {
    const vp = id('KBNN-VP');
    const task = await openTask(await session(ctx, 'kbnn-vp.bithu'), vp, 'cell_approval');
    await putRoles('kbnn-vp.bithu', [{ unit: 'KBNN-VP', role: 'drafter' }]);
    expect((await taskOf(task.id)).state).toBe('cancelled');
    await waitFor(async () => ((await getReport(ctx, vp)) as unknown as { unassigned?: boolean }).unassigned === true, { what: 'KBNN-VP flagged unassigned' });
    await waitFor(async () => (await events(ctx, vp)).some((e) => e.action === 'stage_unassigned'), { what: 'a stage_unassigned event' });
    expect((await getReport(ctx, vp)).stage).toBe('cell_approval');

    // The approver comes back in the same round of the stage: they must get a task again.
    const back = await putRoles('kbnn-vp.bithu', [
      { unit: 'KBNN-VP', role: 'drafter' },
      { unit: 'KBNN-VP', role: 'approver' },
    ]);
    expect(back.body.tasksCreated ?? 1).toBe(1);
    const fresh = await openTask(await session(ctx, 'kbnn-vp.bithu'), vp, 'cell_approval');
    expect(fresh.id).not.toBe(task.id);
    expect(((await getReport(ctx, vp)) as unknown as { unassigned?: boolean }).unassigned).toBe(false);
    await approve(await session(ctx, 'kbnn-vp.bithu'), vp, 'cell_approval');
    await waitForStage(ctx, vp, 'committee_review');
  });

  it('the configuration audit records each role change, by whom', async () => {
    const audit = expectStatus(await admin.get('/api/audit/configuration?action=roles.change&actor=admin'), 200).body as {
      actor: string;
      data: { username: string };
    }[];
    expect(audit.map((e) => e.data.username).sort()).toEqual(['hlhpn-tc.uv2', 'kbnn-kt.capuy', 'kbnn-vp.bithu', 'kbnn-vp.bithu']);
    expect(audit.every((e) => e.actor === 'admin')).toBe(true);
  });
});
