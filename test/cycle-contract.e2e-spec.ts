import { DecisionApplier } from '@app/core';
import { expectStatus, session } from './support/api';
import {
  approve,
  completeTask,
  createPlan,
  events,
  fillReport,
  importFixture,
  importOrg,
  launchPlan,
  openTask,
  reportsByUnit,
  sectionText,
  submitReport,
  tasksOf,
  waitForStage,
} from './support/factories';
import { Fixture, holders } from './support/fixture';
import { toCommitteeReview } from './support/drive';
import { E2eContext, FIXTURE_PASSWORD, startE2e, stopE2e } from './support/harness';
import { PlanDto, ProgressDto, ReportDto } from './support/types';

/**
 * The contract in the corners the whole-cycle test does not reach: racing plan creation, a
 * reviewer of another branch, the submitted snapshot, a decision job run twice, cancelled tasks in
 * the trail, a stage nobody can act on, and the plan's own trail.
 */
describe('the core cycle at its edges', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;

  // A cell with a drafter and nobody yet who may approve it.
  const NEW_CELL = { code: 'KBNN-MOI', name: 'Chi bộ Phòng Mới thành lập', kind: 'cell', parent: 'KBNN' };
  const newUser = (username: string, fullName: string, role: string) => ({
    username,
    fullName,
    email: `${username}@dcs.vn`,
    password: FIXTURE_PASSWORD,
    roles: [{ unit: NEW_CELL.code, role }],
  });

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    await importOrg(ctx, {
      units: [NEW_CELL],
      users: [newUser('kbnn-moi.soanthao', 'Đỗ Thị Mới', 'drafter'), newUser('kbnn-moi.bithu', 'Phan Văn Mới', 'drafter')],
    } as Parameters<typeof importOrg>[1]);
    plan = await createPlan(ctx);
    await launchPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('creates a plan once when five admins send the same code at the same moment: one 201, the others 409, never a 500', async () => {
    const admin = await session(ctx, 'admin');
    const body = { ...fixture.plan, code: '145-KH/ĐUK', confirmDeadlines: true };
    const answers = await Promise.all(Array.from({ length: 5 }, () => admin.post('/api/plans').send(body)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const { rows } = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM plans WHERE code = $1`, ['145-KH/ĐUK']);
    expect(rows[0].n).toBe(1);
  });

  it('keeps a reviewer of another branch away from a committee_review: no task, 403 on the task of the parent’s reviewer', async () => {
    const kt = reports.get('KBNN-KT')!;
    await toCommitteeReview(ctx, fixture, 'KBNN-KT', kt.id);
    const parentReviewer = await session(ctx, holders(fixture, 'KBNN', 'reviewer')[0]);
    const task = await openTask(parentReviewer, kt.id, 'committee_review');
    for (const outsider of ['bvnn.bithu', 'hlhpn.bithu', 'btv.hung']) {
      const other = await session(ctx, outsider);
      expect((await tasksOf(other)).filter((t) => t.reportId === kt.id)).toEqual([]);
      expectStatus(await other.get(`/api/tasks/${task.id}`), 403, `${outsider} reads`);
      expectStatus(await completeTask(other, task.id, 'approve'), 403, `${outsider} approves`);
      expectStatus(await other.post(`/api/tasks/${task.id}/delegate`).send({ username: outsider }), 403, `${outsider} delegates`);
    }
    expect((await events(ctx, kt.id)).filter((e) => ['bvnn.bithu', 'hlhpn.bithu', 'btv.hung'].includes(e.actor))).toEqual([]);
    expect((await waitForStage(ctx, kt.id, 'committee_review')).stage).toBe('committee_review');
  });

  it('cancels the other reviewers’ tasks when one approves under rule "any", and says so in the trail', async () => {
    const kt = reports.get('KBNN-KT')!;
    const [first, second] = holders(fixture, 'KBNN', 'reviewer');
    await approve(await session(ctx, first), kt.id, 'committee_review');
    await waitForStage(ctx, kt.id, 'consolidation');
    const cancelled = (await tasksOf(await session(ctx, second), 'cancelled')).filter((t) => t.reportId === kt.id);
    expect(cancelled.map((t) => t.stage)).toEqual(['committee_review']);
    const trail = await events(ctx, kt.id);
    const withdrawn = trail.filter((e) => e.action === 'tasks_cancelled' && e.fromStage === 'committee_review');
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0].comment).toContain(second);
    expect(withdrawn[0].comment).not.toContain(first);
  });

  it('runs a decision job a second time without changing anything', async () => {
    const kt = reports.get('KBNN-KT')!;
    const {
      rows: [approved],
    } = await ctx.db.query<{ id: string }>(`SELECT id FROM tasks WHERE report_id = $1 AND stage = 'committee_review' AND state = 'completed'`, [kt.id]);
    const count = async () =>
      (
        await ctx.db.query<{ events: number; tasks: number; version: number }>(
          `SELECT (SELECT count(*)::int FROM audit_events WHERE report_id = $1) AS events,
              (SELECT count(*)::int FROM tasks WHERE report_id = $1) AS tasks,
              (SELECT version FROM reports WHERE id = $1) AS version`,
          [kt.id],
        )
      ).rows[0];
    const before = await count();
    const applier = ctx.worker.get(DecisionApplier, { strict: false });
    expect((await applier.apply(approved.id)).outcome).toBe('already-applied');
    expect((await applier.apply(approved.id)).outcome).toBe('already-applied');
    expect(await count()).toEqual(before);
  });

  it('keeps what was submitted: each submit a snapshot, an edit after a return changes only the new one', async () => {
    const vp = reports.get('KBNN-VP')!;
    const drafter = await session(ctx, holders(fixture, 'KBNN-VP', 'drafter')[0]);
    await fillReport(ctx, vp.id, drafter);
    await submitReport(vp.id, drafter);
    await waitForStage(ctx, vp.id, 'cell_approval');
    const approver = await session(ctx, holders(fixture, 'KBNN-VP', 'approver')[0]);
    const task = await openTask(approver, vp.id, 'cell_approval');
    expectStatus(await completeTask(approver, task.id, 'return', 'Bổ sung số liệu đảng viên mới.'), 202);
    await waitForStage(ctx, vp.id, 'drafting');
    const revised = 'Ưu điểm (bản sửa): kết nạp 4 đảng viên mới, vượt chỉ tiêu.';
    expectStatus(await drafter.put(`/api/reports/${vp.id}/sections/political`).send({ strengths: revised }), 200);
    await submitReport(vp.id, drafter);
    await waitForStage(ctx, vp.id, 'cell_approval');

    const versions = expectStatus(await approver.get(`/api/reports/${vp.id}/versions`), 200).body as {
      seq: number;
      sections: Record<string, Record<string, string>>;
      submittedBy: string;
    }[];
    expect(versions.map((v) => v.seq)).toEqual([1, 2]);
    expect(versions[0].sections.political.strengths).toBe(sectionText('KBNN-VP', 'political', 'strengths'));
    expect(versions[1].sections.political.strengths).toBe(revised);
    expect(versions[1].sections.political.limitations).toBe(sectionText('KBNN-VP', 'political', 'limitations'));
    expect(versions.every((v) => v.submittedBy === drafter.username)).toBe(true);
  });

  it('shows a stage nobody can act on in the report, its trail and the plan’s progress; a new approver picks it up', async () => {
    const moi = reports.get(NEW_CELL.code)!;
    const drafter = await session(ctx, 'kbnn-moi.soanthao');
    await fillReport(ctx, moi.id, drafter);
    await submitReport(moi.id, drafter);
    await waitForStage(ctx, moi.id, 'cell_approval');
    const admin = await session(ctx, 'admin');
    const progress = expectStatus(await admin.get(`/api/plans/${plan.id}/progress`), 200).body as ProgressDto & {
      unassigned: { unitCode: string; stage: string }[];
    };
    expect(progress.unassigned).toEqual(expect.arrayContaining([expect.objectContaining({ unitCode: NEW_CELL.code, stage: 'cell_approval' })]));
    expect((await events(ctx, moi.id)).filter((e) => e.action === 'stage_unassigned')).toHaveLength(1);

    expectStatus(await admin.put('/api/users/kbnn-moi.bithu/roles').send({ roles: [{ unit: NEW_CELL.code, role: 'approver' }] }), 200);
    await approve(await session(ctx, 'kbnn-moi.bithu'), moi.id, 'cell_approval');
    await waitForStage(ctx, moi.id, 'committee_review');
    const after = expectStatus(await admin.get(`/api/plans/${plan.id}/progress`), 200).body as { unassigned: { unitCode: string }[] };
    expect(after.unassigned.map((u) => u.unitCode)).not.toContain(NEW_CELL.code);
  });

  it('gives the plan’s own trail, oldest first and paged, to the root’s people and to admins only', async () => {
    const lan = await session(ctx, 'tgv.lan');
    const trail = expectStatus(await lan.get(`/api/plans/${plan.id}/events`), 200).body as { id: number; action: string; at: string }[];
    const actions = trail.map((e) => e.action);
    expect(actions.indexOf('plan.create')).toBeGreaterThanOrEqual(0);
    expect(actions.indexOf('plan.create')).toBeLessThan(actions.indexOf('plan.launch_requested'));
    expect(actions.indexOf('plan.launch_requested')).toBeLessThan(actions.indexOf('plan.launch'));
    expect(trail.every((e) => /\+07:00$/.test(e.at))).toBe(true);
    const firstPage = expectStatus(await lan.get(`/api/plans/${plan.id}/events?limit=1`), 200).body as { id: number }[];
    const secondPage = expectStatus(await lan.get(`/api/plans/${plan.id}/events?limit=1&after=${firstPage[0].id}`), 200).body as { id: number }[];
    expect([firstPage[0].id, secondPage[0].id]).toEqual([trail[0].id, trail[1].id]);

    expectStatus(await (await session(ctx, 'kbnn-kt.soanthao')).get(`/api/plans/${plan.id}/events`), 403);
    expectStatus(await lan.get(`/api/plans/${plan.id}/events?limit=0`), 400);
    expectStatus(await lan.get(`/api/plans/${plan.id}/events?after=minus`), 400);
    expectStatus(await lan.get('/api/plans/00000000-0000-4000-8000-000000000000/events'), 404);
  });

  it('waits in the launch answer for the reports the worker created', async () => {
    const admin = await session(ctx, 'admin');
    const draft = await createPlan(ctx, { code: '146-KH/ĐUK' });
    const answer = expectStatus(await admin.post(`/api/plans/${draft.id}/launch`), 202).body as {
      status: string;
      reports: { id: string; unitCode: string; stage: string; tasks: { assignee: string }[] }[];
    };
    expect(answer.status).toBe('launched');
    expect(answer.reports).toHaveLength(reports.size);
    expect(answer.reports.find((r) => r.unitCode === NEW_CELL.code)!.tasks.map((t) => t.assignee)).toEqual(['kbnn-moi.soanthao']);
    const listed = await reportsByUnit(ctx, draft.id);
    expect(answer.reports.map((r) => r.id).sort()).toEqual([...listed.values()].map((r) => r.id).sort());
    expectStatus(await admin.post(`/api/plans/${draft.id}/launch`), 409, 'a second launch');
  });
});
