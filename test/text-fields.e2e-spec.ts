import { expectStatus, session, Session } from './support/api';
import { createPlan, importFixture, importOrg, launchPlan, reportsByUnit } from './support/factories';
import { loadFixture } from './support/fixture';
import { E2eContext, FIXTURE_PASSWORD, startE2e, stopE2e } from './support/harness';
import { settle, snapshotState } from './support/hostile';
import { TONGKET_V1 } from './support/workflows';

/**
 * Codes are Vietnamese letters, digits and `- . / _` (Greek, Cyrillic or Hebrew look-alikes made
 * codes that read alike and differ), single-line fields carry no control character (a CR/LF in a
 * plan code or a name reached headers), multi-line texts keep their line breaks only. Each refusal is
 * a 400 naming the field, and changes nothing.
 */
describe('codes and single-line fields', () => {
  let ctx: E2eContext;
  let admin: Session;
  const fixture = loadFixture();
  const unit = (code: string, name = 'Chi bộ thử') => ({ code, name, kind: 'cell', parent: 'DUK' });
  const user = (fields: Record<string, unknown>) => ({
    username: 'thu.nghiem',
    fullName: 'Nguyễn Văn Thử',
    email: 'thu@example.vn',
    password: FIXTURE_PASSWORD,
    roles: [],
    ...fields,
  });

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    admin = await session(ctx, 'admin');
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  /** Sends, expects a 400 whose message names `field`, and that nothing changed. */
  const refused = async (send: () => Promise<{ status: number; body: { message?: unknown } }>, field: string) => {
    const before = await snapshotState(ctx);
    const res = await send();
    expect(res.status).toBe(400);
    expect([res.body.message].flat().join('\n')).toMatch(new RegExp(`(^|\\n)${field.replace(/\./g, '\\.')} `));
    expect(await snapshotState(ctx)).toEqual(before);
  };

  it.each([
    ['Greek', 'KBNN-\u039a\u03a4'],
    ['Cyrillic', 'KBNN-\u041a\u0422'],
    ['Hebrew', 'KBNN-\u05d0'],
    ['a space', 'KBNN KT'],
    ['a quote', 'KBNN"KT'],
    ['CR/LF', 'KBNN\r\nKT'],
  ])('a unit code with %s is refused', async (_what, code) => {
    await refused(() => admin.post('/api/org/import').send({ units: [unit(code)], users: [] }), 'units.0.code');
  });

  it('a unit name, a full name or an e-mail with a line break or a bidi control is refused', async () => {
    await refused(() => admin.post('/api/org/import').send({ units: [unit('CB-THU', 'Chi bộ\nthử')], users: [] }), 'units.0.name');
    await refused(() => admin.post('/api/org/import').send({ units: [], users: [user({ fullName: 'Nguyễn Văn\u202e Thử' })] }), 'users.0.fullName');
    await refused(() => admin.post('/api/org/import').send({ units: [], users: [user({ email: 'thu@example.vn\r\nBcc: x@example.org' })] }), 'users.0.email');
  });

  it('a code in Vietnamese is taken as it is', async () => {
    await importOrg(ctx, { units: [unit('CB-Đoàn-Thử', 'Chi bộ Đoàn thử')] as never, users: [] });
    const { rows } = await ctx.db.query<{ code: string }>(`SELECT code FROM org_units WHERE name = 'Chi bộ Đoàn thử'`);
    expect(rows).toEqual([{ code: 'CB-Đoàn-Thử' }]);
  });

  it.each([
    ['CR/LF', '144-KH\r\n/ĐUK'],
    ['a quote', '144-KH/"ĐUK"'],
    ['Cyrillic look-alikes', '144-\u041a\u041d/ĐUK'],
    ['a bidi override', '144-KH/\u202eĐUK'],
  ])('a plan code with %s is refused', async (_what, code) => {
    await refused(() => admin.post('/api/plans').send({ ...fixture.plan, code }), 'code');
  });

  it('a plan title, term or basis document with a control character is refused', async () => {
    await refused(() => admin.post('/api/plans').send({ ...fixture.plan, code: 'THU-1/ĐUK', title: 'Kế hoạch\r\ntổng kết' }), 'title');
    await refused(() => admin.post('/api/plans').send({ ...fixture.plan, code: 'THU-2/ĐUK', term: '2015\u00852020' }), 'term');
    await refused(
      () => admin.post('/api/plans').send({ ...fixture.plan, code: 'THU-3/ĐUK', basis: [{ code: '48-CV/TBĐLĐ', title: 'Về việc\u2028tổng kết' }] }),
      'basis.0.title',
    );
  });

  it('a stage name with a line break is refused', async () => {
    const stages = TONGKET_V1.map((s, i) => (i === 1 ? { ...s, name: 'Chi bộ\nthông qua' } : s));
    await refused(() => admin.post('/api/workflows/tongket/versions').send({ stages }), 'stages.1.name');
  });

  it('a report section keeps its line breaks and tabs, and refuses other control characters', async () => {
    const plan = await createPlan(ctx);
    await launchPlan(ctx, plan.id);
    // The 2019 deadlines fire reminders at launch: let them land before comparing states.
    await settle(ctx);
    const report = (await reportsByUnit(ctx, plan.id)).get('KBNN-KT')!;
    const drafter = await session(ctx, 'kbnn-kt.soanthao');
    const text = 'Ưu điểm:\r\n\t- đoàn kết, thống nhất;\n\t- dân chủ.';
    expectStatus(await drafter.put(`/api/reports/${report.id}/sections/political`).send({ strengths: text }), 200);
    const stored = expectStatus(await drafter.get(`/api/reports/${report.id}`), 200).body as { sections: { key: string; strengths: string }[] };
    expect(stored.sections.find((s) => s.key === 'political')!.strengths).toBe(text);
    await refused(() => drafter.put(`/api/reports/${report.id}/sections/political`).send({ strengths: 'Ưu điểm\u001b[2J' }), 'strengths');
    await refused(() => drafter.put(`/api/reports/${report.id}/sections/political`).send({ limitations: 'Hạn chế\u202e' }), 'limitations');
  });
});
