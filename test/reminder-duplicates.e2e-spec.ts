import { randomUUID } from 'node:crypto';
import { EmailDelivery, ReminderFirer } from '@app/core';
import { session } from './support/api';
import { createPlan, events, importFixture, launchPlan, reportsByUnit, tasksOf } from './support/factories';
import { Fixture, holders } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { hanoiIso } from './support/hanoi-time';
import { emailOf, escalationRecipients, noticesOfTask } from './support/notices';
import { engineQueue } from './support/queues';
import { SmtpSink } from './support/smtp-sink';
import { ReportDto, TaskDto } from './support/types';
import { holdsFor, waitFor } from './support/wait-for';

/**
 * Queues deliver at least once: a job can run twice (a stalled worker, a re-add after a Redis loss,
 * a reconciler racing the scheduler). Each notice and each e-mail must still happen once. The plan's
 * due dates are an hour ahead, so nothing fires by itself during the test; the jobs are run by hand.
 */
describe('a job that runs twice notifies and e-mails once', () => {
  const sink = new SmtpSink();
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
      deadlines: { cell: { drafting: hanoiIso(dueMs) } },
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
      await waitFor(async () => (await Promise.all([`copy-1-${task.id}`, `copy-2-${task.id}`].map(async (id) => (await queue.getJob(id))?.getState()))).every((s) => s === 'completed'), { what: 'both copies run' });
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
      for (const email of recipients) await sink.waitForMails((m) => m.rcpt.includes(email) && m.text.includes('Chi bộ Khoa Nội'), 1, { what: `the escalation to ${email}` });
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
    const { rows } = await ctx.db.query(`SELECT email_state, email_attempts FROM notifications WHERE task_id = $1`, [task.id]);
    expect(rows).toEqual([{ email_state: 'sent', email_attempts: 2 }]);
  });
});
