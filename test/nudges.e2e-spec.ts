import { expectStatus, session } from './support/api';
import { createPlan, importFixture, launchPlan, reportsByUnit } from './support/factories';
import { loadFixture } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';

interface NudgeAnswer {
  sent: { unitCode: string; unitName: string; recipients: number }[];
  skipped: { unitCode: string; reason: string; message: string }[];
}

/**
 * Đôn đốc: from the dashboard, the committee above an overdue unit reminds the
 * people who must act on its report with one action: a notice and its e-mail through the outbox,
 * audited, once per unit per Hà Nội day. The fixture's deadlines are in 2019, so every report of a
 * plan made from it is overdue; a plan whose deadlines are years ahead has none overdue.
 */
describe('POST /api/plans/:id/nudges', () => {
  let ctx: E2eContext;
  let planId: string;
  let laterPlanId: string;
  let tgReport: string;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    planId = (await createPlan(ctx)).id;
    const later = JSON.parse(JSON.stringify(loadFixture().plan.deadlines).replace(/2019-/g, '2039-'));
    laterPlanId = (await createPlan(ctx, { deadlines: later })).id;
    await launchPlan(ctx, planId);
    await launchPlan(ctx, laterPlanId);
    tgReport = (await reportsByUnit(ctx, planId)).get('HLHPN-TG')!.id;
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  const nudge = async (username: string, units: unknown, plan = planId) => (await session(ctx, username)).post(`/api/plans/${plan}/nudges`).send({ units });
  const count = async (sql: string, params: unknown[] = []) =>
    (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) x`, params)).rows[0].n;
  const written = async () => ({
    nudges: await count(`SELECT 1 FROM plan_nudges`),
    notices: await count(`SELECT 1 FROM notifications WHERE kind = 'nudge'`),
    audit: await count(`SELECT 1 FROM audit_events WHERE action = 'plan.nudge'`),
  });

  it('sends the holders of the report’s open tasks a notice and its e-mail, audited', async () => {
    const res = expectStatus(await nudge('admin', ['HLHPN-TG']), 200);
    expect(res.body as NudgeAnswer).toEqual({ sent: [{ unitCode: 'HLHPN-TG', unitName: expect.any(String), recipients: 1 }], skipped: [] });
    const { rows: notices } = await ctx.db.query<{ id: string; username: string; title: string; body: string; link: string; report_id: string }>(
      `SELECT n.id, u.username, n.title, n.body, n.link, n.report_id FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'nudge'`,
    );
    expect(notices).toEqual([expect.objectContaining({ username: 'hlhpn-tg.bithu', link: `/reports/${tgReport}/draft`, report_id: tgReport })]);
    expect(notices[0].title).toMatch(/^Đôn đốc: .+ – /);
    expect(notices[0].body).toContain('đã quá hạn');
    expect(await count(`SELECT 1 FROM outbox WHERE job_name = 'email.send' AND payload->>'notificationId' = $1`, [notices[0].id])).toBe(1);
    const { rows: audit } = await ctx.db.query(`SELECT actor, plan_id, report_id, data FROM audit_events WHERE action = 'plan.nudge'`);
    expect(audit).toEqual([
      { actor: 'admin', plan_id: planId, report_id: tgReport, data: expect.objectContaining({ unitCode: 'HLHPN-TG', recipients: 1, stage: 'drafting' }) },
    ]);
  });

  it('refuses a second nudge of the unit the same day with 409 and the reason in Vietnamese, sending nothing', async () => {
    const before = await written();
    const res = expectStatus(await nudge('hlhpn.bithu', ['HLHPN-TG']), 409);
    expect(res.body).toMatchObject({ statusCode: 409, sent: [], skipped: [{ unitCode: 'HLHPN-TG', reason: 'already_today' }] });
    expect(res.body.message).toContain('một lần mỗi ngày');
    expect(await written()).toEqual(before);
  });

  it('nudges what it can and reports the rest as skipped', async () => {
    const res = expectStatus(await nudge('kbnn.bithu', ['KBNN-KT', 'KBNN-TT']), 200);
    expect((res.body as NudgeAnswer).sent.map((s) => s.unitCode)).toEqual(['KBNN-KT', 'KBNN-TT']);
    const again = expectStatus(await nudge('admin', ['KBNN-KT', 'HLHPN-TC']), 200);
    expect(again.body).toMatchObject({ sent: [{ unitCode: 'HLHPN-TC' }], skipped: [{ unitCode: 'KBNN-KT', reason: 'already_today' }] });
  });

  it('lets one of two simultaneous nudges of a unit through', async () => {
    const answers = await Promise.all([nudge('admin', ['BVNN-NOI']), nudge('bvnn.bithu', ['BVNN-NOI'])]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await count(`SELECT 1 FROM plan_nudges n JOIN org_units u ON u.id = n.unit_id WHERE u.code = 'BVNN-NOI'`)).toBe(1);
  });

  it('refuses units not overdue with 409: nothing to push', async () => {
    const res = expectStatus(await nudge('admin', ['KBNN-VP'], laterPlanId), 409);
    expect(res.body.skipped).toEqual([
      expect.objectContaining({ unitCode: 'KBNN-VP', reason: 'not_overdue', message: expect.stringContaining('chưa quá hạn') }),
    ]);
  });

  it('refuses the unit’s own people, other branches and other trees with 403, changing nothing', async () => {
    const before = await written();
    for (const username of ['kbnn-vp.bithu', 'bvnn.bithu', 'hlhpn-tg.bithu']) {
      const res = expectStatus(await nudge(username, ['KBNN-VP']), 403, username);
      expect(res.body.message).toMatch(/KBNN-VP|không/i);
    }
    expect(await written()).toEqual(before);
  });

  it('is in the OpenAPI document with every answer it gives', async () => {
    const doc = expectStatus(await (await session(ctx, 'admin')).get('/docs-json'), 200).body;
    const operation = doc.paths['/api/plans/{id}/nudges'].post;
    expect(Object.keys(operation.responses).sort()).toEqual(expect.arrayContaining(['200', '400', '403', '404', '409']));
    expect(Object.keys(doc.components.schemas.NudgeAnswerView.properties)).toEqual(['sent', 'skipped']);
    expect(Object.keys(doc.components.schemas.NudgeDto.properties)).toEqual(['units']);
    expect(doc.components.schemas.NotificationView.properties.kind.enum).toContain('nudge');
  });

  it('refuses malformed bodies and unknown units with 400 in Vietnamese, changing nothing', async () => {
    const before = await written();
    for (const units of [undefined, 'KBNN-VP', [], [42], [''], Array.from({ length: 501 }, (_, i) => `U${i}`)]) {
      const res = expectStatus(await nudge('admin', units), 400, JSON.stringify(units)?.slice(0, 40));
      expect(JSON.stringify(res.body.message)).toMatch(/units|đơn vị/);
    }
    const unknown = expectStatus(await nudge('admin', ['KBNN-VP', 'KHONG-CO']), 400);
    expect(unknown.body).toMatchObject({ unknownUnits: ['KHONG-CO'] });
    expect(unknown.body.message).toContain('không có báo cáo của đơn vị: KHONG-CO');
    expect(await written()).toEqual(before);
  });
});
