import { randomUUID } from 'node:crypto';
import { session, Session } from './support/api';
import { createPlan, importFixture, launchPlan } from './support/factories';
import { Case, expectStatuses } from './support/expect-statuses';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { createVersion, insertAfter, ORG_PRECHECK, startMigration, TONGKET_V1, waitForMigration } from './support/workflows';

/**
 * The administration endpoints (workflow versions, migrations, users and their roles,
 * reassignment, the configuration audit): 401 without a token, 403 for anyone but an administrator
 * (even one holding many roles), 404 for unknown ids, 400 for malformed ids, bodies and queries.
 */
describe('access to the administration endpoints of workflow changes', () => {
  let ctx: E2eContext;
  let admin: Session;
  let reviewer: Session;
  let planId: string;
  let migrationId: string;
  const unknown = randomUUID();

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    admin = await session(ctx, 'admin');
    // bvnn.bithu holds approver, reviewer and drafter of BVNN: many roles, none of them admin.
    reviewer = await session(ctx, 'bvnn.bithu');
    planId = (await createPlan(ctx)).id;
    await launchPlan(ctx, planId);
    await createVersion(ctx, insertAfter(TONGKET_V1, 'committee_review', ORG_PRECHECK));
    migrationId = (await startMigration(ctx, planId, { toVersion: 2 })).id;
    await waitForMigration(ctx, migrationId);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  /** Every endpoint, as [method, path, body]; the admin's own answer for each is checked elsewhere. */
  const endpoints = (): [string, 'get' | 'post' | 'put', string, object?][] => [
    ['create a version', 'post', '/api/workflows/tongket/versions', { stages: TONGKET_V1 }],
    ['list versions', 'get', '/api/workflows/tongket/versions'],
    ['dry run', 'post', `/api/plans/${planId}/migrations`, { toVersion: 2, dryRun: true }],
    ['migrate', 'post', `/api/plans/${planId}/migrations`, { toVersion: 2 }],
    ['list a plan’s migrations', 'get', `/api/plans/${planId}/migrations`],
    ['migration progress', 'get', `/api/migrations/${migrationId}`],
    ['list users', 'get', '/api/users?unit=KBNN-KT'],
    ['read a user', 'get', '/api/users/kbnn-kt.capuy'],
    ['replace roles', 'put', '/api/users/kbnn-kt.capuy/roles', { roles: [] }],
    ['reassign', 'post', '/api/users/kbnn-kt.capuy/reassign', { to: 'kbnn-kt.bithu' }],
    ['configuration audit', 'get', '/api/audit/configuration'],
  ];

  it('401 without a token or with a garbage one', async () => {
    await expectStatuses(
      endpoints().flatMap(([what, method, path, body]): Case[] => [
        { what: `${what} without a token`, send: () => ctx.http[method](path).send(body), status: 401 },
        { what: `${what} with a garbage token`, send: () => ctx.http[method](path).set('Authorization', 'Bearer x.y.z').send(body), status: 401 },
      ]),
    );
  });

  it('403 for a non-admin, and nothing changes', async () => {
    // Signed in first: a sign-in is itself audited.
    const capuy = await session(ctx, 'kbnn-kt.capuy');
    const before = await ctx.db.query(`SELECT count(*)::int AS n FROM audit_events`);
    await expectStatuses(
      endpoints().map(([what, method, path, body]) => ({ what: `${what} by bvnn.bithu`, send: () => reviewer[method](path).send(body), status: 403 })),
    );
    // Also the people the endpoints are about: an approver may not change their own roles or reassign their own tasks.
    await expectStatuses([
      { what: 'own roles', send: () => capuy.put('/api/users/kbnn-kt.capuy/roles').send({ roles: [{ unit: 'DUK', role: 'admin' }] }), status: 403 },
      { what: 'own tasks', send: () => capuy.post('/api/users/kbnn-kt.capuy/reassign').send({ to: 'kbnn-kt.bithu' }), status: 403 },
    ]);
    expect((await ctx.db.query(`SELECT count(*)::int AS n FROM audit_events`)).rows).toEqual(before.rows);
    expect((await ctx.db.query(`SELECT count(*)::int AS n FROM workflow_definitions WHERE key = 'tongket'`)).rows[0]).toEqual({ n: 2 });
  });

  it('404 for unknown ids (valid UUIDs), keys and usernames', async () => {
    await expectStatuses([
      { what: 'versions of an unknown workflow', send: () => admin.get('/api/workflows/khong_co/versions'), status: 404 },
      { what: 'dry run of an unknown plan', send: () => admin.post(`/api/plans/${unknown}/migrations`).send({ toVersion: 2, dryRun: true }), status: 404 },
      { what: 'migration of an unknown plan', send: () => admin.post(`/api/plans/${unknown}/migrations`).send({ toVersion: 2 }), status: 404 },
      { what: 'migrations of an unknown plan', send: () => admin.get(`/api/plans/${unknown}/migrations`), status: 404 },
      { what: 'an unknown migration', send: () => admin.get(`/api/migrations/${unknown}`), status: 404 },
      { what: 'an unknown user', send: () => admin.get('/api/users/khong-co-ai'), status: 404 },
      { what: 'roles of an unknown user', send: () => admin.put('/api/users/khong-co-ai/roles').send({ roles: [] }), status: 404 },
      { what: 'tasks of an unknown user', send: () => admin.post('/api/users/khong-co-ai/reassign').send({ to: 'kbnn-kt.bithu' }), status: 404 },
    ]);
  });

  it('400 for malformed ids, bodies, unknown fields and queries', async () => {
    const migrate = (body: unknown) => admin.post(`/api/plans/${planId}/migrations`).send(body as object);
    const roles = (body: unknown) => admin.put('/api/users/kbnn-kt.capuy/roles').send(body as object);
    await expectStatuses([
      { what: 'migration of a plan id that is no UUID', send: () => admin.post('/api/plans/123/migrations').send({ toVersion: 2 }), status: 400 },
      { what: 'progress of a migration id that is no UUID', send: () => admin.get('/api/migrations/not-a-uuid'), status: 400 },
      { what: 'migrations of a plan id that is no UUID', send: () => admin.get('/api/plans/abc/migrations'), status: 400 },
      { what: 'migration without toVersion', send: () => migrate({ dryRun: true }), status: 400 },
      { what: 'toVersion a string', send: () => migrate({ toVersion: 'hai', dryRun: true }), status: 400 },
      { what: 'toVersion 0', send: () => migrate({ toVersion: 0, dryRun: true }), status: 400 },
      { what: 'toVersion 1.5', send: () => migrate({ toVersion: 1.5, dryRun: true }), status: 400 },
      { what: 'stageMap a list', send: () => migrate({ toVersion: 2, stageMap: ['drafting'], dryRun: true }), status: 400 },
      { what: 'stageMap to a number', send: () => migrate({ toVersion: 2, stageMap: { drafting: 3 }, dryRun: true }), status: 400 },
      {
        what: 'stageMap with a key that is no stage key',
        send: () => migrate({ toVersion: 2, stageMap: { 'Dự thảo': 'drafting' }, dryRun: true }),
        status: 400,
      },
      { what: 'dryRun a string', send: () => migrate({ toVersion: 2, dryRun: 'yes' }), status: 400 },
      { what: 'an unknown field on a migration', send: () => migrate({ toVersion: 2, dryRun: true, force: true }), status: 400 },
      { what: 'roles missing', send: () => roles({}), status: 400 },
      { what: 'roles not a list', send: () => roles({ roles: 'approver' }), status: 400 },
      { what: 'an unknown role', send: () => roles({ roles: [{ unit: 'KBNN-KT', role: 'secretary' }] }), status: 400 },
      { what: 'a role without unit', send: () => roles({ roles: [{ role: 'approver' }] }), status: 400 },
      { what: 'a role on an unknown unit', send: () => roles({ roles: [{ unit: 'KHONG-CO', role: 'approver' }] }), status: [400, 422] },
      { what: 'an unknown field on roles', send: () => roles({ roles: [], note: 'x' }), status: 400 },
      { what: 'reassign without to', send: () => admin.post('/api/users/kbnn-kt.capuy/reassign').send({}), status: 400 },
      { what: 'reassign to a number', send: () => admin.post('/api/users/kbnn-kt.capuy/reassign').send({ to: 7 }), status: 400 },
      {
        what: 'reassign with an unknown field',
        send: () => admin.post('/api/users/kbnn-kt.capuy/reassign').send({ to: 'kbnn-kt.bithu', all: true }),
        status: 400,
      },
      { what: 'audit of an unknown action', send: () => admin.get('/api/audit/configuration?action=approve'), status: 400 },
      { what: 'audit of a plan id that is no UUID', send: () => admin.get('/api/audit/configuration?planId=abc'), status: 400 },
      { what: 'audit limit 0', send: () => admin.get('/api/audit/configuration?limit=0'), status: 400 },
      { what: 'audit limit not a number', send: () => admin.get('/api/audit/configuration?limit=nhieu'), status: 400 },
      { what: 'audit with an unknown query field', send: () => admin.get('/api/audit/configuration?colour=red'), status: 400 },
    ]);
    // None of it changed KBNN-KT's approver.
    const capuy = await admin.get('/api/users/kbnn-kt.capuy');
    expect(capuy.body.roles.map((r: { unitCode: string; role: string }) => `${r.unitCode}:${r.role}`)).toEqual(['KBNN-KT:approver']);
  });

  it('the admin gets 200 from the read endpoints', async () => {
    await expectStatuses([
      { what: 'list versions', send: () => admin.get('/api/workflows/tongket/versions'), status: 200 },
      { what: 'list migrations', send: () => admin.get(`/api/plans/${planId}/migrations`), status: 200 },
      { what: 'progress', send: () => admin.get(`/api/migrations/${migrationId}`), status: 200 },
      { what: 'users of a unit', send: () => admin.get('/api/users?unit=KBNN-KT'), status: 200 },
      { what: 'a user', send: () => admin.get('/api/users/kbnn-kt.capuy'), status: 200 },
      { what: 'audit', send: () => admin.get(`/api/audit/configuration?planId=${planId}&action=plan.migrated&limit=5`), status: 200 },
    ]);
    const users = (await admin.get('/api/users?unit=KBNN-KT')).body as { username: string }[];
    expect(users.map((u) => u.username).sort()).toEqual(['kbnn-kt.bithu', 'kbnn-kt.capuy', 'kbnn-kt.soanthao']);
    const list = (await admin.get(`/api/plans/${planId}/migrations`)).body as { id: string }[];
    expect(list.map((m) => m.id)).toEqual([migrationId]);
  });
});
