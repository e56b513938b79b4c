import { randomUUID } from 'node:crypto';
import { EmailDelivery, ReminderFirer, ReminderScheduler } from '@app/core';
import { expectStatus, session } from './support/api';
import { createPlan, events, fillReport, importFixture, launchPlan, openTask, reportsByUnit, submitReport, tasksOf, waitForStage } from './support/factories';
import { Fixture, holders } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { hanoiIso } from './support/hanoi-time';
import { emailOf, escalationRecipients, isWorkNoticeMail, noticesOfTask } from './support/notices';
import { engineQueue } from './support/queues';
import { SmtpSink } from './kit/smtp-sink';
import { ReportDto, TaskDto } from './support/types';
import { holdsFor, waitFor } from './kit/poll';
import { TONGKET_V1 } from './support/workflows';

/**
 * Queues deliver at least once: a job can run twice (a stalled worker, a re-add after a Redis loss,
 * a reconciler racing the scheduler). Each notice and each e-mail must still happen once. The plan's
 * due dates are an hour ahead, so nothing fires by itself during the test; the jobs are run by hand.
 */
describe('a job that runs twice notifies and e-mails once', () => {
  const sink = new SmtpSink({ ignore: isWorkNoticeMail });
  let ctx: E2eContext;
  let fixture: Fixture;
  let reports: Map<string, ReportDto>;
  const dueMs = Date.now() + 3_600_000;

  const draftTask = async (unit: string): Promise<TaskDto> => {
    const drafter = await session(ctx, holders(fixture, unit, 'drafter')[0]);
    const task = (await tasksOf(drafter)).find((t) => t.reportId === reports.get(unit)!.id && t.stage === 'drafting');
    if (!task) throw new Error(`no open drafting task on ${unit}`);
    return task;
  };
  const mailsTo = (unit: string, email: string) => sink.to(email, (m) => m.text.includes(fixture.units.find((u) => u.code === unit)!.name));

  beforeAll(async () => {
    await sink.start();
    ctx = await startE2e({ smtpPort: sink.port });
    fixture = await importFixture(ctx);
    const plan = await createPlan(ctx, {
      deadlines: { cell: { drafting: hanoiIso(dueMs), cell_approval: hanoiIso(dueMs) } },
      reminders: { before: ['PT0S'], escalateAfter: 'PT1S' },
    });
    await launchPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
    await sink.stop();
  });

  it('the engine’s own reminder job run at once together with a copy under another id: one notice, one mail', async () => {
    const task = await draftTask('KBNN-KT');
    const email = emailOf(fixture, 'kbnn-kt.soanthao');
    const queue = engineQueue(ctx, 'reminders');
    try {
      const scheduled = await waitFor(async () => queue.getJob(`reminder-${task.id}-PT0S-${dueMs}`), { what: 'the scheduled reminder job' });
      const data = { taskId: task.id, offset: 'PT0S', dueAt: task.dueAt };
      expect(scheduled.data).toMatchObject({ taskId: task.id, offset: 'PT0S' });
      await Promise.all([
        scheduled.promote(),
        queue.add('reminder.fire', data, { jobId: `copy-1-${task.id}` }),
        queue.add('reminder.fire', data, { jobId: `copy-2-${task.id}` }),
      ]);
      await sink.waitForMails((m) => m.rcpt.includes(email), 1, { what: `the reminder to ${email}` });
      await waitFor(
        async () =>
          (await Promise.all([`copy-1-${task.id}`, `copy-2-${task.id}`].map(async (id) => (await queue.getJob(id))?.getState()))).every(
            (s) => s === 'completed',
          ),
        { what: 'both copies run' },
      );
    } finally {
      await queue.close();
    }
    await holdsFor(async () => mailsTo('KBNN-KT', email).length === 1, { forMs: 400, what: 'a single reminder mail' });
    expect((await noticesOfTask(ctx, task.id)).map((n) => [n.kind, n.dedup_key, n.email_state])).toEqual([['reminder', `reminder:${task.id}:PT0S`, 'sent']]);
  });

  it('the worker’s ReminderFirer called twice at once and once more: one notice, one mail', async () => {
    const task = await draftTask('KBNN-TT');
    const email = emailOf(fixture, 'kbnn-tt.bithu');
    const firer = ctx.worker.get(ReminderFirer);
    const first = await Promise.all([firer.fireReminder(task.id, 'PT0S', task.dueAt!), firer.fireReminder(task.id, 'PT0S', task.dueAt!)]);
    expect(first).toContain('notified');
    expect(await firer.fireReminder(task.id, 'PT0S', task.dueAt!)).toBe('already-sent');
    await sink.waitForMails((m) => m.rcpt.includes(email), 1, { what: `the reminder to ${email}` });
    await holdsFor(async () => mailsTo('KBNN-TT', email).length === 1, { forMs: 400, what: 'a single reminder mail' });
    expect((await noticesOfTask(ctx, task.id)).map((n) => n.dedup_key)).toEqual([`reminder:${task.id}:PT0S`]);
  });

  it('a reminder job for a due date that has since changed does nothing', async () => {
    const task = await draftTask('KBNN-VP');
    const firer = ctx.worker.get(ReminderFirer);
    expect(await firer.fireReminder(task.id, 'PT0S', new Date(dueMs - 86_400_000).toISOString())).not.toBe('notified');
    expect(await noticesOfTask(ctx, task.id)).toEqual([]);
  });

  it('the escalation job twice at once: each recipient told once, one audit event', async () => {
    const task = await draftTask('BVNN-NOI');
    const recipients = escalationRecipients(fixture, 'BVNN-NOI').map((u) => emailOf(fixture, u));
    const queue = engineQueue(ctx, 'reminders');
    try {
      const data = { taskId: task.id, dueAt: task.dueAt };
      await queue.addBulk([1, 2, 3].map((i) => ({ name: 'escalation.fire', data, opts: { jobId: `copy-${i}-escalation-${task.id}` } })));
      for (const email of recipients)
        await sink.waitForMails((m) => m.rcpt.includes(email) && m.text.includes('Chi bộ Khoa Nội'), 1, { what: `the escalation to ${email}` });
    } finally {
      await queue.close();
    }
    await holdsFor(async () => recipients.every((email) => mailsTo('BVNN-NOI', email).length === 1), { forMs: 400, what: 'a single escalation mail each' });
    expect((await noticesOfTask(ctx, task.id)).map((n) => [n.kind, n.email])).toEqual(recipients.map((e) => ['escalation', e]));
    expect((await events(ctx, reports.get('BVNN-NOI')!.id)).filter((e) => e.action === 'escalate')).toHaveLength(1);
  });

  /** A notice whose e-mail is still to be sent, as the engine leaves one (its job is ours to add). */
  const pendingNotice = async (username: string): Promise<string> => {
    const id = randomUUID();
    await ctx.db.query(
      `INSERT INTO notifications (id, user_id, kind, title, body, dedup_key)
       SELECT $1, id, 'reminder', $2, $3, $4 FROM users WHERE username = $5`,
      [id, `Thư thử nghiệm ${id}`, `Nội dung thư thử nghiệm ${id}: gửi đúng một lần.`, `test:${id}`, username],
    );
    return id;
  };

  it('the e-mail job twice at once, and the delivery called again: one mail', async () => {
    const id = await pendingNotice('btv.hung');
    const queue = engineQueue(ctx, 'notifications');
    try {
      await queue.addBulk([1, 2].map((i) => ({ name: 'email.send', data: { notificationId: id }, opts: { jobId: `copy-${i}-email-${id}` } })));
      await sink.waitForMails((m) => m.subject.includes(id), 1, { what: 'the mail' });
    } finally {
      await queue.close();
    }
    expect(await ctx.worker.get(EmailDelivery).deliver(id, false)).not.toBe('sent');
    await holdsFor(async () => sink.mails.filter((m) => m.subject.includes(id)).length === 1, { forMs: 400, what: 'a single mail' });
    const { rows } = await ctx.db.query(`SELECT email_state FROM notifications WHERE id = $1`, [id]);
    expect(rows).toEqual([{ email_state: 'sent' }]);
    expect(sink.mails.find((m) => m.subject.includes(id))!.rcpt).toEqual([emailOf(fixture, 'btv.hung')]);
  });

  it('a relay that refuses once: the engine retries the e-mail with backoff and it arrives once', async () => {
    const task = await draftTask('BVNN-NGOAI');
    const email = emailOf(fixture, 'bvnn-ngoai.bithu');
    sink.failNext(1);
    expect(await ctx.worker.get(ReminderFirer).fireReminder(task.id, 'PT0S', task.dueAt!)).toBe('notified');
    await sink.waitForMails((m) => m.rcpt.includes(email), 1, { timeoutMs: 15_000, what: 'the mail after a retry' });
    expect(sink.rejected).toBe(1);
    await holdsFor(async () => mailsTo('BVNN-NGOAI', email).length === 1, { forMs: 500, what: 'a single mail' });
    const { rows } = await ctx.db.query(`SELECT email_state, email_attempts FROM notifications WHERE task_id = $1 AND kind = 'reminder'`, [task.id]);
    expect(rows).toEqual([{ email_state: 'sent', email_attempts: 2 }]);
  });

  it('a late stage held by two approvers is escalated once: one mail to each reviewer above, naming both, one audit event', async () => {
    // KBNN-KT's cell approval is held by its two approvers; KBNN's reviewers hear of it.
    const reportId = reports.get('KBNN-KT')!.id;
    const drafter = await session(ctx, 'kbnn-kt.soanthao');
    await fillReport(ctx, reportId, drafter);
    await submitReport(reportId, drafter);
    await waitForStage(ctx, reportId, 'cell_approval');
    const approvers = holders(fixture, 'KBNN-KT', 'approver');
    expect(approvers.sort()).toEqual(['kbnn-kt.bithu', 'kbnn-kt.capuy']);
    const tasks = await Promise.all(approvers.map(async (u) => openTask(await session(ctx, u), reportId, 'cell_approval')));
    const firer = ctx.worker.get(ReminderFirer);
    // Both tasks' escalation jobs come due together, each of them twice.
    const statuses = await Promise.all([...tasks, ...tasks].map((t) => firer.fireEscalation(t.id, t.dueAt!)));
    expect(statuses.filter((s) => s === 'notified')).toHaveLength(1);
    expect(await firer.fireEscalation(tasks[1].id, tasks[1].dueAt!)).toBe('already-sent');

    const reviewers = escalationRecipients(fixture, 'KBNN-KT');
    expect(reviewers.sort()).toEqual(['kbnn.bithu', 'kbnn.capuy']);
    const isApproval = (m: { text: string }) => m.text.includes('Chi bộ thông qua');
    for (const reviewer of reviewers) {
      await sink.waitForMails((m) => m.rcpt.includes(emailOf(fixture, reviewer)) && isApproval(m), 1, { what: `the escalation to ${reviewer}` });
    }
    await holdsFor(async () => reviewers.every((u) => mailsTo('KBNN-KT', emailOf(fixture, u)).filter(isApproval).length === 1), {
      forMs: 500,
      what: 'a single escalation each',
    });
    const names = approvers.map((u) => fixture.users.find((x) => x.username === u)!.fullName);
    for (const reviewer of reviewers) {
      const [mail] = mailsTo('KBNN-KT', emailOf(fixture, reviewer)).filter(isApproval);
      expect(mail.subject).toMatch(/^Quá hạn: Chi bộ thông qua/);
      for (const name of names) expect(mail.text).toContain(name);
    }
    const escalations = (await events(ctx, reportId)).filter((e) => e.action === 'escalate');
    expect(escalations.map((e) => [e.actor, e.fromStage])).toEqual([['system', 'cell_approval']]);
    const { rows } = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'escalation' AND report_id = $1`, [reportId]);
    expect(rows[0].n).toBe(reviewers.length);

    // Redis loses the queued jobs: the reconciler re-creates both tasks' reminders, but neither
    // task's escalation, since their stage has been escalated.
    const queue = engineQueue(ctx, 'reminders');
    try {
      const ids = tasks.map((t) => `escalation-${t.id}-${Date.parse(t.dueAt!)}`);
      for (const t of tasks) {
        await queue.remove(`escalation-${t.id}-${Date.parse(t.dueAt!)}`);
        await queue.remove(`reminder-${t.id}-PT0S-${Date.parse(t.dueAt!)}`);
      }
      await ctx.worker.get(ReminderScheduler).reconcile();
      expect(await Promise.all(tasks.map(async (t) => (await queue.getJob(`reminder-${t.id}-PT0S-${Date.parse(t.dueAt!)}`))?.id))).toEqual(
        tasks.map((t) => `reminder-${t.id}-PT0S-${Date.parse(t.dueAt!)}`),
      );
      expect(await Promise.all(ids.map(async (id) => (await queue.getJob(id))?.id ?? null))).toEqual([null, null]);
    } finally {
      await queue.close();
    }
  });

  it('moving deadlines removes the queued jobs of the old due date as the stage’s own reminder settings planned them', async () => {
    const admin = await session(ctx, 'admin');
    const stages = TONGKET_V1.map((stage) =>
      stage.key === 'drafting' ? { ...stage, reminders: { before: ['PT30M', 'PT5M'], escalateAfter: 'PT2H' } } : stage,
    );
    expectStatus(await admin.post('/api/workflows/nhac_rieng/versions').send({ stages }), 201, 'a workflow whose drafting has its own reminders');
    const oldDue = Date.now() + 3 * 3_600_000;
    const newDue = oldDue + 3_600_000;
    const plan = await createPlan(ctx, { workflow: 'nhac_rieng', deadlines: { cell: { drafting: hanoiIso(oldDue) } }, reminders: { before: ['PT0S'] } });
    await launchPlan(ctx, plan.id);
    const reportId = (await reportsByUnit(ctx, plan.id)).get('KBNN-KT')!.id;
    const task = await openTask(await session(ctx, 'kbnn-kt.soanthao'), reportId, 'drafting');
    const idsFor = (due: number) => [`reminder-${task.id}-PT30M-${due}`, `reminder-${task.id}-PT5M-${due}`, `escalation-${task.id}-${due}`];
    const queue = engineQueue(ctx, 'reminders');
    try {
      const present = async (ids: string[]) => Promise.all(ids.map(async (id) => [id, (await queue.getJob(id))?.id === id]));
      await waitFor(async () => (await present(idsFor(oldDue))).every(([, here]) => here), { what: 'the jobs of the stage’s own offsets' });
      expectStatus(await admin.put(`/api/plans/${plan.id}/deadlines`).send({ deadlines: { cell: { drafting: hanoiIso(newDue) } } }), 200, 'move the deadline');
      expect(await present(idsFor(oldDue))).toEqual(idsFor(oldDue).map((id) => [id, false]));
      expect(await present(idsFor(newDue))).toEqual(idsFor(newDue).map((id) => [id, true]));
    } finally {
      await queue.close();
    }
  });

  it('a task whose reminders were both missed is told once, the time really left; the earlier reminder’s job, run late, sends nothing', async () => {
    const soonDue = Date.now() + 2 * 60_000;
    const plan = await createPlan(ctx, { deadlines: { cell: { drafting: hanoiIso(soonDue) } }, reminders: { before: ['PT10M', 'PT5M'] } });
    await launchPlan(ctx, plan.id);
    const reportId = (await reportsByUnit(ctx, plan.id)).get('HLHPN-TC')!.id;
    const task = await openTask(await session(ctx, 'hlhpn-tc.bithu'), reportId, 'drafting');
    const email = emailOf(fixture, 'hlhpn-tc.bithu');
    const [mail] = await sink.waitForMails((m) => m.rcpt.includes(email) && m.text.includes(plan.code), 1, { what: 'the one reminder still owed' });
    // Not "còn 5 phút": less than two minutes are left.
    expect(mail.subject).toMatch(/^Nhắc việc \(còn (1 phút|2 phút|\d+ giây)\)/);
    // A ten-minute job kept through an outage finds the five-minute one due as well: it is superseded.
    expect(await ctx.worker.get(ReminderFirer).fireReminder(task.id, 'PT10M', task.dueAt!)).toBe('superseded');
    // A job of an offset the settings no longer have (left by a migration that changed them) sends nothing either.
    expect(await ctx.worker.get(ReminderFirer).fireReminder(task.id, 'PT1M', task.dueAt!)).toBe('not-planned');
    await holdsFor(async () => sink.to(email, (m) => m.text.includes(plan.code)).length === 1, { forMs: 500, what: 'a single reminder' });
    expect((await noticesOfTask(ctx, task.id)).map((n) => n.dedup_key)).toEqual([`reminder:${task.id}:PT5M`]);
  });
});
