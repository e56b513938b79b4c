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
import { completeTask, createPlan, getReport, importFixture, launchPlan, openTask, reportsByUnit, submitReport, waitForStage } from './support/factories';
import { Fixture, holders, loadFixture, parentOf, reportingUnits } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { decidePlanTask, figuresOf, fixtureToConsolidation, openPlanTask, openPlanTasks, sum } from './support/plan-tasks';
import { isWorkNoticeMail } from './support/notices';
import { SmtpSink } from './kit/smtp-sink';
import { PlanDto, ReportDto } from './support/types';
import { holdsFor, waitFor } from './kit/poll';

/**
 * The Bloc's cut-off a few seconds ahead; nine of the ten reports are approved before it, one
 * (BVNN-NGOAI) is left in drafting. At the cut-off the collection completes anyway, naming the
 * missing unit in the table, the audit trail, the working group's notice and the completeness table.
 * Along the way: upper committees draft after their (past) deadline, so they count as late; KBNN-TT
 * is returned once by its cell.
 */
describe('consolidation at the cut-off with one unit missing', () => {
  const CUT_OFF_MS = 12_000;
  const MISSING = 'BVNN-NGOAI';
  const sink = new SmtpSink({ ignore: isWorkNoticeMail });
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;
  let queue: Queue;
  let dukId: string;
  let cutOff: string;
  const units = reportingUnits(loadFixture())
    .map((u) => u.code)
    .sort();
  const approvedUnits = units.filter((u) => u !== MISSING);
  const figures = new Map(units.map((u, i) => [u, figuresOf(i)]));

  beforeAll(async () => {
    await sink.start();
    ctx = await startE2e({ smtpPort: sink.port });
    fixture = await importFixture(ctx);
    queue = consolidationQueue(ctx);
    const ahead = hanoiIn(5 * 86_400_000);
    const past = hanoiIn(-86_400_000);
    cutOff = hanoiIn(CUT_OFF_MS);
    plan = await createPlan(ctx, {
      deadlines: {
        cell: { drafting: ahead, cell_approval: ahead, committee_review: ahead },
        grassroots: { drafting: ahead, cell_approval: ahead, committee_review: ahead },
        upper: { drafting: past },
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

  it('KBNN-TT is returned once by its cell (it is resubmitted with the others below)', async () => {
    const id = reports.get('KBNN-TT')!.id;
    const drafter = await session(ctx, holders(fixture, 'KBNN-TT', 'drafter')[0]);
    // What each item cannot go without: its one text, or an area's strengths and limitations.
    for (const section of (await getReport(ctx, id)).sections) {
      const body = section.takes.includes('text') ? { text: 'Nội dung bước đầu' } : { strengths: 'Ưu điểm bước đầu', limitations: 'Hạn chế bước đầu' };
      expectStatus(await drafter.put(`/api/reports/${id}/sections/${section.key}`).send(body), 200);
    }
    await submitReport(id, drafter);
    await waitForStage(ctx, id, 'cell_approval');
    const approver = await session(ctx, holders(fixture, 'KBNN-TT', 'approver')[0]);
    const task = await openTask(approver, id, 'cell_approval');
    expectStatus(await completeTask(approver, task.id, 'return', 'Cần đánh giá cụ thể hơn'), 202);
    const back = await waitForStage(ctx, id, 'drafting');
    expect(back.returnedCount).toBe(1);
  });

  it('nine reports reach consolidation before the cut-off; the collection waits, the missing unit’s child is still delayed', async () => {
    await Promise.all(approvedUnits.map((u) => fixtureToConsolidation(ctx, fixture, u, reports.get(u)!.id, figures.get(u)!)));
    expect(Date.now()).toBeLessThan(Date.parse(cutOff) - 1_000);
    await waitFor(
      async () => {
        const states = await Promise.all(approvedUnits.map((u) => jobState(queue, childJobId(plan.id, reports.get(u)!.id))));
        return states.every((s) => s === 'completed');
      },
      { what: 'children of the approved reports completed' },
    );
    expect(await jobState(queue, childJobId(plan.id, reports.get(MISSING)!.id))).toBe('delayed');
    expect(await jobState(queue, collectJobId(plan.id, dukId))).toBe('waiting-children');
    await holdsFor(async () => (await collections(ctx, plan.id)).get('DUK')!.status === 'collecting', { forMs: 1_000, what: 'DUK still collecting' });
    expect((await reportsByUnit(ctx, plan.id)).get(MISSING)!.stage).toBe('drafting');
    // Nine of ten is not a collection: the working group has nothing to complete yet.
    expect(await openPlanTasks(await session(ctx, 'tgv.lan'), plan.id)).toEqual([]);
  });

  it('at the cut-off the collection completes, with the missing unit listed', async () => {
    const row = await waitForCollected(ctx, plan.id, 'DUK', CUT_OFF_MS + 10_000);
    const collectedAt = new Date(row.collected_at!).getTime();
    // Not before the cut-off (a little clock slack), and promptly after it.
    expect(collectedAt).toBeGreaterThanOrEqual(Date.parse(cutOff) - 100);
    expect(collectedAt - Date.parse(cutOff)).toBeLessThan(3_000);
    expect(row.status).toBe('collected');
    expect(row.missing).toEqual([MISSING]);
    expect([...row.included].sort()).toEqual(approvedUnits.map((u) => reports.get(u)!.id).sort());
    expect(row.indicators).toEqual(sum(approvedUnits.map((u) => figures.get(u)!)));
    // The row is written inside the job, so the job itself completes a moment later.
    await waitFor(async () => (await jobState(queue, collectJobId(plan.id, dukId))) === 'completed', { what: 'collect job completed' });
    expect(await jobState(queue, childJobId(plan.id, reports.get(MISSING)!.id))).toBe('completed');
    // The cut-off opens the working group's task, with the missing unit listed.
    await openPlanTask(await session(ctx, 'tgv.lan'), plan.id, 'consolidation');
  });

  it('the audit trail says who is missing', async () => {
    const collected = await planEvents(ctx, plan.id, 'consolidation.collected');
    expect(collected.map((e) => e.comment)).toEqual([`Còn thiếu báo cáo của: ${MISSING}`]);
    expect(collected[0].data).toMatchObject({ unitCode: 'DUK', included: 9, missing: [MISSING] });
  });

  it('the working group is told “Hết hạn tổng hợp: còn thiếu 1 đơn vị”, in the app and by e-mail', async () => {
    const title = `Hết hạn tổng hợp: còn thiếu 1 đơn vị – ${plan.code}`;
    const lan = await session(ctx, 'tgv.lan');
    const notices = await waitFor(
      async () => {
        const found = await notificationsOf(lan, 'consolidation');
        return found.length ? found : undefined;
      },
      { what: 'consolidation notice of tgv.lan' },
    );
    expect(notices.map((n) => n.title)).toEqual([title]);
    expect(notices[0].body).toContain(MISSING);
    const mails = await sink.waitForMails((m) => m.subject.startsWith('Hết hạn tổng hợp'), 1, { what: 'cut-off mail' });
    expect(mails.map((m) => [m.rcpt, m.subject])).toEqual([[['lan@example.vn'], title]]);
    expect(mails[0].text).toContain(MISSING);
  });

  it('the completeness table marks the missing unit not submitted, the upper committees late, KBNN-TT returned once', async () => {
    const c = await consolidated(ctx, plan.id);
    expect(c.missing).toEqual([MISSING]);
    const rows = new Map(c.completeness.rows.map((r) => [r.unitCode, r]));
    expect([...rows.keys()]).toEqual(units);
    expect(rows.get(MISSING)).toMatchObject({
      unitName: 'Chi bộ Khoa Ngoại',
      status: 'missing',
      timeliness: 'not_submitted',
      firstSubmittedAt: null,
      returnedCount: 0,
    });
    for (const upper of ['KBNN', 'HLHPN']) expect(rows.get(upper)).toMatchObject({ status: 'included', timeliness: 'late', returnedCount: 0 });
    expect(rows.get('KBNN-TT')).toMatchObject({ status: 'included', timeliness: 'on_time', returnedCount: 1 });
    // KBNN-TT is judged by its first submission, the one before the return.
    const kbnnTtFirst = rows.get('KBNN-TT')!.firstSubmittedAt!;
    const snapshots = await ctx.db.query<{ submitted_at: Date }>(`SELECT submitted_at FROM report_snapshots WHERE report_id = $1 ORDER BY seq`, [
      reports.get('KBNN-TT')!.id,
    ]);
    expect(snapshots.rows).toHaveLength(2);
    expect(Date.parse(kbnnTtFirst)).toBe(new Date(snapshots.rows[0].submitted_at).getTime());
    for (const unit of ['KBNN-KT', 'KBNN-VP', 'BVNN', 'BVNN-NOI', 'HLHPN-TC', 'HLHPN-TG']) {
      expect({ unit, row: rows.get(unit) }).toMatchObject({ unit, row: { status: 'included', timeliness: 'on_time', returnedCount: 0 } });
    }
    expect(c.completeness.summary).toEqual({ units: 10, included: 9, missing: 1, onTime: 7, late: 2, returned: 1, afterCompletion: 0 });
    // The table stored at the cut-off says the same.
    const stored = (await collections(ctx, plan.id)).get('DUK')!.completeness!;
    expect(stored.summary).toEqual(c.completeness.summary);
    expect(stored.rows.find((r) => r.unitCode === MISSING)).toMatchObject({ status: 'missing', timeliness: 'not_submitted' });
  });

  it('the missing report approved after the cut-off does not collect again, nor tell anyone again', async () => {
    const row = (await collections(ctx, plan.id)).get('DUK')!;
    await fixtureToConsolidation(ctx, fixture, MISSING, reports.get(MISSING)!.id, figures.get(MISSING)!);
    expect(parentOf(fixture, MISSING)).toBe('BVNN');
    await holdsFor(
      async () => {
        const now = (await collections(ctx, plan.id)).get('DUK')!;
        return (
          now.status === 'collected' && JSON.stringify(now.missing) === JSON.stringify([MISSING]) && now.collected_at!.getTime() === row.collected_at!.getTime()
        );
      },
      { forMs: 1_000, what: 'the collection unchanged' },
    );
    expect(await planEvents(ctx, plan.id, 'consolidation.collected')).toHaveLength(1);
    expect(await notificationsOf(await session(ctx, 'tgv.lan'), 'consolidation')).toHaveLength(1);
    // The working group still consolidates every report now waiting, the late one too.
    await decidePlanTask(await session(ctx, 'tgv.lan'), plan.id, 'consolidation', 'approve');
    await Promise.all([...reports.values()].map((r) => waitForStage(ctx, r.id, 'done', 15_000)));
  });
});
