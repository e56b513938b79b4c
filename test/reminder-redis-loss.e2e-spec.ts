import { jobIdOf, JobName } from '@app/jobs';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { session } from './support/api';
import { createPlan, importFixture, launchPlan, reportsByUnit, tasksOf } from './support/factories';
import { Fixture, holders } from './support/fixture';
import { E2eContext, loseRedis, restartWorker, startE2e, stopE2e } from './support/harness';
import { hanoiIso } from './support/hanoi-time';
import { emailOf, escalationRecipients, isWorkNoticeMail, LATE_MS, mailsAbout, noticesOfTask, timingProblems, unitName } from './support/notices';
import { engineQueue } from './support/queues';
import { SmtpSink } from './kit/smtp-sink';
import { PlanDto, ReportDto } from './support/types';
import { holdsFor, waitFor } from './kit/poll';

// Shorter than elsewhere, to keep the file quick: reminders 3 s before and at the due date, escalation 1 s after.
const REMINDERS = { before: ['PT3S', 'PT0S'], escalateAfter: 'PT1S' };
const OFFSETS_MS = [3_000, 0];
const ESCALATE_AFTER_MS = 1_000;

/**
 * Redis keeps nothing on disk: after FLUSHALL and a worker restart, the reminders still due are
 * derived again from PostgreSQL, and the one already sent is not sent again.
 */
describe('Redis loss: FLUSHALL and a worker restart lose no reminder and send none twice', () => {
  const sink = new SmtpSink({ ignore: isWorkNoticeMail });
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
    ({ ctx, fixture, plan, reports, dueMs, cells } = await launchCellDrafting(sink, 4_500, REMINDERS));
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
      await waitFor(
        async () =>
          (await queue.getJob(jobIdOf({ name: JobName.FireReminder, data: { taskId: kt.id, offset: 'PT0S', dueAt: new Date(dueMs).toISOString() } }))) &&
          (await queue.getJob(jobIdOf({ name: JobName.FireEscalation, data: { taskId: kt.id, dueAt: new Date(dueMs).toISOString() } }))),
        {
          timeoutMs: 3_000,
          what: 'the reconciler to queue KBNN-KT’s remaining reminder and escalation',
        },
      );
      expect(await queue.getJob(`reminder-${kt.id}-PT3S-${dueMs}`)).toBeUndefined();
      // And the daily digest is scheduled again.
      await waitFor(async () => (await queue.getJobSchedulers()).some((s) => s.key === 'daily-digest'), {
        timeoutMs: 3_000,
        what: 'the daily-digest scheduler',
      });
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
      const all = await waitFor(
        async () => {
          const found = mailsAbout(sink.mails, plan.code, name);
          return found.length >= 2 + recipients.length ? found : undefined;
        },
        { timeoutMs: Math.max(0, dueMs + ESCALATE_AFTER_MS - Date.now()) + 3_000, what: `the mails about ${unit}` },
      );
      problems.push(
        ...timingProblems(
          `reminders of ${unit}`,
          all.filter((m) => m.rcpt.includes(email)),
          OFFSETS_MS.map((o) => dueMs - o),
        ),
      );
      for (const r of recipients)
        problems.push(
          ...timingProblems(
            `escalation of ${unit} to ${r}`,
            all.filter((m) => m.rcpt.includes(r)),
            [dueMs + ESCALATE_AFTER_MS],
          ),
        );
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
          // One escalation per report, stage and round, to each recipient.
          ...escalationRecipients(fixture, unit).map(() => [
            'escalation',
            expect.stringMatching(new RegExp(`^escalation:${reports.get(unit)!.id}:drafting:\\d+:`)),
            'sent',
          ]),
          ['reminder', 'reminder:<task>:PT0S', 'sent'],
          ['reminder', 'reminder:<task>:PT3S', 'sent'],
        ],
      });
    }
    expect(sink.to(emailOf(fixture, 'btv.hung'))).toHaveLength(1);
    expect({ flushedAfterFirstReminders: flushedAt > dueMs - 3_000 }).toEqual({ flushedAfterFirstReminders: true });
  });
});

/**
 * The worker is down, and Redis loses its keys, through a reminder's time; it comes back after
 * that time but before the next one. The reminder that was missed (the latest one whose time has
 * passed) is still owed although an earlier one went out: it arrives once, at the restart, saying
 * the time really left; the earlier one is not repeated and the next one comes on time.
 */
describe('a reminder missed while the worker was down and Redis lost its keys arrives once after the restart', () => {
  const sink = new SmtpSink({ ignore: isWorkNoticeMail });
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;
  let dueMs: number;
  let cells: string[];
  let restartedAt = 0;
  const drafterOf = (unit: string) => holders(fixture, unit, 'drafter')[0];
  const OFFSETS = { before: ['PT10S', 'PT5S', 'PT0S'] };
  /** A worker starting up (connections, queues, its first reconciler pass) before it fires what it owes. */
  const RESTART_LATE_MS = 3_000;

  beforeAll(async () => {
    ({ ctx, fixture, plan, reports, dueMs, cells } = await launchCellDrafting(sink, 13_000, OFFSETS));
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
    await sink.stop();
  });

  it('the 10-second reminders go out, then the worker stops and Redis loses the queue keys', async () => {
    for (const unit of cells) {
      await sink.waitForMails((m) => m.rcpt.includes(emailOf(fixture, drafterOf(unit))) && m.text.includes(plan.code), 1, {
        timeoutMs: Math.max(0, dueMs - 10_000 - Date.now()) + 3_000,
        what: `the 10-second reminder of ${unit}`,
      });
    }
    await ctx.worker.close();
    await loseRedis(ctx);
    // Still before the 5-second reminders' time: they are lost with Redis, and nobody is there to fire them.
    expect(Date.now()).toBeLessThan(dueMs - 5_000);
  });

  it('the worker restarts after the 5-second reminders’ time: each arrives once, at the restart, saying the time left', async () => {
    // Late enough (2.5 s) that the reminder can no longer say its offset.
    await waitFor(async () => Date.now() > dueMs - 5_000 + 2_500, { timeoutMs: 12_000, intervalMs: 50, what: 'the 5-second reminders’ time to pass' });
    restartedAt = Date.now();
    const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
    await worker.init();
    ctx.worker = worker;
    expect(Date.now()).toBeLessThan(dueMs - 1_000);
    const problems: string[] = [];
    for (const unit of cells) {
      const email = emailOf(fixture, drafterOf(unit));
      const mails = await waitFor(
        async () => {
          const found = mailsAbout(sink.mails, plan.code, unitName(fixture, unit), email);
          return found.length >= 2 ? found : undefined;
        },
        { timeoutMs: 3_000, what: `the missed reminder of ${unit}` },
      );
      // The 10-second one before the outage, the missed one as the new worker starts (starting it takes a moment).
      problems.push(...timingProblems(`reminders of ${unit} before the outage`, mails.slice(0, 1), [dueMs - 10_000]));
      problems.push(...timingProblems(`missed reminder of ${unit}`, mails.slice(1, 2), [restartedAt], RESTART_LATE_MS));
      expect(mails[0].subject).toMatch(/^Nhắc việc \(còn 10 giây\)/);
      // Fired 2.5 s or more late, it says what is left (about 2 s), not "còn 5 giây".
      expect(mails[1].subject).toMatch(/^Nhắc việc \(còn [1-2] giây\)/);
    }
    expect(problems).toEqual([]);
  });

  it('the reminder at the due date comes on time; nothing is sent twice, and each one is in the report’s audit trail once', async () => {
    const problems: string[] = [];
    for (const unit of cells) {
      const email = emailOf(fixture, drafterOf(unit));
      const mails = await waitFor(
        async () => {
          const found = mailsAbout(sink.mails, plan.code, unitName(fixture, unit), email);
          return found.length >= 3 ? found : undefined;
        },
        { timeoutMs: Math.max(0, dueMs - Date.now()) + 3_000, what: `the due-date reminder of ${unit}` },
      );
      problems.push(...timingProblems(`the due-date reminder of ${unit}`, mails.slice(2), [dueMs]));
      expect(mails[2].subject).toMatch(/^Nhắc việc \(đến hạn\)/);
    }
    await waitFor(async () => Date.now() > dueMs + LATE_MS, { timeoutMs: 10_000, intervalMs: 100, what: 'the due date to pass' });
    const count = sink.mails.length;
    await holdsFor(async () => sink.mails.length === count, { forMs: 800, what: 'no further mail' });
    problems.push(
      ...cells.flatMap((unit) =>
        timingProblems(
          `all mails about ${unit}`,
          mailsAbout(sink.mails, plan.code, unitName(fixture, unit)),
          [dueMs - 10_000, restartedAt, dueMs],
          RESTART_LATE_MS,
        ),
      ),
    );
    expect(problems).toEqual([]);
    for (const unit of cells) {
      const task = (await tasksOf(await session(ctx, drafterOf(unit)))).find((t) => t.reportId === reports.get(unit)!.id)!;
      expect({ unit, rows: (await noticesOfTask(ctx, task.id)).map((r) => [r.dedup_key.replace(task.id, '<task>'), r.email_state]) }).toEqual({
        unit,
        rows: [
          ['reminder:<task>:PT0S', 'sent'],
          ['reminder:<task>:PT10S', 'sent'],
          ['reminder:<task>:PT5S', 'sent'],
        ],
      });
    }
  });
});

/**
 * The engine of one describe, with mail to its SMTP sink, and a fixture plan whose cells' drafting is
 * due `dueInMs` from now (counted once the fixture is imported), launched.
 */
async function launchCellDrafting(sink: SmtpSink, dueInMs: number, reminders: { before: string[]; escalateAfter?: string }) {
  await sink.start();
  const ctx = await startE2e({ smtpPort: sink.port });
  const fixture = await importFixture(ctx);
  const cells = fixture.units.filter((u) => u.kind === 'cell').map((u) => u.code);
  const dueMs = Date.now() + dueInMs;
  const plan = await createPlan(ctx, { deadlines: { cell: { drafting: hanoiIso(dueMs) } }, reminders });
  await launchPlan(ctx, plan.id);
  const reports = await reportsByUnit(ctx, plan.id);
  return { ctx, fixture, plan, reports, dueMs, cells };
}
