import { expectStatus, session } from './support/api';
import {
  completeTask,
  createPlan,
  events,
  fillReport,
  importFixture,
  importOrg,
  launchPlan,
  openTask,
  reportsByUnit,
  submitReport,
  tasksOf,
  waitForStage,
} from './support/factories';
import { Fixture } from './support/fixture';
import { E2eContext, FIXTURE_PASSWORD, startE2e, stopE2e } from './support/harness';
import { emailOf } from './support/notices';
import { ReceivedMail, SmtpSink } from './kit/smtp-sink';
import { PlanDto, ReportDto } from './support/types';
import { holdsFor, waitFor } from './kit/poll';

interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  planId: string | null;
  reportId: string | null;
  taskId: string | null;
  link: string | null;
}

const PUBLIC_URL = 'https://tongket.example.vn/ung-dung';
const DAY = 86_400_000;
const REASON = 'Mục công tác kiểm tra, giám sát chưa nêu số đảng viên bị kỷ luật; đề nghị bổ sung.';

/**
 * Every event that asks something of a person reaches them once, in the inbox and by e-mail, in
 * Vietnamese, with the page that acts on it: a new task (launch, approval stages named for the
 * report's level, a new holder of a role), a return quoting its reason, an adoption (thông qua), a
 * delegation. Deadlines are two months ahead, so no reminder mixes in.
 */
describe('notices of work: new tasks, returns, adoptions and delegations, once each, with their page', () => {
  const sink = new SmtpSink();
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;

  const inbox = async (username: string, kind?: string): Promise<Notice[]> => {
    const all = expectStatus(await (await session(ctx, username)).get('/api/me/notifications'), 200).body as Notice[];
    return all.filter((n) => (kind === undefined || n.kind === kind) && n.planId === plan.id);
  };
  /** The user's notices of a kind about one report, once they have arrived. */
  const arrived = (username: string, kind: string, reportId: string | null, count = 1) =>
    waitFor(
      async () => {
        const found = (await inbox(username, kind)).filter((n) => reportId === null || n.reportId === reportId);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs: 10_000, what: `${count} ${kind} notice(s) of ${username}` },
    );
  /** Exactly one e-mail of the notice to its person, with the page's address under the text. */
  const oneMail = async (username: string, notice: Notice): Promise<ReceivedMail> => {
    const email = emailOf(fixture, username);
    const mine = (m: ReceivedMail) => m.rcpt.includes(email) && m.subject === notice.title;
    await sink.waitForMails(mine, 1, { what: `the e-mail "${notice.title}" to ${username}` });
    await holdsFor(async () => sink.mails.filter(mine).length === 1, { forMs: 300, what: `one e-mail "${notice.title}" to ${username}` });
    const [mail] = sink.mails.filter(mine);
    expect(mail.text).toContain(notice.body.split('\n')[0]);
    expect(mail.text).toContain(`Xem và xử lý tại: ${PUBLIC_URL}${notice.link}`);
    return mail;
  };
  const noticeKindsOfTask = async (taskId: string): Promise<string[]> =>
    (await ctx.db.query<{ kind: string }>(`SELECT kind FROM notifications WHERE task_id = $1 ORDER BY kind`, [taskId])).rows.map((r) => r.kind);

  beforeAll(async () => {
    await sink.start();
    ctx = await startE2e({ smtpPort: sink.port, env: { PUBLIC_URL } });
    fixture = await importFixture(ctx);
    const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
    plan = await createPlan(ctx, {
      deadlines: {
        cell: { drafting: at(60), cell_approval: at(61), committee_review: at(62) },
        grassroots: { drafting: at(63), cell_approval: at(64), committee_review: at(65) },
        upper: { drafting: at(66), cell_approval: at(67), committee_review: at(68) },
        bloc: { consolidation: at(90) },
      },
    });
    await launchPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
    await sink.stop();
  });

  it('tells each drafter of their new drafting task once, in Vietnamese, linking to the drafting page', async () => {
    const kt = reports.get('KBNN-KT')!;
    const [notice, ...more] = await arrived('kbnn-kt.soanthao', 'task', kt.id);
    expect(more).toEqual([]);
    const [task] = (await tasksOf(await session(ctx, 'kbnn-kt.soanthao'))).filter((t) => t.reportId === kt.id);
    expect(notice).toMatchObject({
      title: 'Công việc mới: Dự thảo báo cáo – Chi bộ Vụ Kế toán Nhà nước',
      reportId: kt.id,
      taskId: task.id,
      link: `/reports/${kt.id}/draft`,
    });
    expect(notice.body).toContain(`Kế hoạch ${plan.code}: đồng chí được giao dự thảo báo cáo tổng kết của Chi bộ Vụ Kế toán Nhà nước, hạn hoàn thành`);
    await oneMail('kbnn-kt.soanthao', notice);

    // Every drafting task of the launch has its one notice, to its holder.
    const { rows } = await ctx.db.query<{ n: number; holder: boolean }>(
      `SELECT count(n.id)::int AS n, bool_and(n.user_id = t.assignee_id) AS holder FROM tasks t LEFT JOIN notifications n ON n.task_id = t.id
        WHERE t.plan_id = $1 GROUP BY t.id`,
      [plan.id],
    );
    expect(rows.length).toBe(reports.size);
    expect(rows.every((r) => r.n === 1 && r.holder)).toBe(true);
  });

  it('asks the approvers at the stage their level names: Chi bộ thông qua for a cell, Đảng ủy thông qua for a grassroots đảng bộ', async () => {
    const kt = reports.get('KBNN-KT')!;
    const bvnn = reports.get('BVNN')!;
    for (const [unit, drafter] of [
      [kt, 'kbnn-kt.soanthao'],
      [bvnn, 'bvnn.bithu'],
    ] as const) {
      const who = await session(ctx, drafter);
      await fillReport(ctx, unit.id, who);
      await submitReport(unit.id, who);
      await waitForStage(ctx, unit.id, 'cell_approval');
    }
    for (const approver of ['kbnn-kt.bithu', 'kbnn-kt.capuy']) {
      const [notice] = await arrived(approver, 'task', kt.id);
      expect(notice).toMatchObject({ title: 'Công việc mới: Chi bộ thông qua – Chi bộ Vụ Kế toán Nhà nước', link: `/reports/${kt.id}` });
      expect(notice.body).toContain('đang chờ đồng chí cho ý kiến ở bước "Chi bộ thông qua"');
      await oneMail(approver, notice);
    }
    const [bvnnNotice] = (await arrived('bvnn.bithu', 'task', bvnn.id, 2)).filter((n) => n.link === `/reports/${bvnn.id}`);
    expect(bvnnNotice.title).toBe('Công việc mới: Đảng ủy thông qua – Đảng bộ Bệnh viện Đa khoa Nông nghiệp');
  });

  it('a return tells the drafter why, quoting the reason, once, with one e-mail; the reopened drafting task carries that notice', async () => {
    const kt = reports.get('KBNN-KT')!;
    const bithu = await session(ctx, 'kbnn-kt.bithu');
    const task = await openTask(bithu, kt.id, 'cell_approval');
    expectStatus(await completeTask(bithu, task.id, 'return', REASON), 202, 'return');
    await waitForStage(ctx, kt.id, 'drafting');

    const [notice, ...more] = await arrived('kbnn-kt.soanthao', 'return', kt.id);
    expect(more).toEqual([]);
    const redraft = await openTask(await session(ctx, 'kbnn-kt.soanthao'), kt.id, 'drafting');
    expect(notice).toMatchObject({ title: 'Báo cáo bị trả lại: Chi bộ Vụ Kế toán Nhà nước', taskId: redraft.id, link: `/reports/${kt.id}/draft` });
    expect(notice.body).toBe(
      `Kế hoạch ${plan.code}: báo cáo của Chi bộ Vụ Kế toán Nhà nước đã bị trả lại ở bước "Chi bộ thông qua" (đồng chí Hoàng Văn Bình).\n` +
        `Lý do: ${REASON}\n` +
        `Đề nghị đồng chí chỉnh sửa, hoàn thiện và nộp lại báo cáo, ${notice.body.split('nộp lại báo cáo, ')[1]}`,
    );
    expect(notice.body).toMatch(/hạn hoàn thành \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(giờ Hà Nội\)\.$/);
    const mail = await oneMail('kbnn-kt.soanthao', notice);
    expect(mail.text).toContain(`Lý do: ${REASON}`);
    // The return is the notice of the drafting task it reopened: no second "new task" beside it.
    expect(await noticeKindsOfTask(redraft.id)).toEqual(['return']);
    // The approvers hear nothing of it: the one who returned it knows, the other's task was withdrawn.
    for (const approver of ['kbnn-kt.bithu', 'kbnn-kt.capuy']) expect(await inbox(approver, 'return')).toEqual([]);
  });

  it('an adoption tells the unit’s drafters and approvers that the report was adopted (thông qua), once each', async () => {
    const kt = reports.get('KBNN-KT')!;
    await submitReport(kt.id, await session(ctx, 'kbnn-kt.soanthao'));
    await waitForStage(ctx, kt.id, 'cell_approval');
    for (const approver of ['kbnn-kt.bithu', 'kbnn-kt.capuy']) {
      const who = await session(ctx, approver);
      expectStatus(await completeTask(who, (await openTask(who, kt.id, 'cell_approval')).id, 'approve'), 202, `${approver} approves`);
    }
    await waitForStage(ctx, kt.id, 'committee_review');
    for (const person of ['kbnn-kt.soanthao', 'kbnn-kt.bithu', 'kbnn-kt.capuy']) {
      const [notice, ...more] = await arrived(person, 'adoption', kt.id);
      expect(more).toEqual([]);
      expect(notice).toMatchObject({ title: 'Báo cáo đã được thông qua: Chi bộ Vụ Kế toán Nhà nước', link: `/reports/${kt.id}` });
      expect(notice.body).toMatch(
        /^Kế hoạch .+: báo cáo tổng kết của Chi bộ Vụ Kế toán Nhà nước đã được Chi bộ thông qua ngày \d{2}\/\d{2}\/\d{4}\. Báo cáo được chuyển sang bước "Cấp ủy cấp trên thẩm định"\.$/,
      );
      await oneMail(person, notice);
    }
    // The committee above now reviews it: its reviewers' tasks are new to them.
    for (const reviewer of ['kbnn.bithu', 'kbnn.capuy']) {
      const [notice] = (await arrived(reviewer, 'task', kt.id)).filter((n) => n.title.startsWith('Công việc mới: Cấp ủy cấp trên thẩm định'));
      expect(notice.title).toBe('Công việc mới: Cấp ủy cấp trên thẩm định – Chi bộ Vụ Kế toán Nhà nước');
    }
  });

  it('a new holder of a running stage’s role is told of the task it gives them; a delegation tells its new holder who handed it over, once', async () => {
    const tg = reports.get('HLHPN-TG')!;
    const owner = await session(ctx, 'hlhpn-tg.bithu');
    await fillReport(ctx, tg.id, owner);
    await submitReport(tg.id, owner);
    await waitForStage(ctx, tg.id, 'cell_approval');
    const task = await openTask(owner, tg.id, 'cell_approval');
    await importOrg(ctx, {
      units: [],
      users: [
        {
          username: 'hlhpn-tg.phobithu',
          fullName: 'Đỗ Thị Hạnh',
          email: 'hanh@example.vn',
          password: FIXTURE_PASSWORD,
          roles: [{ unit: 'HLHPN-TG', role: 'approver' }],
        },
      ],
    } as Parameters<typeof importOrg>[1]);
    fixture.users.push({
      username: 'hlhpn-tg.phobithu',
      fullName: 'Đỗ Thị Hạnh',
      email: 'hanh@example.vn',
      password: FIXTURE_PASSWORD,
      roles: [{ unit: 'HLHPN-TG', role: 'approver' }],
    });
    const [joined] = await arrived('hlhpn-tg.phobithu', 'task', tg.id);
    expect(joined.title).toBe('Công việc mới: Chi bộ thông qua – Chi bộ Ban Tuyên giáo');

    // Their own task withdrawn, the deputy may take the secretary's (one voice each in a round).
    await ctx.db.query(`UPDATE tasks SET state = 'cancelled', cancelled_at = now() WHERE id = $1`, [joined.taskId]);
    expectStatus(await owner.post(`/api/tasks/${task.id}/delegate`).send({ username: 'hlhpn-tg.phobithu' }), 200, 'delegate');
    const [notice, ...more] = await arrived('hlhpn-tg.phobithu', 'delegation', tg.id);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({
      title: 'Công việc được chuyển cho đồng chí: Chi bộ thông qua – Chi bộ Ban Tuyên giáo',
      taskId: task.id,
      link: `/reports/${tg.id}`,
    });
    expect(notice.body).toContain('đồng chí Kiều Thị Thảo đã chuyển cho đồng chí công việc "Chi bộ thông qua" đối với báo cáo của Chi bộ Ban Tuyên giáo');
    await oneMail('hlhpn-tg.phobithu', notice);
    expect(await inbox('hlhpn-tg.bithu', 'delegation')).toEqual([]);
  });

  it('names people in the audit trails by their full names beside their usernames', async () => {
    const kt = reports.get('KBNN-KT')!;
    const trail = await events(ctx, kt.id);
    const returned = trail.find((e) => e.action === 'return')!;
    expect(returned).toMatchObject({ actor: 'kbnn-kt.bithu', actorName: 'Hoàng Văn Bình' });
    expect(trail.filter((e) => e.actor === 'system').every((e) => (e as { actorName?: unknown }).actorName === null)).toBe(true);
    const planTrail = expectStatus(await (await session(ctx, 'admin')).get(`/api/plans/${plan.id}/events`), 200).body as {
      action: string;
      actor: string;
      actorName: string | null;
    }[];
    expect(planTrail.find((e) => e.action === 'plan.create')).toMatchObject({ actor: 'admin', actorName: 'Quản trị hệ thống' });
  });

  it('sends every notice of the run exactly once: one row per key, one e-mail per notice', async () => {
    const {
      rows: [{ n }],
    } = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications`);
    await sink.waitForMails(() => true, n, { what: 'an e-mail per notice' });
    await holdsFor(async () => sink.mails.length === n, { forMs: 500, what: 'no e-mail beyond one per notice' });
    const { rows } = await ctx.db.query(`SELECT dedup_key FROM notifications GROUP BY dedup_key HAVING count(*) > 1`);
    expect(rows).toEqual([]);
  });
});
