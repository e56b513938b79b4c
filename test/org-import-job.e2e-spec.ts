import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { expectStatus, login, session, Session, withToken } from './support/api';
import { importFixture } from './support/factories';
import { FixtureUser, loadFixture } from './support/fixture';
import { E2eContext, FIXTURE_PASSWORD, loseRedis, startE2e, stopE2e } from './support/harness';
import { waitFor } from './kit/poll';

/**
 * The org import is a worker's job: the API checks and stores it (passwords sealed, never in clear
 * in PostgreSQL or Redis) and waits a short while (ORG_IMPORT_WAIT_MS, 3 s here) for the counts,
 * else answers 202 with its progress; the worker hashes with bounded concurrency (a stored hash
 * that matches is kept), applies it in one transaction and audits what changed, before and after.
 */
describe('org import as a job', () => {
  let ctx: E2eContext;
  let admin: Session;
  const fixture = loadFixture();
  const user = (username: string, password: string, roles: FixtureUser['roles'] = []): FixtureUser => ({
    username,
    fullName: `Đồng chí ${username}`,
    email: `${username}@example.vn`,
    password,
    roles,
  });

  const importStatus = async (id: string) => expectStatus(await admin.get(`/api/org/imports/${id}`), 200).body;
  const untilEnded = (id: string, timeoutMs = 60_000) =>
    waitFor(
      async () => {
        const status = await importStatus(id);
        return ['done', 'failed'].includes(status.status) ? status : undefined;
      },
      { timeoutMs, intervalMs: 100, what: `import ${id} to end` },
    );
  const hashes = async () =>
    new Map(
      (await ctx.db.query<{ username: string; password_hash: string }>(`SELECT username, password_hash FROM users`)).rows.map((r) => [
        r.username,
        r.password_hash,
      ]),
    );
  let workerStopped = false;
  const stopWorker = async () => {
    await ctx.worker.close();
    workerStopped = true;
  };
  const startWorker = async () => {
    const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
    await worker.init();
    ctx.worker = worker;
    workerStopped = false;
  };

  /** Every value Redis holds under this file's queue prefix, as text. */
  async function redisText(): Promise<string> {
    const redis = new Redis({ host: process.env.REDIS_HOST ?? '127.0.0.1', port: Number(process.env.REDIS_PORT ?? 6379) });
    try {
      const texts: string[] = [];
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${ctx.env.queuePrefix}:*`, 'COUNT', 500);
        cursor = next;
        for (const key of keys) {
          const type = await redis.type(key);
          if (type === 'hash') texts.push(JSON.stringify(await redis.hgetall(key)));
          else if (type === 'string') texts.push((await redis.get(key)) ?? '');
          else if (type === 'list') texts.push(JSON.stringify(await redis.lrange(key, 0, -1)));
          else if (type === 'zset') texts.push(JSON.stringify(await redis.zrange(key, 0, -1)));
        }
      } while (cursor !== '0');
      return texts.join('\n');
    } finally {
      redis.disconnect();
    }
  }

  beforeAll(async () => {
    ctx = await startE2e({ env: { ORG_IMPORT_WAIT_MS: '3000', ORG_IMPORT_HASH_CONCURRENCY: '2' } });
    admin = await session(ctx, 'admin');
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('a small import answers 201 with its counts, and Location names the import with its result', async () => {
    const res = expectStatus(await admin.post('/api/org/import').send({ units: fixture.units, users: fixture.users }), 201);
    expect(res.body).toEqual({ units: fixture.units.length, users: fixture.users.length });
    expect(res.headers.location).toMatch(/^\/api\/org\/imports\/[0-9a-f-]{36}$/);
    const status = await importStatus(res.headers.location.split('/').pop()!);
    expect(status).toMatchObject({
      status: 'done',
      progress: { done: fixture.users.length, total: fixture.users.length },
      units: fixture.units.length,
      users: fixture.users.length,
    });
    expect(status.result).toMatchObject({ units: fixture.units.length, users: fixture.users.length, unitsCreated: fixture.units.length });
    expect(status.error).toBeNull();
  });

  it('while it waits for a worker, no password is in clear in PostgreSQL or Redis; it is hashed once a worker comes', async () => {
    const secrets = ['mat-khau-cho-doi-1', 'mat-khau-cho-doi-2'];
    await stopWorker();
    try {
      const res = expectStatus(await admin.post('/api/org/import').send({ units: [], users: [user('cho.mot', secrets[0]), user('cho.hai', secrets[1])] }), 202);
      expect(res.body).toMatchObject({ status: 'queued', progress: { done: 0, total: 2 }, statusUrl: `/api/org/imports/${res.body.id}` });
      const stored = (await ctx.db.query<{ t: string }>(`SELECT payload::text AS t FROM org_imports WHERE id = $1`, [res.body.id])).rows[0].t;
      const outbox = (await ctx.db.query<{ t: string }>(`SELECT coalesce(string_agg(payload::text, ' '), '') AS t FROM outbox`)).rows[0].t;
      const everythingInPostgres = (await ctx.db.query<{ t: string }>(`SELECT coalesce(string_agg(data::text, ' '), '') AS t FROM audit_events`)).rows[0].t;
      const inRedis = await redisText();
      expect(stored).toContain('cho.mot');
      expect(inRedis).toContain(res.body.id);
      for (const secret of secrets) {
        for (const [where, text] of [
          ['org_imports', stored],
          ['outbox', outbox],
          ['audit_events', everythingInPostgres],
          ['Redis', inRedis],
        ]) {
          if (text.includes(secret)) throw new Error(`the password ${secret} is in clear in ${where}`);
        }
      }
      await startWorker();
      const ended = await untilEnded(res.body.id);
      expect(ended).toMatchObject({ status: 'done', progress: { done: 2, total: 2 } });
      expect((await ctx.db.query<{ payload: unknown }>(`SELECT payload FROM org_imports WHERE id = $1`, [res.body.id])).rows[0].payload).toBeNull();
      expect(await login(ctx, 'cho.mot', secrets[0])).toEqual(expect.any(String));
    } finally {
      if (workerStopped) await startWorker();
    }
  }, 60_000);

  it('an import Redis lost before any worker took it is queued again from PostgreSQL by the reconciler', async () => {
    await stopWorker();
    const res = expectStatus(await admin.post('/api/org/import').send({ units: [], users: [user('mat.redis', 'mat-khau-sau-khi-mat-redis')] }), 202);
    await loseRedis(ctx);
    await startWorker();
    // The reconciler queues it again on the worker's start.
    expect(await untilEnded(res.body.id)).toMatchObject({ status: 'done' });
    expect(await login(ctx, 'mat.redis', 'mat-khau-sau-khi-mat-redis')).toEqual(expect.any(String));
  }, 60_000);

  it("an idempotent re-import changes no hash and ends no session; a new password changes that hash only and ends that person's sessions", async () => {
    const before = await hashes();
    const approver = withToken(ctx, await login(ctx, 'kbnn-kt.bithu'), 'kbnn-kt.bithu');
    const drafter = withToken(ctx, await login(ctx, 'kbnn-kt.soanthao'), 'kbnn-kt.soanthao');
    await importFixture(ctx);
    expect(await hashes()).toEqual(before);
    expectStatus(await approver.get('/api/me'), 200);

    const changed = fixture.users.find((u) => u.username === 'kbnn-kt.bithu')!;
    expectStatus(await admin.post('/api/org/import').send({ units: [], users: [{ ...changed, password: 'mat-khau-moi-cua-binh' }] }), 201);
    const after = await hashes();
    expect([...after].filter(([username, hash]) => before.get(username) !== hash).map(([username]) => username)).toEqual(['kbnn-kt.bithu']);
    expectStatus(await approver.get('/api/me'), 401);
    expectStatus(await drafter.get('/api/me'), 200);
    const fresh = await ctx.http.post('/api/auth/login').send({ username: 'kbnn-kt.bithu', password: 'mat-khau-moi-cua-binh' });
    expect(fresh.status).toBe(200);
    // back to the fixture's password for the tests that follow
    expectStatus(await admin.post('/api/org/import').send({ units: [], users: [changed] }), 201);
  }, 60_000);

  it('audits the import with what changed, before and after: units, people, roles; never a password or a hash', async () => {
    const unit = fixture.units.find((u) => u.code === 'KBNN-KT')!;
    const person = fixture.users.find((u) => u.username === 'kbnn.bithu')!;
    const kept = person.roles.slice(0, person.roles.length - 2);
    const dropped = person.roles.slice(person.roles.length - 2);
    expect(dropped).toHaveLength(2);
    const newPassword = 'mat-khau-kiem-toan-2025';
    const res = expectStatus(
      await admin.post('/api/org/import').send({
        units: [
          { ...unit, name: `${unit.name} (đổi tên)` },
          { code: 'KBNN-MOI', name: 'Chi bộ mới', kind: 'cell', parent: 'KBNN' },
        ],
        users: [{ ...person, email: 'binh.moi@example.vn', password: newPassword, roles: kept }],
      }),
      201,
    );
    const importId = res.headers.location.split('/').pop()!;
    const events = (
      await ctx.db.query<{ action: string; data: Record<string, unknown> }>(`SELECT action, data FROM audit_events WHERE data->>'importId' = $1 ORDER BY id`, [
        importId,
      ])
    ).rows;
    expect(events.map((e) => e.action)).toEqual(['org.import', 'org.import.user']);
    expect(events[0].data).toMatchObject({
      units: 2,
      users: 1,
      unitsCreated: 1,
      unitsChanged: 1,
      usersCreated: 0,
      usersChanged: 1,
      passwordsChanged: 1,
      rolesAdded: 0,
      rolesRemoved: 2,
      roleChanges: 2,
      unitChanges: [
        { code: 'KBNN-KT', change: 'changed', before: { name: unit.name }, after: { name: `${unit.name} (đổi tên)` } },
        { code: 'KBNN-MOI', change: 'created', after: { name: 'Chi bộ mới', kind: 'cell', parent: 'KBNN' } },
      ],
    });
    expect(events[1].data).toEqual({
      importId,
      username: 'kbnn.bithu',
      change: 'changed',
      before: { email: person.email },
      after: { email: 'binh.moi@example.vn' },
      passwordChanged: true,
      rolesRemoved: expect.arrayContaining(dropped.map((r) => ({ unit: r.unit, role: r.role }))),
    });
    const text = JSON.stringify(events);
    expect(text).not.toContain(newPassword);
    expect(text).not.toContain('$argon2');
    expectStatus(await admin.post('/api/org/import').send({ units: [unit], users: [person] }), 201);
  }, 60_000);

  it('a large import answers 202 with its progress, which GET follows to the end; logins stay quick meanwhile', async () => {
    const users = Array.from({ length: 1200 }, (_, i) => user(`dong-loat.${i}`, `mat-khau-dong-loat-${i}`, [{ unit: 'KBNN-KT', role: 'drafter' }]));
    const logins: number[] = [];
    const timedLogin = async () => {
      const started = Date.now();
      expect((await ctx.http.post('/api/auth/login').send({ username: 'kbnn-kt.soanthao', password: FIXTURE_PASSWORD })).status).toBe(200);
      logins.push(Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 200));
    };
    let answered = false;
    const posting = Promise.resolve(admin.post('/api/org/import').send({ units: [], users })).finally(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    while (!answered) await timedLogin();
    // Hashing in the API once queued a login behind every password of the import (seconds); now behind at most two.
    expect(logins.length).toBeGreaterThan(0);
    expect(Math.max(...logins)).toBeLessThan(1_000);
    const res = expectStatus(await posting, 202);
    expect(res.body.progress.total).toBe(1200);
    expect(res.body.progress.done).toBeLessThan(1200);
    const seen: number[] = [];
    let status = await importStatus(res.body.id);
    while (!['done', 'failed'].includes(status.status)) {
      seen.push(status.progress.done);
      await timedLogin();
      status = await importStatus(res.body.id);
    }
    expect(status).toMatchObject({ status: 'done', progress: { done: 1200, total: 1200 }, result: { users: 1200, usersCreated: 1200 } });
    expect(seen.some((done) => done > 0 && done < 1200)).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(logins.length).toBeGreaterThan(3);
    expect(Math.max(...logins)).toBeLessThan(1_000);
  }, 180_000);

  it("a refusal of the rules in the worker is the request's answer (422), recorded as failed; nothing of it is applied", async () => {
    const adminUser = fixture.users.find((u) => u.username === 'admin')!;
    const res = await admin.post('/api/org/import').send({ units: [], users: [{ ...adminUser, roles: [{ unit: 'DUK', role: 'reviewer' }] }] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, message: expect.stringContaining('quản trị viên') });
    const [row] = (
      await ctx.db.query<{ id: string; status: string; payload: unknown }>(`SELECT id, status, payload FROM org_imports ORDER BY created_at DESC LIMIT 1`)
    ).rows;
    expect(row).toMatchObject({ status: 'failed', payload: null });
    expect(await importStatus(row.id)).toMatchObject({ status: 'failed', error: { statusCode: 422 } });
    expectStatus(await admin.get('/api/me'), 200);
  }, 60_000);

  it('a unit tree with a cycle is refused with 400 before anything is stored', async () => {
    const count = async () => Number((await ctx.db.query<{ n: string }>(`SELECT count(*) AS n FROM org_imports`)).rows[0].n);
    const before = await count();
    const res = await admin.post('/api/org/import').send({
      units: [
        { code: 'VONG-A', name: 'A', kind: 'cell', parent: 'VONG-B' },
        { code: 'VONG-B', name: 'B', kind: 'cell', parent: 'VONG-A' },
      ],
      users: [],
    });
    expect(res.status).toBe(400);
    expect(await count()).toBe(before);
  });
});
