import { Queue } from 'bullmq';
import { Clock } from '@app/core';
import { Reconciler } from '../apps/worker/src/reconciler.service';
import { expectStatus, session } from './support/api';
import { expectStatuses } from './support/expect-statuses';
import { createPlan, importFixture, launchPlan } from './support/factories';
import { Fixture, holders, reportingUnits } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { API_TIME, hanoiDateTime, hanoiDay, hanoiIso } from './support/hanoi-time';
import { emailOf, isWorkNoticeMail, WORK_NOTICE_KINDS } from './support/notices';
import { engineQueue } from './support/queues';
import { SmtpSink } from './kit/smtp-sink';
import { PlanDto } from './support/types';
import { holdsFor, waitFor } from './kit/poll';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface NoticeDto {
  id: string;
  kind: string;
  title: string;
  body: string;
  planId: string | null;
  reportId: string | null;
  taskId: string | null;
  createdAt: string;
  readAt: string | null;
}

/**
 * The daily digest over three plans whose drafting is due in different orders (plan C already
 * past), so every drafter has three open tasks whose due-date order differs from their creation
 * order; no plan has reminders, so the digests are the only mail. Then the inbox endpoints on them.
 */
describe('the daily digest and the in-app inbox', () => {
  const sink = new SmtpSink({ ignore: isWorkNoticeMail });
  let ctx: E2eContext;
  let fixture: Fixture;
  let queue: Queue;
  const now = Date.now();
  // Per plan and unit kind, the drafting due date.
  const offsets: Record<'A' | 'B' | 'C', Record<'cell' | 'grassroots' | 'upper', number>> = {
    A: { cell: 3 * DAY, grassroots: 4 * DAY, upper: 5 * DAY },
    B: { cell: 2 * DAY, grassroots: 6 * DAY, upper: 1 * DAY },
    C: { cell: -1 * DAY, grassroots: -2 * DAY + HOUR, upper: -3 * DAY },
  };
  const plans = new Map<'A' | 'B' | 'C', PlanDto>();
  let drafters: { username: string; email: string; unit: string; kind: 'cell' | 'grassroots' | 'upper' }[];

  const runDigest = async (jobId: string, data: { day?: string }) => {
    await queue.add('digest.daily', data, { jobId });
    return waitFor(
      async () => {
        const job = await queue.getJob(jobId);
        const state = await job?.getState();
        if (state === 'failed') throw new Error(`digest job failed: ${job?.failedReason}`);
        return state === 'completed' ? job : undefined;
      },
      { what: `digest job ${jobId} completed` },
    );
  };

  beforeAll(async () => {
    await sink.start();
    ctx = await startE2e({ smtpPort: sink.port });
    fixture = await importFixture(ctx);
    queue = engineQueue(ctx, 'reminders');
    drafters = reportingUnits(fixture).map((u) => {
      const username = holders(fixture, u.code, 'drafter')[0];
      return { username, email: emailOf(fixture, username), unit: u.code, kind: u.kind as 'cell' | 'grassroots' | 'upper' };
    });
    for (const key of ['A', 'B', 'C'] as const) {
      const o = offsets[key];
      const deadlines = Object.fromEntries(Object.entries(o).map(([kind, ms]) => [kind, { drafting: hanoiIso(now + ms) }]));
      const plan = await createPlan(ctx, { deadlines, reminders: { before: [] } });
      await launchPlan(ctx, plan.id);
      plans.set(key, plan);
    }
    // This file is about the digest and the inbox: the launches' notices of new tasks (test/work-notices) are cleared.
    await ctx.db.query(`DELETE FROM notifications WHERE kind = ANY($1::varchar[])`, [[...WORK_NOTICE_KINDS]]);
  }, 60_000);

  afterAll(async () => {
    await queue?.close();
    await stopE2e(ctx);
    await sink.stop();
  });

  it('is a job scheduler on the reminders queue: 07:30 every day, Asia/Ho_Chi_Minh', async () => {
    const schedulers = await waitFor(
      async () => {
        const list = await queue.getJobSchedulers();
        return list.length ? list : undefined;
      },
      { what: 'a job scheduler' },
    );
    expect(schedulers).toHaveLength(1);
    const [digest] = schedulers;
    expect(digest).toMatchObject({ key: 'daily-digest', name: 'digest.daily', pattern: '30 7 * * *', tz: 'Asia/Ho_Chi_Minh' });
    // Its next run is the next 07:30 in Hà Nội (00:30 UTC).
    const next = Number(digest.next);
    expect(hanoiDateTime(next).slice(11)).toBe('07:30');
    expect(next).toBeGreaterThan(Date.now());
    expect(next - Date.now()).toBeLessThanOrEqual(DAY);
  });

  it('sends each person with open tasks one e-mail listing them by due date', async () => {
    expect(sink.mails).toEqual([]);
    await runDigest('digest-by-hand-1', {});
    await sink.waitForMails(() => true, drafters.length, { what: 'one digest per drafter' });
    await holdsFor(async () => sink.mails.length === drafters.length, { forMs: 500, what: 'no more digests than drafters' });

    const recipients = sink.mails.flatMap((m) => m.rcpt).sort();
    expect(recipients).toEqual(drafters.map((d) => d.email).sort());
    const problems: string[] = [];
    for (const d of drafters) {
      const [mail] = sink.to(d.email);
      const name = fixture.units.find((u) => u.code === d.unit)!.name;
      // The three tasks in the order of their due dates, each with plan, unit, stage and date.
      const expected = (['A', 'B', 'C'] as const).map((key) => ({ code: plans.get(key)!.code, at: now + offsets[key][d.kind] })).sort((a, b) => a.at - b.at);
      const positions = expected.map(({ code, at }) => {
        const line = mail.text.split('\n').find((l) => l.includes(code));
        if (!line) return (problems.push(`${d.username}: no line for plan ${code} in ${JSON.stringify(mail.text)}`), -1);
        for (const part of [name, 'Dự thảo báo cáo', hanoiDateTime(at)])
          if (!line.includes(part)) problems.push(`${d.username}: line “${line}” lacks “${part}”`);
        return mail.text.indexOf(line);
      });
      if (positions.some((p, i) => i > 0 && p <= positions[i - 1])) problems.push(`${d.username}: tasks not in due-date order: ${JSON.stringify(mail.text)}`);
    }
    expect(problems).toEqual([]);
    // Those with nothing open (approvers, reviewers, the working group) get nothing.
    for (const u of ['kbnn.bithu', 'btv.hung', 'tgv.lan']) expect(sink.to(emailOf(fixture, u))).toEqual([]);
  });

  it('runs twice for the same day without sending anything more; a new day sends again', async () => {
    const today = hanoiDay(Date.now());
    await runDigest('digest-by-hand-2', { day: today });
    await runDigest('digest-by-hand-3', {});
    await holdsFor(async () => sink.mails.length === drafters.length, { forMs: 800, what: 'no second digest on the same day' });
    const { rows } = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'digest'`);
    expect(rows[0].n).toBe(drafters.length);

    await runDigest('digest-by-hand-4', { day: hanoiDay(Date.now() + DAY) });
    await sink.waitForMails(() => true, 2 * drafters.length, { what: 'the next day’s digests' });
    await holdsFor(async () => sink.mails.length === 2 * drafters.length, { forMs: 500, what: 'one digest each for the next day' });
  });

  it('the inbox lists a person’s own notices, newest first, in +07:00', async () => {
    const huy = await session(ctx, 'kbnn-kt.soanthao');
    const inbox = expectStatus(await huy.get('/api/me/notifications'), 200).body as NoticeDto[];
    expect(inbox).toHaveLength(2);
    for (const n of inbox) {
      expect(n).toMatchObject({ kind: 'digest', readAt: null });
      expect(n.createdAt).toMatch(API_TIME);
      expect(sink.to('huy@example.vn').map((m) => m.subject)).toContain(n.title);
    }
    expect(Date.parse(inbox[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(inbox[1].createdAt));
    expect(expectStatus(await huy.get('/api/me/notifications/unread-count'), 200).body).toEqual({ unread: 2 });
    // Paged, newest first; a bad page is a 400.
    const ids = (path: string) => huy.get(path).then((r) => (expectStatus(r, 200).body as NoticeDto[]).map((n) => n.id));
    expect([...(await ids('/api/me/notifications?limit=1')), ...(await ids('/api/me/notifications?limit=1&offset=1'))]).toEqual(inbox.map((n) => n.id));
    expect(await ids('/api/me/notifications?offset=2')).toEqual([]);
    for (const bad of ['limit=0', 'limit=501', 'offset=-1', 'limit=zwei']) expectStatus(await huy.get(`/api/me/notifications?${bad}`), 400, bad);
  });

  it('marks one read: the unread filter and count follow; marking it again changes nothing', async () => {
    const huy = await session(ctx, 'kbnn-kt.soanthao');
    const [first, second] = expectStatus(await huy.get('/api/me/notifications?unread=true'), 200).body as NoticeDto[];
    const read = expectStatus(await huy.post(`/api/me/notifications/${first.id}/read`), [200, 201, 204]);
    if (read.status === 200) expect(read.body).toMatchObject({ id: first.id, readAt: expect.stringMatching(API_TIME) });
    const unread = expectStatus(await huy.get('/api/me/notifications?unread=true'), 200).body as NoticeDto[];
    expect(unread.map((n) => n.id)).toEqual([second.id]);
    expect(expectStatus(await huy.get('/api/me/notifications/unread-count'), 200).body).toEqual({ unread: 1 });
    const all = expectStatus(await huy.get('/api/me/notifications'), 200).body as NoticeDto[];
    const readAt = all.find((n) => n.id === first.id)!.readAt;
    expect(readAt).toMatch(API_TIME);
    expect(all.find((n) => n.id === second.id)!.readAt).toBeNull();
    expectStatus(await huy.post(`/api/me/notifications/${first.id}/read`), [200, 201, 204]);
    const again = expectStatus(await huy.get('/api/me/notifications'), 200).body as NoticeDto[];
    expect(again.find((n) => n.id === first.id)!.readAt).toBe(readAt);
  });

  it('someone else’s notice is not found (404), and stays unread for its owner', async () => {
    const huy = await session(ctx, 'kbnn-kt.soanthao');
    const ha = await session(ctx, 'kbnn.soanthao');
    const [hers] = expectStatus(await ha.get('/api/me/notifications?unread=true'), 200).body as NoticeDto[];
    await expectStatuses([
      { what: 'reading another person’s notice', send: () => huy.post(`/api/me/notifications/${hers.id}/read`), status: 404 },
      { what: 'reading an unknown notice', send: () => huy.post('/api/me/notifications/00000000-0000-4000-8000-000000000000/read'), status: 404 },
      { what: 'reading a malformed id', send: () => huy.post('/api/me/notifications/not-a-uuid/read'), status: [400, 404] },
      { what: 'an unknown filter value', send: () => huy.get('/api/me/notifications?unread=perhaps'), status: 400 },
    ]);
    expect((expectStatus(await ha.get('/api/me/notifications'), 200).body as NoticeDto[]).find((n) => n.id === hers.id)!.readAt).toBeNull();
  });

  it('marks all read: nothing unread left, other people’s notices untouched', async () => {
    const huy = await session(ctx, 'kbnn-kt.soanthao');
    const ha = await session(ctx, 'kbnn.soanthao');
    expectStatus(await huy.post('/api/me/notifications/read-all'), [200, 201, 204]);
    expect(expectStatus(await huy.get('/api/me/notifications?unread=true'), 200).body).toEqual([]);
    expect(expectStatus(await huy.get('/api/me/notifications/unread-count'), 200).body).toEqual({ unread: 0 });
    expect((expectStatus(await huy.get('/api/me/notifications'), 200).body as NoticeDto[]).every((n) => API_TIME.test(n.readAt ?? ''))).toBe(true);
    expect(expectStatus(await ha.get('/api/me/notifications/unread-count'), 200).body).toEqual({ unread: 2 });
  });

  it('needs a valid token: 401 on every inbox endpoint without one', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const bad = 'Bearer not-a-token';
    await expectStatuses([
      { what: 'list without a token', send: () => ctx.http.get('/api/me/notifications'), status: 401 },
      { what: 'unread list without a token', send: () => ctx.http.get('/api/me/notifications?unread=true'), status: 401 },
      { what: 'unread count without a token', send: () => ctx.http.get('/api/me/notifications/unread-count'), status: 401 },
      { what: 'read without a token', send: () => ctx.http.post(`/api/me/notifications/${id}/read`), status: 401 },
      { what: 'read-all without a token', send: () => ctx.http.post('/api/me/notifications/read-all'), status: 401 },
      { what: 'list with a bad token', send: () => ctx.http.get('/api/me/notifications').set('Authorization', bad), status: 401 },
      { what: 'read-all with a bad token', send: () => ctx.http.post('/api/me/notifications/read-all').set('Authorization', bad), status: 401 },
    ]);
  });

  it('a digest missed at 07:30 (no worker then, or Redis lost the scheduler) is sent once by the reconciler after 07:30, and only once', async () => {
    // The worker's clock is moved to a day without any digest yet, its tasks all opened before its 07:30.
    const day = hanoiDay(Date.now() + 2 * DAY);
    const at = (hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);
    const title = `Công việc cần xử lý ngày ${day.split('-').reverse().join('/')}`;
    const ofDay = () => sink.mails.filter((m) => m.subject.startsWith(title));
    const reconciler = ctx.worker.get(Reconciler);
    const clock = jest.spyOn(ctx.worker.get(Clock), 'now');
    try {
      clock.mockReturnValue(at('07:20'));
      await reconciler.reconcile(0);
      await holdsFor(async () => ofDay().length === 0, { forMs: 500, what: 'no digest before 07:30' });

      clock.mockReturnValue(at('09:05'));
      await reconciler.reconcile(0);
      await sink.waitForMails((m) => m.subject.startsWith(title), drafters.length, { what: `the caught-up digests of ${day}` });
      expect(
        ofDay()
          .flatMap((m) => m.rcpt)
          .sort(),
      ).toEqual(drafters.map((d) => d.email).sort());
      for (const mail of ofDay()) expect(mail.text).toContain(plans.get('A')!.code);

      clock.mockReturnValue(at('09:06'));
      await reconciler.reconcile(0);
      await holdsFor(async () => ofDay().length === drafters.length, { forMs: 800, what: 'no second digest after another reconciler pass' });
    } finally {
      clock.mockRestore();
    }
    const { rows } = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'digest' AND dedup_key LIKE $1`, [
      `digest:%:${day}`,
    ]);
    expect(rows[0].n).toBe(drafters.length);
  });
});
