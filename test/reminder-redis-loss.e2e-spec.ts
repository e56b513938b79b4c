import { session } from './support/api';
import { createPlan, importFixture, launchPlan, reportsByUnit, tasksOf } from './support/factories';
import { Fixture, holders } from './support/fixture';
import { E2eContext, loseRedis, restartWorker, startE2e, stopE2e } from './support/harness';
import { hanoiIso } from './support/hanoi-time';
import {
  emailOf, escalationRecipients, LATE_MS, mailsAbout, noticesOfTask, timingProblems, unitName,
} from './support/notices';
import { engineQueue } from './support/queues';
import { SmtpSink } from './support/smtp-sink';
import { PlanDto, ReportDto } from './support/types';
import { holdsFor, waitFor } from './support/wait-for';

// Shorter than elsewhere, to keep the file quick: reminders 3 s before and at the due date, escalation 1 s after.
const REMINDERS = { before: ['PT3S', 'PT0S'], escalateAfter: 'PT1S' };
const OFFSETS_MS = [3_000, 0];
const ESCALATE_AFTER_MS = 1_000;

/**
 * Redis keeps nothing on disk: after FLUSHALL and a worker restart, the reminders still due are
 * derived again from PostgreSQL, and the one already sent is not sent again.
 */
describe('Redis loss: FLUSHALL and a worker restart lose no reminder and send none twice', () => {
  const sink = new SmtpSink();
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;
  let dueMs: number;
  let cells: string[];
  let flushedAt = 0;
  let restartedAt = 0;
  const drafterOf = (unit: string) => holders(fixture, unit, 'drafter')[0];

  beforeAll(async () => {
    await sink.start();
    ctx = await startE2e({ smtpPort: sink.port });
    fixture = await importFixture(ctx);
    cells = fixture.units.filter((u) => u.kind === 'cell').map((u) => u.code);
    dueMs = Date.now() + 4_500;
    plan = await createPlan(ctx, { deadlines: { cell: { drafting: hanoiIso(dueMs) } }, reminders: REMINDERS });
    await launchPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
    await sink.stop();
  });

  it('the first reminders (3 s before) go out before the loss', async () => {
    for (const unit of cells) {
      await sink.waitForMails((m) => m.rcpt.includes(emailOf(fixture, drafterOf(unit))) && m.text.includes(plan.code), 1, {
        timeoutMs: Math.max(0, dueMs - 3_000 - Date.now()) + 3_000,
        what: `the first reminder of ${unit}`,
      });
    }
    expect(Date.now()).toBeLessThan(dueMs - 1_200); // time left for the loss and the restart before the next ones
  });

  it('FLUSHALL, then the worker restarts: its queues are empty until the reconciler refills them from PostgreSQL', async () => {
    // A notice recorded a minute ago whose e-mail job goes down with Redis.
    await ctx.db.query(
      `INSERT INTO notifications (user_id, kind, title, body, dedup_key, created_at)
       SELECT id, 'reminder', 'Thư chờ gửi khi Redis mất dữ liệu', 'Thư này chỉ còn trong PostgreSQL.', 'test:lost-email', now() - interval '1 minute'
         FROM users WHERE username = 'btv.hung'`,
    );
    await loseRedis(ctx);
    flushedAt = Date.now();
    const queue = engineQueue(ctx, 'reminders');
    try {
      expect(await queue.getDelayedCount()).toBe(0);
      await restartWorker(ctx);
      restartedAt = Date.now();
      // What is still to come is queued again: for every cell, the reminder at the due date and the escalation.
      const kt = (await tasksOf(await session(ctx, drafterOf('KBNN-KT')))).find((t) => t.reportId === reports.get('KBNN-KT')!.id)!;
      await waitFor(async () => (await queue.getJob(`reminder-${kt.id}-PT0S-${dueMs}`)) && (await queue.getJob(`escalation-${kt.id}-${dueMs}`)), {
        timeoutMs: 3_000,
        what: 'the reconciler to queue KBNN-KT’s remaining reminder and escalation',
      });
      expect(await queue.getJob(`reminder-${kt.id}-PT3S-${dueMs}`)).toBeUndefined();
      // And the daily digest is scheduled again.
      await waitFor(async () => (await queue.getJobSchedulers()).some((s) => s.key === 'daily-digest'), { timeoutMs: 3_000, what: 'the daily-digest scheduler' });
    } finally {
      await queue.close();
    }
    expect(restartedAt).toBeLessThan(dueMs);
  });

  it('every reminder still arrives on time, exactly once, and the escalation after it', async () => {
    const problems: string[] = [];
    for (const unit of cells) {
      const email = emailOf(fixture, drafterOf(unit));
      const recipients = escalationRecipients(fixture, unit).map((u) => emailOf(fixture, u));
      const name = unitName(fixture, unit);
      const all = await waitFor(async () => {
        const found = mailsAbout(sink.mails, plan.code, name);
        return found.length >= 2 + recipients.length ? found : undefined;
      }, { timeoutMs: Math.max(0, dueMs + ESCALATE_AFTER_MS - Date.now()) + 3_000, what: `the mails about ${unit}` });
      problems.push(...timingProblems(`reminders of ${unit}`, all.filter((m) => m.rcpt.includes(email)), OFFSETS_MS.map((o) => dueMs - o)));
      for (const r of recipients) problems.push(...timingProblems(`escalation of ${unit} to ${r}`, all.filter((m) => m.rcpt.includes(r)), [dueMs + ESCALATE_AFTER_MS]));
    }
    expect(problems).toEqual([]);
  });

  it('an e-mail whose job was lost goes out once after the restart', async () => {
    await sink.waitForMails((m) => m.subject === 'Thư chờ gửi khi Redis mất dữ liệu', 1, { what: 'the e-mail pending in PostgreSQL' });
    expect(sink.to(emailOf(fixture, 'btv.hung'))).toHaveLength(1);
  });

  it('nothing more comes, and PostgreSQL holds each notice once, e-mailed', async () => {
    await waitFor(async () => Date.now() > dueMs + ESCALATE_AFTER_MS + LATE_MS, { timeoutMs: 10_000, intervalMs: 100, what: 'the escalation time to pass' });
    const count = sink.mails.length;
    await holdsFor(async () => sink.mails.length === count, { forMs: 800, what: 'no further mail' });
    for (const unit of cells) {
      const task = (await tasksOf(await session(ctx, drafterOf(unit)))).find((t) => t.reportId === reports.get(unit)!.id)!;
      const rows = await noticesOfTask(ctx, task.id);
      expect({ unit, rows: rows.map((r) => [r.kind, r.dedup_key.replace(task.id, '<task>'), r.email_state]) }).toEqual({
        unit,
        rows: [
          ...escalationRecipients(fixture, unit).map(() => ['escalation', expect.stringMatching(/^escalation:<task>:/), 'sent']),
          ['reminder', 'reminder:<task>:PT0S', 'sent'],
          ['reminder', 'reminder:<task>:PT3S', 'sent'],
        ],
      });
    }
    expect(sink.to(emailOf(fixture, 'btv.hung'))).toHaveLength(1);
    expect({ flushedAfterFirstReminders: flushedAt > dueMs - 3_000 }).toEqual({ flushedAfterFirstReminders: true });
  });
});
