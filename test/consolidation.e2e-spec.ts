import { Queue } from 'bullmq';
import { expectStatus, session } from './support/api';
import {
  childJobId,
  collectJobId,
  collections,
  consolidated,
  consolidationQueue,
  hanoiIn,
  jobState,
  notificationsOf,
  planEvents,
  waitForCollected,
} from './support/consolidation';
import { completeTask, createPlan, getPlan, importFixture, launchPlan, reportsByUnit, sectionText, tasksOf, waitForStage } from './support/factories';
import { Fixture, loadFixture, reportingUnits } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { decidePlanTask, figuresOf, fixtureToConsolidation, openPlanTask, openPlanTasks, sum } from './support/plan-tasks';
import { isWorkNoticeMail } from './support/notices';
import { SmtpSink } from './kit/smtp-sink';
import { PlanDto, ReportDto, TEXT_PARTS } from './support/types';
import { holdsFor, waitFor } from './kit/poll';

/**
 * The fixture plan with its dates well ahead (cut-off in ten days): every report is approved, so the
 * Bloc's collection completes as soon as the last one is, long before the cut-off; the working group
 * hears of it; the consolidated report goes to the Standing Committee, whose return sends it back to
 * the working group and whose majority then completes the plan.
 */
describe('consolidation at the Bloc: every report approved before the cut-off', () => {
  const sink = new SmtpSink({ ignore: isWorkNoticeMail });
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;
  let queue: Queue;
  let dukId: string;
  const cutOff = hanoiIn(10 * 86_400_000);
  const units = reportingUnits(loadFixture())
    .map((u) => u.code)
    .sort();
  const figures = new Map(units.map((u, i) => [u, figuresOf(i)]));

  beforeAll(async () => {
    await sink.start();
    ctx = await startE2e({ smtpPort: sink.port });
    fixture = await importFixture(ctx);
    queue = consolidationQueue(ctx);
    const ahead = hanoiIn(5 * 86_400_000);
    plan = await createPlan(ctx, {
      deadlines: {
        cell: { drafting: ahead, cell_approval: ahead, committee_review: ahead },
        grassroots: { drafting: ahead, cell_approval: ahead, committee_review: ahead },
        upper: { drafting: ahead, cell_approval: ahead, committee_review: ahead },
        bloc: { consolidation: cutOff },
      },
      reminders: { before: ['P1D'] },
    });
    await launchPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);
    const { rows } = await ctx.db.query<{ id: string }>(`SELECT id FROM org_units WHERE code = 'DUK'`);
    dukId = rows[0].id;
  }, 60_000);

  afterAll(async () => {
    await queue?.close();
    await stopE2e(ctx);
    await sink.stop();
  });

  it('at launch records one collection, the Bloc’s (the default consolidateAt), open until its cut-off', async () => {
    expect(plan.consolidateAt ?? ['bloc']).toEqual(['bloc']);
    const rows = await waitFor(
      async () => {
        const found = await collections(ctx, plan.id);
        return found.size > 0 ? found : undefined;
      },
      { what: 'collection rows' },
    );
    expect([...rows.keys()]).toEqual(['DUK']);
    const duk = rows.get('DUK')!;
    expect(duk.status).toBe('collecting');
    expect(new Date(duk.cut_off_at!).getTime()).toBe(Date.parse(cutOff));
    expect(duk.collected_at).toBeNull();
  });

  it('holds one BullMQ flow: the parent waits for its children, one per report, each delayed until the cut-off', async () => {
    await waitFor(async () => (await jobState(queue, collectJobId(plan.id, dukId))) === 'waiting-children', { what: 'parent job waiting for children' });
    const states = await Promise.all(units.map(async (u) => [u, await jobState(queue, childJobId(plan.id, reports.get(u)!.id))]));
    expect(Object.fromEntries(states)).toEqual(Object.fromEntries(units.map((u) => [u, 'delayed'])));
    const child = await queue.getJob(childJobId(plan.id, reports.get('KBNN-KT')!.id));
    // Delayed until the cut-off (BullMQ counts from the job's creation).
    expect(Math.abs(child!.timestamp + child!.delay - Date.parse(cutOff))).toBeLessThan(5_000);
  });

  it('answers the consolidated report of the root by default and by ?unit=DUK alike; 422 for a unit that does not consolidate; 404 for an unknown one', async () => {
    const byDefault = await consolidated(ctx, plan.id);
    const byCode = await consolidated(ctx, plan.id, 'DUK');
    expect(byCode).toEqual(byDefault);
    expect(byDefault.unitCode).toBe('DUK');
    expect(byDefault.unitName).toBe('Đảng bộ Khối các cơ quan Trung ương');
    expect(byDefault.included).toEqual([]);
    expect([...byDefault.missing].sort()).toEqual(units);
    expect(byDefault.completeness.summary).toEqual({ units: 10, included: 0, missing: 10, onTime: 0, late: 0, returned: 0, afterCompletion: 0 });

    const admin = await session(ctx, 'admin');
    // Only the Bloc consolidates here: KBNN (upper, with cells) is an ordinary member of its group.
    const kbnn = await admin.get(`/api/plans/${plan.id}/consolidated?unit=KBNN`);
    expect(kbnn.status).toBe(422);
    expect(kbnn.body.statusCode).toBe(422);
    expect((await admin.get(`/api/plans/${plan.id}/consolidated?unit=KBNN-KT`)).status).toBe(422);
    expect((await admin.get(`/api/plans/${plan.id}/consolidated?unit=NO-SUCH-UNIT`)).status).toBe(404);
  });

  it('nine approved reports are not enough: the collection stays open, the last child still delayed', async () => {
    const first = units.filter((u) => u !== 'HLHPN-TG');
    await Promise.all(first.map((u) => fixtureToConsolidation(ctx, fixture, u, reports.get(u)!.id, figures.get(u)!)));
    // Each approval promoted its child at once.
    await waitFor(
      async () => {
        const states = await Promise.all(first.map((u) => jobState(queue, childJobId(plan.id, reports.get(u)!.id))));
        return states.every((s) => s === 'completed');
      },
      { what: 'children of the approved reports completed' },
    );
    await holdsFor(async () => (await collections(ctx, plan.id)).get('DUK')!.status === 'collecting', { forMs: 1_000, what: 'DUK still collecting' });
    expect(await jobState(queue, childJobId(plan.id, reports.get('HLHPN-TG')!.id))).toBe('delayed');
    expect(await jobState(queue, collectJobId(plan.id, dukId))).toBe('waiting-children');
    expect(await planEvents(ctx, plan.id, 'consolidation.collected')).toEqual([]);
  });

  it('while the collection is open the working group has no task; one completed anyway (a task left by an older engine) is refused with 409', async () => {
    const lan = await session(ctx, 'tgv.lan');
    expect(await openPlanTasks(lan, plan.id)).toEqual([]);
    expect(await planEvents(ctx, plan.id, 'consolidate')).toEqual([]);
    const {
      rows: [stray],
    } = await ctx.db.query<{ id: string }>(
      `INSERT INTO tasks (plan_id, report_id, unit_id, scope_unit_id, round, assignee_id, stage, kind, role)
       SELECT $1, NULL, $2, $2, 99, u.id, 'consolidation', 'consolidation', 'consolidator' FROM users u WHERE u.username = 'tgv.lan' RETURNING id`,
      [plan.id, dukId],
    );
    try {
      const refused = await completeTask(lan, stray.id, 'approve');
      expect(refused.status).toBe(409);
      expect(refused.body.message).toContain('collection of DUK is not complete');
      const {
        rows: [after],
      } = await ctx.db.query<{ state: string }>(`SELECT state FROM tasks WHERE id = $1`, [stray.id]);
      expect(after.state).toBe('open');
      expect(await planEvents(ctx, plan.id, 'approve')).toEqual([]);
    } finally {
      // Out of the way, so the real round opens when the collection completes.
      await ctx.db.query(`UPDATE tasks SET state = 'cancelled', cancelled_at = now() WHERE id = $1`, [stray.id]);
    }
  });

  it('the last approval completes the collection at once, long before the cut-off: collected, nothing missing', async () => {
    const approvedAt = Date.now();
    await fixtureToConsolidation(ctx, fixture, 'HLHPN-TG', reports.get('HLHPN-TG')!.id, figures.get('HLHPN-TG')!);
    const row = await waitForCollected(ctx, plan.id, 'DUK');
    expect(row.status).toBe('collected');
    expect(new Date(row.collected_at!).getTime()).toBeLessThan(Date.parse(cutOff));
    expect(new Date(row.collected_at!).getTime() - approvedAt).toBeLessThan(10_000);
    expect([...row.included].sort()).toEqual([...reports.values()].map((r) => r.id).sort());
    expect(row.missing).toEqual([]);
    expect(row.indicators).toEqual(sum([...figures.values()]));
    expect(row.completeness?.summary).toEqual({ units: 10, included: 10, missing: 0, onTime: 10, late: 0, returned: 0, afterCompletion: 0 });
    // The row is written inside the job, so the job itself completes a moment later.
    await waitFor(async () => (await jobState(queue, collectJobId(plan.id, dukId))) === 'completed', { what: 'collect job completed' });
  });

  it('writes one plan-level audit event “Đã đủ báo cáo”', async () => {
    const collected = await planEvents(ctx, plan.id, 'consolidation.collected');
    expect(collected).toHaveLength(1);
    expect(collected[0]).toMatchObject({ actor: 'system', comment: 'Đã đủ báo cáo' });
    expect(collected[0].data).toMatchObject({ unitCode: 'DUK', missing: [] });
  });

  it('tells the working group (tgv.lan) in the app and by e-mail, and nobody else', async () => {
    const title = `Đã đủ báo cáo để tổng hợp – ${plan.code}`;
    const lan = await session(ctx, 'tgv.lan');
    const notices = await waitFor(
      async () => {
        const found = await notificationsOf(lan, 'consolidation');
        return found.length ? found : undefined;
      },
      { what: 'consolidation notice of tgv.lan' },
    );
    expect(notices.map((n) => n.title)).toEqual([title]);
    expect(notices[0].body).toContain(plan.code);
    for (const other of ['btv.hung', 'btv.mai', 'kbnn.bithu', 'admin']) {
      expect({ other, notices: await notificationsOf(await session(ctx, other), 'consolidation') }).toEqual({ other, notices: [] });
    }
    const mails = await sink.waitForMails((m) => m.subject.includes('Đã đủ báo cáo để tổng hợp'), 1, { what: 'consolidation mail' });
    expect(mails).toHaveLength(1);
    expect(mails[0].rcpt).toEqual(['lan@example.vn']);
    expect(mails[0].subject).toBe(title);
  });

  it('the collection opens the working group’s task (one round), not the first report reaching consolidation', async () => {
    const task = await openPlanTask(await session(ctx, 'tgv.lan'), plan.id, 'consolidation');
    expect(task).toMatchObject({ reportId: null, kind: 'consolidation', state: 'open', unitCode: 'DUK' });
    const { rows } = await ctx.db.query<{ round: number; created_at: Date }>(
      `SELECT round, created_at FROM tasks WHERE plan_id = $1 AND report_id IS NULL AND stage = 'consolidation' AND round <> 99`,
      [plan.id],
    );
    expect(rows.map((r) => r.round)).toEqual([1]);
    const collected = (await collections(ctx, plan.id)).get('DUK')!;
    expect(new Date(rows[0].created_at).getTime()).toBeGreaterThanOrEqual(new Date(collected.collected_at!).getTime() - 1_000);
  });

  it('the consolidated report includes every report, sums every figure, attributes every text and shows everyone on time', async () => {
    const c = await consolidated(ctx, plan.id);
    expect([...c.included].sort()).toEqual([...reports.values()].map((r) => r.id).sort());
    expect(c.missing).toEqual([]);
    expect(c.indicators).toEqual(sum([...figures.values()]));
    for (const section of c.sections) {
      for (const part of TEXT_PARTS) {
        expect(section.parts[part].map((t) => t.unitCode).sort()).toEqual(section.takes.includes(part) ? units : []);
        for (const { unitCode, text } of section.parts[part]) expect(text).toBe(sectionText(unitCode, section.key, part));
      }
    }
    expect(c.completeness.rows.map((r) => r.unitCode)).toEqual(units);
    for (const row of c.completeness.rows) {
      expect(row).toMatchObject({ status: 'included', timeliness: 'on_time', returnedCount: 0 });
      expect(Date.parse(row.firstSubmittedAt!)).toBeLessThanOrEqual(Date.now());
    }
    expect(c.completeness.rows.find((r) => r.unitCode === 'KBNN-KT')!.unitName).toBe('Chi bộ Vụ Kế toán Nhà nước');
    expect(c.completeness.summary).toEqual({ units: 10, included: 10, missing: 0, onTime: 10, late: 0, returned: 0, afterCompletion: 0 });
  });

  it('the working group’s consolidation moves every report to done and opens root approval: one task per Standing Committee member', async () => {
    await decidePlanTask(await session(ctx, 'tgv.lan'), plan.id, 'consolidation', 'approve');
    await Promise.all([...reports.values()].map((r) => waitForStage(ctx, r.id, 'done', 15_000)));
    const [hung, mai] = await Promise.all([session(ctx, 'btv.hung'), session(ctx, 'btv.mai')]);
    for (const member of [hung, mai]) {
      const task = await openPlanTask(member, plan.id, 'root_approval');
      expect(task).toMatchObject({ reportId: null, kind: 'approval', stage: 'root_approval', state: 'open', unitCode: 'DUK' });
    }
    // Nobody else holds one.
    for (const other of ['tgv.lan', 'kbnn.bithu', 'bvnn.bithu', 'hlhpn.bithu']) {
      const open = await openPlanTasks(await session(ctx, other), plan.id);
      expect({ other, open: open.map((t) => t.stage) }).toEqual({ other, open: [] });
    }
    expect((await getPlan(ctx, plan.id)).status).toBe('launched');
    // What it took in is kept: the consolidated report is computed from that set from now on.
    const { rows } = await ctx.db.query<{ report_id: string; round: number }>(`SELECT report_id, round FROM consolidation_inclusions WHERE plan_id = $1`, [
      plan.id,
    ]);
    expect(rows.map((r) => r.report_id).sort()).toEqual([...reports.values()].map((r) => r.id).sort());
    expect(new Set(rows.map((r) => r.round))).toEqual(new Set([1]));
    expect([...(await consolidated(ctx, plan.id)).included].sort()).toEqual(rows.map((r) => r.report_id).sort());
  });

  it('a return needs a reason (422); with one it goes back to the working group as a new consolidation task', async () => {
    const [hung, mai, lan] = await Promise.all([session(ctx, 'btv.hung'), session(ctx, 'btv.mai'), session(ctx, 'tgv.lan')]);
    const maiTask = await openPlanTask(mai, plan.id, 'root_approval');
    const bare = await completeTask(mai, maiTask.id, 'return');
    expect(bare.status).toBe(422);
    const reason = 'Đề nghị bổ sung số liệu kết nạp đảng viên của khối bệnh viện';
    expectStatus(await completeTask(mai, maiTask.id, 'return', reason), 202, 'return by btv.mai');

    const again = await openPlanTask(lan, plan.id, 'consolidation');
    expect(again).toMatchObject({ reportId: null, kind: 'consolidation', state: 'open' });
    // btv.hung's vote is no longer asked for; the plan is not complete.
    await waitFor(async () => (await openPlanTasks(hung, plan.id)).length === 0, { what: 'btv.hung’s root approval task closed' });
    expect((await tasksOf(hung, 'cancelled')).some((t) => (t as { planId?: string }).planId === plan.id && t.stage === 'root_approval')).toBe(true);
    expect((await getPlan(ctx, plan.id)).status).toBe('launched');
    const returned = await planEvents(ctx, plan.id, 'root_approval.returned');
    expect(returned.map((e) => [e.actor, e.comment])).toEqual([['btv.mai', reason]]);
    expect((await collections(ctx, plan.id)).get('DUK')!.status).toBe('collected');
  });

  it('after the revision, a majority of the Standing Committee (both of two) completes the plan; the collection is approved', async () => {
    const [hung, mai] = await Promise.all([session(ctx, 'btv.hung'), session(ctx, 'btv.mai')]);
    await decidePlanTask(await session(ctx, 'tgv.lan'), plan.id, 'consolidation', 'approve');
    await decidePlanTask(hung, plan.id, 'root_approval', 'approve');
    // One of two is not more than half.
    await waitFor(async () => (await openPlanTasks(hung, plan.id)).length === 0, { what: 'btv.hung’s approval applied' });
    await holdsFor(async () => (await getPlan(ctx, plan.id)).status === 'launched', { forMs: 500, what: 'plan not completed on one approval of two' });
    expect((await collections(ctx, plan.id)).get('DUK')!.status).toBe('collected');

    await decidePlanTask(mai, plan.id, 'root_approval', 'approve');
    await waitFor(async () => (await getPlan(ctx, plan.id)).status === 'completed', { what: 'plan completed' });
    const row = (await collections(ctx, plan.id)).get('DUK')!;
    expect(row.status).toBe('approved');
    expect(row.approved_at).not.toBeNull();
    expect(new Date(row.approved_at!).getTime()).toBeGreaterThanOrEqual(new Date(row.collected_at!).getTime());
    expect((await planEvents(ctx, plan.id, 'plan.completed')).map((e) => e.actor)).toEqual(['btv.mai']);
    // Still exactly one collection and one notice: the approvals did not collect again.
    expect(await planEvents(ctx, plan.id, 'consolidation.collected')).toHaveLength(1);
    expect(await notificationsOf(await session(ctx, 'tgv.lan'), 'consolidation')).toHaveLength(1);
  });
});
