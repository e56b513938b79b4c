import { jobIdOf, JobName } from '@app/jobs';
import { Reconciler } from '../apps/worker/src/reconciler.service';
import { expectStatus, session } from './support/api';
import { createPlan, events, fillReport, getReport, importFixture, launchPlan, openTask, reportsByUnit, submitReport, tasksOf } from './support/factories';
import { toConsolidation } from './support/drive';
import { Fixture, holders } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { API_TIME, hanoiDateTime, hanoiIso, utcDateTime } from './support/hanoi-time';
import {
  emailOf,
  ESCALATE_AFTER_MS,
  escalationRecipients,
  isWorkNoticeMail,
  LATE_MS,
  mailsAbout,
  noticesOfTask,
  OFFSETS_MS,
  reminderSettings,
  timingProblems,
  unitName,
} from './support/notices';
import { engineQueue } from './support/queues';
import { SmtpSink } from './kit/smtp-sink';
import { EventDto, PlanDto, ProgressDto, ReportDto, TaskDto } from './support/types';
import { holdsFor, waitFor } from './kit/poll';

/**
 * Three plans launched together, with deadlines seconds ahead, so every timing below plays out in
 * about fifteen seconds of wall time:
 * - plan A: cells' drafting due at T0+8 s (their cell approval at T0+9.5 s), upper committees'
 *   drafting at T0+9 s, grassroots none; reminders 4 s before and at the due date, escalation 2 s
 *   after. KBNN-VP's drafter submits before any of it, so its approver's task gets the reminders.
 * - plan B: everything due at T0+7 s, then (before any reminder) moved: cells later to T0+9.5 s,
 *   upper committees into the past.
 * - plan K: only the Khối's consolidation has a deadline. Before T0 every report is taken up to
 *   consolidation, so the collection completes and the consolidators' task opens (due far ahead);
 *   at T0 the deadline moves to T0+10 s, which moves the task and its reminders.
 */
describe('deadlines drive people: reminders, escalations and rescheduling, on time, once, by e-mail', () => {
  const sink = new SmtpSink({ ignore: isWorkNoticeMail });
  let ctx: E2eContext;
  let fixture: Fixture;
  let t0: number;
  let planA: PlanDto;
  let planB: PlanDto;
  let planK: PlanDto;
  let reportsA: Map<string, ReportDto>;
  let reportsB: Map<string, ReportDto>;
  const due = { aCell: 0, aApproval: 0, aUpper: 0, bOld: 0, bCell: 0, bUpper: 0, kConsolidation: 0 };
  /** When the request moving plan B's deadlines went out. */
  let movedAt = 0;
  let vpSubmittedAt = 0;
  let consolidationOpenedAt = 0;
  let cells: string[];
  let uppers: string[];

  const drafterOf = (unit: string) => holders(fixture, unit, 'drafter')[0];
  const draftTask = async (unit: string, reportId: string): Promise<TaskDto> => {
    const drafter = await session(ctx, drafterOf(unit));
    const all = [...(await tasksOf(drafter)), ...(await tasksOf(drafter, 'completed'))];
    const task = all.find((t) => t.reportId === reportId && t.stage === 'drafting');
    if (!task) throw new Error(`no drafting task of ${drafterOf(unit)} on ${unit}`);
    return task;
  };
  const progress = async (planId: string): Promise<ProgressDto> =>
    expectStatus(await (await session(ctx, 'admin')).get(`/api/plans/${planId}/progress`), 200).body as ProgressDto;

  beforeAll(async () => {
    await sink.start();
    ctx = await startE2e({ smtpPort: sink.port });
    fixture = await importFixture(ctx);
    const below = (kind: string) => fixture.units.filter((u) => u.kind === kind && u.parent !== null).map((u) => u.code);
    cells = below('cell');
    uppers = below('upper');
    // Sign everyone in first: the timed part below should spend its seconds on the engine.
    await Promise.all(fixture.users.map((u) => session(ctx, u.username)));

    // Plan K: the working group's task opens once the collection is complete, i.e. every report is in.
    planK = await createPlan(ctx, { deadlines: { bloc: { consolidation: hanoiIso(Date.now() + 3_600_000) } }, reminders: reminderSettings() });
    await launchPlan(ctx, planK.id);
    const reportsK = await reportsByUnit(ctx, planK.id);
    await Promise.all([...reportsK.entries()].map(([unit, report]) => toConsolidation(ctx, fixture, unit, report.id)));
    await Promise.all(
      holders(fixture, fixture.plan.rootUnit, 'consolidator').map(async (username) => openTask(await session(ctx, username), null, 'consolidation', 15_000)),
    );

    t0 = Date.now();
    Object.assign(due, {
      aCell: t0 + 8_000,
      aApproval: t0 + 9_500,
      aUpper: t0 + 9_000,
      bOld: t0 + 7_000,
      bCell: t0 + 9_500,
      bUpper: t0 - 60_000,
      kConsolidation: t0 + 10_000,
    });
    [planA, planB] = await Promise.all([
      createPlan(ctx, {
        deadlines: { cell: { drafting: hanoiIso(due.aCell), cell_approval: hanoiIso(due.aApproval) }, upper: { drafting: hanoiIso(due.aUpper) } },
        reminders: reminderSettings(),
      }),
      createPlan(ctx, { deadlines: { cell: { drafting: hanoiIso(due.bOld) }, upper: { drafting: hanoiIso(due.bOld) } }, reminders: reminderSettings() }),
    ]);
    await Promise.all([launchPlan(ctx, planA.id), launchPlan(ctx, planB.id)]);
    [reportsA, reportsB] = await Promise.all([reportsByUnit(ctx, planA.id), reportsByUnit(ctx, planB.id)]);

    // Plan B's reminders are in the queue before its deadlines move (so the move has jobs to replace).
    const reminders = engineQueue(ctx, 'reminders');
    try {
      const kt = await draftTask('KBNN-KT', reportsB.get('KBNN-KT')!.id);
      await waitFor(
        async () =>
          (await reminders.getJob(jobIdOf({ name: JobName.FireReminder, data: { taskId: kt.id, offset: 'PT4S', dueAt: new Date(due.bOld).toISOString() } }))) ??
          false,
        { timeoutMs: 3_000, what: 'plan B’s first reminder job' },
      );
    } finally {
      await reminders.close();
    }
    const admin = await session(ctx, 'admin');
    movedAt = Date.now();
    expectStatus(
      await admin
        .put(`/api/plans/${planB.id}/deadlines`)
        .send({ deadlines: { cell: { drafting: hanoiIso(due.bCell) }, upper: { drafting: hanoiIso(due.bUpper) } } }),
      200,
      'move plan B’s deadlines',
    );

    const vp = await session(ctx, drafterOf('KBNN-VP'));
    await fillReport(ctx, reportsA.get('KBNN-VP')!.id, vp);
    await submitReport(reportsA.get('KBNN-VP')!.id, vp);
    vpSubmittedAt = Date.now();

    // Plan K: the consolidators' open task moves to T0+10 s with its reminders.
    expectStatus(
      await admin.put(`/api/plans/${planK.id}/deadlines`).send({ deadlines: { bloc: { consolidation: hanoiIso(due.kConsolidation) } } }),
      200,
      'move plan K’s consolidation',
    );
    consolidationOpenedAt = Date.now();
  }, 90_000);

  afterAll(async () => {
    await stopE2e(ctx);
    await sink.stop();
  });

  it('set up in time for the timings to mean something', () => {
    // Plan B's old first reminder was due at T0+3 s, plan A's first at T0+4 s.
    expect({ movedAfterMs: movedAt - t0, inTime: movedAt - t0 < 3_000 - 300 }).toMatchObject({ inTime: true });
    expect({ vpSubmittedAfterMs: vpSubmittedAt - t0, inTime: vpSubmittedAt - t0 < 4_000 - 300 }).toMatchObject({ inTime: true });
    // Plan K's consolidation reminds first at T0+6 s: its task was moved before then.
    expect({ consolidationOpenedAfterMs: consolidationOpenedAt - t0, inTime: consolidationOpenedAt - t0 < 6_000 - 500 }).toMatchObject({ inTime: true });
  });

  it('every open task carries the due date of its unit’s kind and stage, in +07:00, on tasks, reports and progress', async () => {
    const expectDue = (what: string, value: string | null | undefined, ms: number | null) => {
      if (ms === null) return expect({ what, value }).toEqual({ what, value: null });
      expect({ what, value }).toEqual({ what, value: expect.stringMatching(API_TIME) });
      expect({ what, ms: Date.parse(value!) }).toEqual({ what, ms });
    };
    for (const [unit, ms] of [
      ['KBNN-KT', due.aCell],
      ['KBNN', due.aUpper],
      ['BVNN', null],
    ] as const) {
      const reportId = reportsA.get(unit)!.id;
      const task = await draftTask(unit, reportId);
      expectDue(`task list ${unit}`, task.dueAt, ms);
      const one = expectStatus(await (await session(ctx, drafterOf(unit))).get(`/api/tasks/${task.id}`), 200).body as TaskDto;
      expectDue(`task ${unit}`, one.dueAt, ms);
      expectDue(`report ${unit}`, (await getReport(ctx, reportId)).dueAt, ms);
    }
    const p = await progress(planA.id);
    const unitOf = (code: string) => p.units.find((u) => u.unitCode === code)!;
    expectDue('progress HLHPN-TG', unitOf('HLHPN-TG').dueAt, due.aCell);
    expectDue('progress HLHPN', unitOf('HLHPN').dueAt, due.aUpper);
    expectDue('progress BVNN', unitOf('BVNN').dueAt, null);
    // Nothing of plan A is late yet; of plan B, the upper committees moved into the past are.
    const b = await progress(planB.id);
    expect(Date.now()).toBeLessThan(due.aCell);
    expect(p.overdue).toBe(0);
    expect(p.units.filter((u) => u.overdue).map((u) => u.unitCode)).toEqual([]);
    expect(
      b.units
        .filter((u) => u.overdue)
        .map((u) => u.unitCode)
        .sort(),
    ).toEqual([...uppers].sort());
    expect(b.overdue).toBe(uppers.length);
    expectDue('plan B progress KBNN-KT, moved later', b.units.find((u) => u.unitCode === 'KBNN-KT')!.dueAt, due.bCell);
    expectDue('plan B progress KBNN, moved into the past', b.units.find((u) => u.unitCode === 'KBNN')!.dueAt, due.bUpper);
  });

  it('moving the deadlines replaced the queued jobs: none left for the old due date, one per offset for the new', async () => {
    const task = await draftTask('KBNN-KT', reportsB.get('KBNN-KT')!.id);
    const reminders = engineQueue(ctx, 'reminders');
    try {
      const ids = (dueMs: number) => {
        const dueAt = new Date(dueMs).toISOString();
        return [
          jobIdOf({ name: JobName.FireReminder, data: { taskId: task.id, offset: 'PT4S', dueAt } }),
          jobIdOf({ name: JobName.FireReminder, data: { taskId: task.id, offset: 'PT0S', dueAt } }),
          jobIdOf({ name: JobName.FireEscalation, data: { taskId: task.id, dueAt } }),
        ];
      };
      const present = async (list: string[]) => Promise.all(list.map(async (id) => [id, (await reminders.getJob(id))?.id === id]));
      expect(await present(ids(due.bOld))).toEqual(ids(due.bOld).map((id) => [id, false]));
      // The first new one leaves the queue when it fires (at T0+5.5 s); the others wait.
      const waiting = Date.now() < due.bCell - 4_000 - 200 ? ids(due.bCell) : ids(due.bCell).slice(1);
      expect(await present(waiting)).toEqual(waiting.map((id) => [id, true]));
    } finally {
      await reminders.close();
    }
  });

  it('reminders reach each task holder at every offset: never early, at most 1.5 s late', async () => {
    const late = [...cells.filter((c) => c !== 'KBNN-VP').map((c) => [c, due.aCell] as const), ...uppers.map((u) => [u, due.aUpper] as const)];
    const problems: string[] = [];
    for (const [unit, dueMs] of late) {
      const email = emailOf(fixture, drafterOf(unit));
      const mails = await waitFor(
        async () => {
          const found = mailsAbout(sink.mails, planA.code, unitName(fixture, unit), email);
          return found.length >= 2 ? found : undefined;
        },
        { timeoutMs: Math.max(0, dueMs - Date.now()) + 3_000, what: `two reminders of ${unit} to ${email}` },
      );
      problems.push(
        ...timingProblems(
          `reminders of ${unit} to ${email}`,
          mails,
          OFFSETS_MS.map((o) => dueMs - o),
        ),
      );
      for (const m of mails) {
        if (m.rcpt.length !== 1 || m.rcpt[0] !== email) problems.push(`${unit}: reminder sent to ${m.rcpt.join(', ')}, expected only ${email}`);
      }
      const task = await draftTask(unit, reportsA.get(unit)!.id);
      const rows = (await noticesOfTask(ctx, task.id)).filter((r) => r.kind === 'reminder');
      expect({ unit, rows }).toEqual({
        unit,
        rows: ['PT0S', 'PT4S'].map((offset) => ({ kind: 'reminder', dedup_key: `reminder:${task.id}:${offset}`, email, email_state: 'sent' })),
      });
    }
    expect(problems).toEqual([]);
  });

  it('a drafting task finished before its reminders gets none, and no escalation', async () => {
    const vpTask = await draftTask('KBNN-VP', reportsA.get('KBNN-VP')!.id);
    expect(vpTask.state).toBe('completed');
    // Past the escalation time of the cells' drafting (T0+8 s + 2 s), and a margin.
    await waitFor(async () => Date.now() > due.aCell + ESCALATE_AFTER_MS + LATE_MS, {
      timeoutMs: 15_000,
      intervalMs: 100,
      what: 'the cells’ escalation time to pass',
    });
    const drafting = mailsAbout(sink.mails, planA.code, unitName(fixture, 'KBNN-VP')).filter((m) => `${m.subject} ${m.text}`.includes('Dự thảo báo cáo'));
    expect(drafting.map((m) => [m.rcpt, m.subject])).toEqual([]);
    expect(await noticesOfTask(ctx, vpTask.id)).toEqual([]);
    const trail = (await events(ctx, reportsA.get('KBNN-VP')!.id)) as (EventDto & { taskId?: string })[];
    expect(trail.filter((e) => e.action === 'escalate' && (e.taskId === vpTask.id || e.fromStage === 'drafting'))).toEqual([]);
  });

  it('a task created later in the workflow gets its reminders and escalation too: KBNN-VP’s approval', async () => {
    const reportId = reportsA.get('KBNN-VP')!.id;
    const approvers = holders(fixture, 'KBNN-VP', 'approver');
    const recipients = escalationRecipients(fixture, 'KBNN-VP').map((u) => emailOf(fixture, u));
    const isApproval = (m: { subject: string; text: string }) => `${m.subject} ${m.text}`.includes('Chi bộ thông qua');
    const problems: string[] = [];
    const all = await waitFor(
      async () => {
        const found = mailsAbout(sink.mails, planA.code, unitName(fixture, 'KBNN-VP')).filter(isApproval);
        return found.length >= 2 * approvers.length + recipients.length ? found : undefined;
      },
      { timeoutMs: Math.max(0, due.aApproval + ESCALATE_AFTER_MS - Date.now()) + 3_000, what: 'the mails about KBNN-VP’s approval' },
    );
    for (const username of approvers) {
      const approver = await session(ctx, username);
      const task = (await tasksOf(approver)).find((t) => t.reportId === reportId && t.stage === 'cell_approval')!;
      expect(Date.parse(task.dueAt!)).toBe(due.aApproval);
      problems.push(
        ...timingProblems(
          `approval reminders to ${username}`,
          all.filter((m) => m.rcpt.includes(emailOf(fixture, username))),
          OFFSETS_MS.map((o) => due.aApproval - o),
        ),
      );
    }
    for (const email of recipients)
      problems.push(
        ...timingProblems(
          `approval escalation to ${email}`,
          all.filter((m) => m.rcpt.includes(email)),
          [due.aApproval + ESCALATE_AFTER_MS],
        ),
      );
    expect(problems).toEqual([]);
    for (const m of all) expect(m.text).toContain(hanoiDateTime(due.aApproval));
    const trail = await events(ctx, reportId);
    expect(trail.filter((e) => e.action === 'escalate').map((e) => e.fromStage)).toEqual(['cell_approval']);
  });

  it('the Khối’s consolidation task is due at the deadline of the root’s kind, and its holders are reminded on time', async () => {
    const consolidators = holders(fixture, fixture.plan.rootUnit, 'consolidator');
    const problems: string[] = [];
    for (const username of consolidators) {
      const task = (await tasksOf(await session(ctx, username))).find(
        (t) => t.stage === 'consolidation' && t.reportId === null && Date.parse(t.dueAt ?? '') === due.kConsolidation,
      );
      expect({ username, task: task && { dueAt: task.dueAt } }).toEqual({ username, task: { dueAt: expect.stringMatching(API_TIME) } });
      const email = emailOf(fixture, username);
      const reminders = await waitFor(
        async () => {
          // Reminders only: at the cut-off the working group also hears that the collection closed.
          const found = sink.to(email, (m) => m.text.includes(planK.code) && m.subject.startsWith('Nhắc việc') && m.receivedAt < due.kConsolidation + 1_000);
          return found.length >= 2 ? found : undefined;
        },
        { timeoutMs: Math.max(0, due.kConsolidation - Date.now()) + 3_000, what: `consolidation reminders to ${username}` },
      );
      problems.push(
        ...timingProblems(
          `consolidation reminders to ${username}`,
          reminders,
          OFFSETS_MS.map((o) => due.kConsolidation - o),
        ),
      );
      for (const m of reminders) {
        for (const part of ['Tổng hợp ở Khối', unitName(fixture, fixture.plan.rootUnit), hanoiDateTime(due.kConsolidation)]) {
          if (!`${m.subject}\n${m.text}`.includes(part)) problems.push(`consolidation reminder to ${username} lacks “${part}”: ${m.subject} / ${m.text}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('a unit whose kind has no deadline gets no reminder', async () => {
    expect(mailsAbout(sink.mails, planA.code, unitName(fixture, 'BVNN')).filter((m) => m.rcpt.includes(emailOf(fixture, drafterOf('BVNN'))))).toEqual([]);
  });

  it('a task still open 2 s after its due date is escalated once: to the parent’s reviewers, or the root’s consolidators when the parent is the root', async () => {
    const late = [...cells.filter((c) => c !== 'KBNN-VP').map((c) => [c, due.aCell] as const), ...uppers.map((u) => [u, due.aUpper] as const)];
    const problems: string[] = [];
    for (const [unit, dueMs] of late) {
      const recipients = escalationRecipients(fixture, unit).map((u) => emailOf(fixture, u));
      const name = unitName(fixture, unit);
      const drafterEmail = emailOf(fixture, drafterOf(unit));
      const mails = await waitFor(
        async () => {
          const found = mailsAbout(sink.mails, planA.code, name).filter((m) => !m.rcpt.includes(drafterEmail));
          return found.length >= recipients.length ? found : undefined;
        },
        { timeoutMs: Math.max(0, dueMs + ESCALATE_AFTER_MS - Date.now()) + 3_000, what: `escalation of ${unit} to ${recipients.join(', ')}` },
      );
      for (const email of recipients) {
        problems.push(
          ...timingProblems(
            `escalation of ${unit} to ${email}`,
            mails.filter((m) => m.rcpt.includes(email)),
            [dueMs + ESCALATE_AFTER_MS],
          ),
        );
      }
      const strangers = mails.filter((m) => !m.rcpt.every((r) => recipients.includes(r)));
      if (strangers.length)
        problems.push(`escalation of ${unit} reached ${strangers.map((m) => m.rcpt.join(',')).join('; ')}, expected only ${recipients.join(', ')}`);

      const reportId = reportsA.get(unit)!.id;
      const task = await draftTask(unit, reportId);
      const escalations = (await events(ctx, reportId)).filter((e) => e.action === 'escalate');
      expect({ unit, escalations: escalations.length }).toEqual({ unit, escalations: 1 });
      const rows = (await noticesOfTask(ctx, task.id)).filter((r) => r.kind === 'escalation');
      expect({ unit, rows: rows.map((r) => [r.email, r.email_state]).sort() }).toEqual({ unit, rows: recipients.map((e) => [e, 'sent']).sort() });
    }
    expect(problems).toEqual([]);
    // The examples of the issue, spelled out: a KBNN cell's task goes to KBNN's committee, KBNN's own to the working group.
    expect(escalationRecipients(fixture, 'KBNN-KT').sort()).toEqual(['kbnn.bithu', 'kbnn.capuy']);
    expect(escalationRecipients(fixture, 'KBNN')).toEqual(['tgv.lan']);
    // The Khối's Standing Committee members are not told of anything.
    for (const u of holders(fixture, 'DUK', 'reviewer')) expect(sink.to(emailOf(fixture, u))).toEqual([]);
  });

  it('texts are Vietnamese and name the plan, the unit, the stage and the due date as dd/mm/yyyy HH:mm, Hà Nội time', async () => {
    const email = emailOf(fixture, drafterOf('KBNN-KT'));
    const [reminder] = mailsAbout(sink.mails, planA.code, 'Chi bộ Vụ Kế toán Nhà nước', email);
    const [escalation] = mailsAbout(sink.mails, planA.code, 'Chi bộ Vụ Kế toán Nhà nước', emailOf(fixture, 'kbnn.bithu'));
    const local = hanoiDateTime(due.aCell);
    for (const [what, mail] of [
      ['reminder', reminder],
      ['escalation', escalation],
    ] as const) {
      const all = `${mail.subject}\n${mail.text}`;
      expect({ what, all }).toEqual({ what, all: expect.stringContaining(planA.code) });
      expect({ what, all }).toEqual({ what, all: expect.stringContaining('Chi bộ Vụ Kế toán Nhà nước') });
      expect({ what, all }).toEqual({ what, all: expect.stringContaining('Dự thảo báo cáo') });
      expect({ what, all }).toEqual({ what, all: expect.stringContaining(local) });
      // Hà Nội time, not UTC (7 hours apart, so the two never read the same).
      expect({ what, all }).toEqual({ what, all: expect.not.stringContaining(utcDateTime(due.aCell)) });
      expect(mail.from.join()).toMatch(/Tổng kết.*<tongket@localhost>/);
      expect(mail.contentType.toLowerCase()).toContain('utf-8');
    }
    expect(reminder.to).toEqual([`${fixture.users.find((u) => u.username === drafterOf('KBNN-KT'))!.fullName} <${email}>`]);
    // The subject is Vietnamese with its diacritics, decoded from its MIME encoding intact.
    expect(reminder.subject).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
  });

  it('the in-app inbox holds each reminder, with its plan, report and task', async () => {
    const unit = 'KBNN-KT';
    const drafter = await session(ctx, drafterOf(unit));
    const task = await draftTask(unit, reportsA.get(unit)!.id);
    const inbox = expectStatus(await drafter.get('/api/me/notifications'), 200).body as Record<string, unknown>[];
    const mine = inbox.filter((n) => n.taskId === task.id && n.kind !== 'task');
    expect(mine).toHaveLength(2);
    const mails = mailsAbout(sink.mails, planA.code, unitName(fixture, unit), emailOf(fixture, drafterOf(unit)));
    for (const n of mine) {
      expect(n).toMatchObject({ kind: 'reminder', planId: planA.id, reportId: reportsA.get(unit)!.id, taskId: task.id, readAt: null });
      expect(n.createdAt).toMatch(API_TIME);
      expect(mails.map((m) => m.subject)).toContain(n.title);
      expect(n.body).toContain(planA.code);
    }
  });

  it('moving deadlines later: nothing at the old times, every reminder and the escalation at the new ones', async () => {
    const problems: string[] = [];
    for (const unit of cells) {
      const name = unitName(fixture, unit);
      const drafterEmail = emailOf(fixture, drafterOf(unit));
      const recipients = escalationRecipients(fixture, unit).map((u) => emailOf(fixture, u));
      const all = await waitFor(
        async () => {
          const found = mailsAbout(sink.mails, planB.code, name);
          return found.length >= 2 + recipients.length ? found : undefined;
        },
        { timeoutMs: Math.max(0, due.bCell + ESCALATE_AFTER_MS - Date.now()) + 3_000, what: `plan B mails about ${unit}` },
      );
      problems.push(
        ...timingProblems(
          `plan B reminders of ${unit}`,
          all.filter((m) => m.rcpt.includes(drafterEmail)),
          OFFSETS_MS.map((o) => due.bCell - o),
        ),
      );
      for (const email of recipients) {
        problems.push(
          ...timingProblems(
            `plan B escalation of ${unit} to ${email}`,
            all.filter((m) => m.rcpt.includes(email)),
            [due.bCell + ESCALATE_AFTER_MS],
          ),
        );
      }
      const strangers = all.filter((m) => !m.rcpt.every((r) => r === drafterEmail || recipients.includes(r)));
      if (strangers.length) problems.push(`plan B mails of ${unit} reached ${strangers.map((m) => m.rcpt.join(','))}`);
      // The texts give the new due date.
      for (const m of all) if (!m.text.includes(hanoiDateTime(due.bCell))) problems.push(`plan B mail of ${unit} lacks ${hanoiDateTime(due.bCell)}: ${m.text}`);
    }
    expect(problems).toEqual([]);
    // Tasks, reports and progress show the new date.
    const kt = await draftTask('KBNN-KT', reportsB.get('KBNN-KT')!.id);
    expect(Date.parse(kt.dueAt!)).toBe(due.bCell);
    expect(Date.parse((await getReport(ctx, reportsB.get('KBNN-KT')!.id)).dueAt!)).toBe(due.bCell);
  });

  it('moving deadlines into the past: the reminder and the escalation fire promptly, once', async () => {
    const problems: string[] = [];
    for (const unit of uppers) {
      const name = unitName(fixture, unit);
      const drafterEmail = emailOf(fixture, drafterOf(unit));
      const recipients = escalationRecipients(fixture, unit).map((u) => emailOf(fixture, u));
      const all = mailsAbout(sink.mails, planB.code, name);
      // Missed reminders collapse into one, sent at once; the escalation time has passed as well.
      problems.push(
        ...timingProblems(
          `plan B reminder of ${unit} moved into the past`,
          all.filter((m) => m.rcpt.includes(drafterEmail)),
          [movedAt],
        ),
      );
      for (const email of recipients) {
        problems.push(
          ...timingProblems(
            `plan B escalation of ${unit} moved into the past, to ${email}`,
            all.filter((m) => m.rcpt.includes(email)),
            [movedAt],
          ),
        );
      }
      for (const m of all)
        if (!m.text.includes(hanoiDateTime(due.bUpper))) problems.push(`plan B mail of ${unit} lacks ${hanoiDateTime(due.bUpper)}: ${m.text}`);
    }
    expect(problems).toEqual([]);
    const overdue = (await progress(planB.id)).units.filter((u) => u.overdue).map((u) => u.unitCode);
    expect(overdue).toEqual(expect.arrayContaining(uppers));
  });

  it('progress marks what is overdue once the due date has passed', async () => {
    const p = await progress(planA.id);
    // KBNN-VP is late too, in cell approval since T0+9.5 s.
    expect(Date.now()).toBeGreaterThan(due.aApproval);
    const late = [...cells, ...uppers].sort();
    expect(
      p.units
        .filter((u) => u.overdue)
        .map((u) => u.unitCode)
        .sort(),
    ).toEqual(late);
    expect(p.overdue).toBe(late.length);
  });

  it('nothing is ever sent twice: no more mail after the last one, even after a reconciler pass', async () => {
    // Every time of both plans is behind us (plan K's consolidation escalates last, at T0+12 s).
    const last = Math.max(...Object.values(due)) + ESCALATE_AFTER_MS + LATE_MS;
    await waitFor(async () => Date.now() > last, { timeoutMs: 15_000, intervalMs: 100, what: 'the last time to pass' });
    const count = sink.mails.length;
    await ctx.worker.get(Reconciler).reconcile(0);
    await holdsFor(async () => sink.mails.length === count, { forMs: 1_000, what: `no mail after the last one (${count})` });
    const { rows } = await ctx.db.query<{ dedup_key: string; n: number }>(
      `SELECT dedup_key, count(*)::int AS n FROM notifications GROUP BY dedup_key HAVING count(*) > 1`,
    );
    expect(rows).toEqual([]);
    const { rows: unsent } = await ctx.db.query(`SELECT dedup_key, email_state FROM notifications WHERE email_state <> 'sent'`);
    expect(unsent).toEqual([]);
    const {
      rows: [{ n }],
    } = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications`);
    expect(sink.mails.length + sink.ignored).toBe(n);
    // And no reminder, escalation or e-mail job failed on the way.
    for (const name of ['reminders', 'notifications'] as const) {
      const queue = engineQueue(ctx, name);
      try {
        const failed = await queue.getFailed();
        expect({ name, failed: failed.map((j) => [j.name, j.failedReason]) }).toEqual({ name, failed: [] });
      } finally {
        await queue.close();
      }
    }
  });
});
