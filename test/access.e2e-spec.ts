import { createHmac, randomUUID } from 'node:crypto';
import { session, Session } from './support/api';
import { createPlan, fillReport, importFixture, launchPlan, openTask, reportsByUnit, submitReport, waitForStage } from './support/factories';
import { loadFixture } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { Case, expectStatuses } from './support/expect-statuses';
import { ReportDto, TaskDto } from './support/types';

/** A well-formed HS256 token for a real user id, signed with a key the engine does not know. */
function forgedToken(sub: string, username: string): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub, username, iat: now, exp: now + 3600 })}`;
  return `${head}.${createHmac('sha256', 'not-the-engine-secret-at-all-0123456789').update(head).digest('base64url')}`;
}

describe('access: authentication, unit-scoped roles, unknown and malformed ids', () => {
  let ctx: E2eContext;
  let reports: Map<string, ReportDto>;
  let planId: string;
  let draftPlanId: string;
  let ktTask: TaskDto;
  let admin: Session;
  const as = (username: string) => session(ctx, username);
  const validSection = { strengths: 'Ưu điểm: chấp hành nghiêm Điều lệ Đảng.', limitations: 'Hạn chế: sinh hoạt còn hình thức.' };

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    admin = await as('admin');
    planId = (await createPlan(ctx)).id;
    await launchPlan(ctx, planId);
    draftPlanId = (await createPlan(ctx)).id;
    reports = await reportsByUnit(ctx, planId);
    const kt = reports.get('KBNN-KT')!.id;
    const drafter = await as('kbnn-kt.soanthao');
    await fillReport(ctx, kt, drafter);
    await submitReport(kt, drafter);
    await waitForStage(ctx, kt, 'cell_approval');
    ktTask = await openTask(await as('kbnn-kt.bithu'), kt, 'cell_approval');
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('401 without a valid token; login refuses bad credentials; /health needs none', async () => {
    const me = await admin.get('/api/me');
    expect(me.status).toBe(200);
    const adminId = me.body.id as string;
    await expectStatuses([
      { what: 'GET /api/me without a token', send: () => ctx.http.get('/api/me'), status: 401 },
      { what: 'GET /api/me with a garbage token', send: () => ctx.http.get('/api/me').set('Authorization', 'Bearer not-a-token'), status: 401 },
      {
        what: 'GET /api/me with a forged signature',
        send: () => ctx.http.get('/api/me').set('Authorization', `Bearer ${forgedToken(adminId, 'admin')}`),
        status: 401,
      },
      { what: 'GET /api/me with Basic auth', send: () => ctx.http.get('/api/me').set('Authorization', 'Basic YWRtaW46dG9uZ2tldC0yMDE5'), status: 401 },
      { what: 'GET /api/tasks without a token', send: () => ctx.http.get('/api/tasks'), status: 401 },
      { what: 'GET /api/reports without a token', send: () => ctx.http.get(`/api/reports?planId=${planId}`), status: 401 },
      { what: 'POST complete without a token', send: () => ctx.http.post(`/api/tasks/${ktTask.id}/complete`).send({ decision: 'approve' }), status: 401 },
      { what: 'POST /api/plans without a token', send: () => ctx.http.post('/api/plans').send(loadFixture().plan), status: 401 },
      { what: 'login with a wrong password', send: () => ctx.http.post('/api/auth/login').send({ username: 'admin', password: 'sai-mat-khau' }), status: 401 },
      {
        what: 'login of an unknown user',
        send: () => ctx.http.post('/api/auth/login').send({ username: 'khong-ton-tai', password: 'tongket-2019' }),
        status: 401,
      },
    ]);
    expect((await ctx.http.get('/health')).status).toBe(200);
  });

  it('GET /api/me lists the caller’s roles per unit', async () => {
    const me = await (await as('kbnn.bithu')).get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'kbnn.bithu', fullName: 'Nguyễn Văn An' });
    expect(me.body.roles.map((r: { unitCode: string; role: string }) => `${r.unitCode}:${r.role}`).sort()).toEqual(['KBNN:approver', 'KBNN:reviewer']);
  });

  it('403 for a drafter of another unit (or of the parent unit) editing or submitting a report', async () => {
    const tc = reports.get('HLHPN-TC')!.id;
    const other = await as('kbnn-kt.soanthao');
    const parentDrafter = await as('hlhpn.bithu');
    const approverOnly = await as('kbnn-kt.bithu');
    const kt = reports.get('KBNN-KT')!.id;
    await expectStatuses([
      { what: 'kbnn-kt.soanthao PUT HLHPN-TC section', send: () => other.put(`/api/reports/${tc}/sections/political`).send(validSection), status: 403 },
      { what: 'kbnn-kt.soanthao PUT HLHPN-TC indicators', send: () => other.put(`/api/reports/${tc}/indicators`).send({ resolutions_issued: 1 }), status: 403 },
      { what: 'kbnn-kt.soanthao submits HLHPN-TC', send: () => other.post(`/api/reports/${tc}/submit`), status: 403 },
      {
        what: 'hlhpn.bithu (drafter of the parent) PUT HLHPN-TC section',
        send: () => parentDrafter.put(`/api/reports/${tc}/sections/political`).send(validSection),
        status: 403,
      },
      { what: 'hlhpn.bithu submits HLHPN-TC', send: () => parentDrafter.post(`/api/reports/${tc}/submit`), status: 403 },
      { what: 'admin (no drafter role) PUT HLHPN-TC section', send: () => admin.put(`/api/reports/${tc}/sections/political`).send(validSection), status: 403 },
      {
        what: 'kbnn-kt.bithu (approver, not drafter) PUT KBNN-VP section',
        send: () => approverOnly.put(`/api/reports/${reports.get('KBNN-VP')!.id}/sections/political`).send(validSection),
        status: 403,
      },
      { what: 'hlhpn-tc.bithu reads KBNN-KT’s report', send: async () => (await as('hlhpn-tc.bithu')).get(`/api/reports/${kt}`), status: 403 },
      { what: 'hlhpn-tc.bithu reads KBNN-KT’s events', send: async () => (await as('hlhpn-tc.bithu')).get(`/api/reports/${kt}/events`), status: 403 },
      { what: 'kbnn-tt.bithu (sibling cell) reads KBNN-KT’s report', send: async () => (await as('kbnn-tt.bithu')).get(`/api/reports/${kt}`), status: 403 },
      // …while the unit itself and every committee above it may read it.
      { what: 'kbnn-kt.bithu reads own unit’s report', send: () => approverOnly.get(`/api/reports/${kt}`), status: 200 },
      { what: 'kbnn.capuy (parent) reads KBNN-KT’s report', send: async () => (await as('kbnn.capuy')).get(`/api/reports/${kt}`), status: 200 },
      { what: 'btv.mai (root) reads KBNN-KT’s events', send: async () => (await as('btv.mai')).get(`/api/reports/${kt}/events`), status: 200 },
    ]);
    // The refused writes changed nothing.
    const after = await admin.get(`/api/reports/${tc}`);
    expect(after.body.sections.find((s: { key: string }) => s.key === 'political').strengths ?? '').toBe('');
  });

  it('403 on someone else’s task: reading, completing and delegating it', async () => {
    const cases: Case[] = [];
    for (const username of ['hlhpn.bithu', 'btv.hung', 'kbnn.bithu', 'kbnn-kt.capuy', 'kbnn-kt.soanthao']) {
      const user = await as(username);
      cases.push(
        { what: `${username} GET kbnn-kt.bithu's task`, send: () => user.get(`/api/tasks/${ktTask.id}`), status: 403 },
        {
          what: `${username} completes kbnn-kt.bithu's task`,
          send: () => user.post(`/api/tasks/${ktTask.id}/complete`).send({ decision: 'approve' }),
          status: 403,
        },
        {
          what: `${username} delegates kbnn-kt.bithu's task`,
          send: () => user.post(`/api/tasks/${ktTask.id}/delegate`).send({ username: 'kbnn-kt.capuy' }),
          status: 403,
        },
      );
    }
    await expectStatuses(cases);
    const owner = await as('kbnn-kt.bithu');
    const mine = await owner.get(`/api/tasks/${ktTask.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: ktTask.id, state: 'open', stage: 'cell_approval', unitCode: 'KBNN-KT' });
  });

  it('403 for a non-admin on org import, plan creation, deadlines, workflow versions and launch', async () => {
    const fixture = loadFixture();
    const cases: Case[] = [];
    for (const username of ['kbnn.bithu', 'btv.hung', 'tgv.lan']) {
      const user = await as(username);
      cases.push(
        { what: `${username} POST /api/org/import`, send: () => user.post('/api/org/import').send({ units: fixture.units, users: [] }), status: 403 },
        { what: `${username} POST /api/plans`, send: () => user.post('/api/plans').send({ ...fixture.plan, code: `${username}-KH/ĐUK` }), status: 403 },
        {
          what: `${username} PUT deadlines`,
          send: () => user.put(`/api/plans/${draftPlanId}/deadlines`).send({ deadlines: fixture.plan.deadlines }),
          status: 403,
        },
        { what: `${username} launches`, send: () => user.post(`/api/plans/${draftPlanId}/launch`), status: 403 },
      );
    }
    await expectStatuses(cases);
    expect((await admin.get(`/api/plans/${draftPlanId}`)).body.status).toBe('draft');
  });

  it('403 for a non-admin posting a workflow version', async () => {
    const cases: Case[] = [];
    for (const username of ['kbnn.bithu', 'btv.hung', 'tgv.lan']) {
      const user = await as(username);
      cases.push({
        what: `${username} POST /api/workflows/tongket/versions`,
        send: () => user.post('/api/workflows/tongket/versions').send({ stages: [] }),
        status: 403,
      });
    }
    await expectStatuses(cases);
  });

  it('the org import takes the fixture file as it is (its description and plan are ignored), again and again', async () => {
    const res = await admin.post('/api/org/import').send(loadFixture());
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ units: 11, users: 18 });
    const units = await admin.get('/api/org-units');
    expect(units.status).toBe(200);
    expect(units.body).toHaveLength(11);
  });

  it('404 for unknown ids that are valid UUIDs', async () => {
    const id = randomUUID();
    const approver = await as('kbnn-kt.bithu');
    await expectStatuses([
      { what: 'GET report', send: () => admin.get(`/api/reports/${id}`), status: 404 },
      { what: 'GET report events', send: () => admin.get(`/api/reports/${id}/events`), status: 404 },
      { what: 'PUT section of unknown report', send: () => admin.put(`/api/reports/${id}/sections/political`).send(validSection), status: 404 },
      { what: 'submit unknown report', send: () => admin.post(`/api/reports/${id}/submit`), status: 404 },
      { what: 'GET plan', send: () => admin.get(`/api/plans/${id}`), status: 404 },
      { what: 'GET plan progress', send: () => admin.get(`/api/plans/${id}/progress`), status: 404 },
      { what: 'GET plan consolidated', send: () => admin.get(`/api/plans/${id}/consolidated`), status: 404 },
      { what: 'launch unknown plan', send: () => admin.post(`/api/plans/${id}/launch`), status: 404 },
      {
        what: 'PUT deadlines of unknown plan',
        send: () => admin.put(`/api/plans/${id}/deadlines`).send({ deadlines: loadFixture().plan.deadlines }),
        status: 404,
      },
      { what: 'GET org unit', send: () => admin.get(`/api/org-units/${id}`), status: 404 },
      { what: 'GET task', send: () => approver.get(`/api/tasks/${id}`), status: 404 },
      { what: 'complete unknown task', send: () => approver.post(`/api/tasks/${id}/complete`).send({ decision: 'approve' }), status: 404 },
      { what: 'delegate unknown task', send: () => approver.post(`/api/tasks/${id}/delegate`).send({ username: 'kbnn-kt.capuy' }), status: 404 },
      { what: 'GET unknown workflow key', send: () => admin.get('/api/workflows/khong-co'), status: 404 },
    ]);
  });

  it('400 for malformed ids', async () => {
    const approver = await as('kbnn-kt.bithu');
    const cases: Case[] = [];
    for (const bad of ['not-a-uuid', '123', '00000000-0000-0000-0000-00000000000Z']) {
      cases.push(
        { what: `GET report ${bad}`, send: () => admin.get(`/api/reports/${bad}`), status: 400 },
        { what: `GET events ${bad}`, send: () => admin.get(`/api/reports/${bad}/events`), status: 400 },
        { what: `PUT section of report ${bad}`, send: () => admin.put(`/api/reports/${bad}/sections/political`).send(validSection), status: 400 },
        { what: `GET plan ${bad}`, send: () => admin.get(`/api/plans/${bad}`), status: 400 },
        { what: `launch plan ${bad}`, send: () => admin.post(`/api/plans/${bad}/launch`), status: 400 },
        { what: `GET org unit ${bad}`, send: () => admin.get(`/api/org-units/${bad}`), status: 400 },
        { what: `GET task ${bad}`, send: () => approver.get(`/api/tasks/${bad}`), status: 400 },
        { what: `complete task ${bad}`, send: () => approver.post(`/api/tasks/${bad}/complete`).send({ decision: 'approve' }), status: 400 },
      );
    }
    cases.push(
      { what: 'GET /api/reports?planId=not-a-uuid', send: () => admin.get('/api/reports?planId=not-a-uuid'), status: 400 },
      { what: 'GET /api/tasks?state=bogus', send: () => approver.get('/api/tasks?state=bogus'), status: 400 },
    );
    await expectStatuses(cases);
  });

  it('400 for malformed bodies: unknown fields, wrong types, missing fields, broken JSON; never a 500', async () => {
    const tc = reports.get('HLHPN-TC')!.id;
    const drafter = await as('hlhpn-tc.bithu');
    const approver = await as('kbnn-kt.bithu');
    const plan = { ...loadFixture().plan, code: 'BAD-KH/ĐUK' };
    const { title: _omitted, ...planWithoutTitle } = plan;
    const task = `/api/tasks/${ktTask.id}`;
    await expectStatuses([
      { what: 'login without password', send: () => ctx.http.post('/api/auth/login').send({ username: 'admin' }), status: 400 },
      { what: 'login with wrong types', send: () => ctx.http.post('/api/auth/login').send({ username: 1, password: ['x'] }), status: 400 },
      {
        what: 'login with broken JSON',
        send: () => ctx.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "admin",'),
        status: 400,
      },
      { what: 'section: strengths is a number', send: () => drafter.put(`/api/reports/${tc}/sections/political`).send({ strengths: 123 }), status: 400 },
      { what: 'section: unknown field', send: () => drafter.put(`/api/reports/${tc}/sections/political`).send({ ...validSection, ghiChu: 'x' }), status: 400 },
      { what: 'section: body is an array', send: () => drafter.put(`/api/reports/${tc}/sections/political`).send([validSection]), status: 400 },
      {
        what: 'section: broken JSON',
        send: () => drafter.put(`/api/reports/${tc}/sections/political`).set('Content-Type', 'application/json').send('{"strengths": '),
        status: 400,
      },
      { what: 'indicators: negative', send: () => drafter.put(`/api/reports/${tc}/indicators`).send({ resolutions_issued: -1 }), status: 400 },
      { what: 'indicators: not an integer', send: () => drafter.put(`/api/reports/${tc}/indicators`).send({ resolutions_issued: 1.5 }), status: 400 },
      { what: 'indicators: a string', send: () => drafter.put(`/api/reports/${tc}/indicators`).send({ resolutions_issued: 'nhiều' }), status: 400 },
      { what: 'complete: no decision', send: () => approver.post(`${task}/complete`).send({}), status: 400 },
      { what: 'complete: unknown decision', send: () => approver.post(`${task}/complete`).send({ decision: 'maybe' }), status: 400 },
      { what: 'complete: unknown field', send: () => approver.post(`${task}/complete`).send({ decision: 'approve', extra: true }), status: 400 },
      { what: 'complete: comment is a number', send: () => approver.post(`${task}/complete`).send({ decision: 'return', comment: 5 }), status: 400 },
      { what: 'delegate: no username', send: () => approver.post(`${task}/delegate`).send({}), status: 400 },
      { what: 'delegate: username is a number', send: () => approver.post(`${task}/delegate`).send({ username: 42 }), status: 400 },
      { what: 'plan: no title', send: () => admin.post('/api/plans').send(planWithoutTitle), status: 400 },
      { what: 'plan: unknown field', send: () => admin.post('/api/plans').send({ ...plan, priority: 'cao' }), status: 400 },
      { what: 'plan: issuedOn not a date', send: () => admin.post('/api/plans').send({ ...plan, issuedOn: 'ngày 5 tháng 6' }), status: 400 },
      { what: 'plan: rootUnit a number', send: () => admin.post('/api/plans').send({ ...plan, rootUnit: 7 }), status: 400 },
      { what: 'org import: units not an array', send: () => admin.post('/api/org/import').send({ units: 'DUK', users: [] }), status: 400 },
      {
        what: 'org import: unknown kind',
        send: () => admin.post('/api/org/import').send({ units: [{ code: 'X', name: 'X', kind: 'province', parent: 'DUK' }], users: [] }),
        status: 400,
      },
      {
        what: 'org import: unknown role',
        send: () =>
          admin.post('/api/org/import').send({
            units: [],
            users: [{ username: 'x', fullName: 'X', email: 'x@example.vn', password: 'tongket-2019', roles: [{ unit: 'DUK', role: 'king' }] }],
          }),
        status: 400,
      },
      { what: 'org import: unknown top-level field', send: () => admin.post('/api/org/import').send({ units: [], users: [], extra: 1 }), status: 400 },
      {
        what: 'org import: unknown field in a unit',
        send: () => admin.post('/api/org/import').send({ units: [{ code: 'X', name: 'X', kind: 'cell', parent: 'DUK', color: 'đỏ' }], users: [] }),
        status: 400,
      },
      {
        what: 'org import: parent unknown',
        send: () => admin.post('/api/org/import').send({ units: [{ code: 'X', name: 'X', kind: 'cell', parent: 'KHONG-CO' }], users: [] }),
        status: [400, 422],
      },
    ]);
    // The nested bad bodies left the task open and the report untouched.
    expect((await approver.get(task)).body.state).toBe('open');
  });

  it('a 400 says which field is wrong', async () => {
    const { title: _omitted, ...planWithoutTitle } = { ...loadFixture().plan, code: 'BAD2-KH/ĐUK' };
    const res = await admin.post('/api/plans').send(planWithoutTitle);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toMatch(/title/);
    expect(res.body.error).toBe('Bad Request');
  });
});
