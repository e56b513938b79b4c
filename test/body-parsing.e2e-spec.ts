import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { session, Session } from './support/api';
import { createPlan, getReport, importFixture, launchPlan, reportsByUnit } from './support/factories';
import { E2eContext, FIXTURE_PASSWORD, startE2e, stopE2e } from './support/harness';
import { snapshotState } from './support/hostile';

/**
 * Bodies are read only after the auth guard, within each route's limit, and only as
 * application/json: an anonymous or non-admin megabyte is refused unread, a form post reaches no
 * handler, and no error repeats a password.
 */
describe('request bodies: parsed after authentication, per-route limits, JSON only', () => {
  let ctx: E2eContext;
  let admin: Session;
  let drafter: Session;
  let outsider: Session;
  let reportId: string;
  let port: number;
  const MB = 1024 * 1024;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    admin = await session(ctx, 'admin');
    drafter = await session(ctx, 'hlhpn-tg.bithu');
    outsider = await session(ctx, 'kbnn-kt.soanthao');
    const plan = await createPlan(ctx);
    await launchPlan(ctx, plan.id);
    reportId = (await reportsByUnit(ctx, plan.id)).get('HLHPN-TG')!.id;
    port = (ctx.api.getHttpServer().address() as AddressInfo).port;
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('an anonymous broken body to a protected endpoint gets 401, not a parse error', async () => {
    const res = await ctx.http.put(`/api/reports/${reportId}/sections/political`).set('Content-Type', 'application/json').send('{"strengths": ');
    expect(res.status).toBe(401);
  });

  it('a non-admin body to an admin endpoint gets 403 whatever it holds: broken, 1 MB, or deeper than allowed', async () => {
    const broken = await outsider.post('/api/org/import').set('Content-Type', 'application/json').send('{"units": [');
    expect(broken.status).toBe(403);
    const big = await outsider
      .post('/api/plans')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ title: 'x'.repeat(MB) }));
    expect(big.status).toBe(403);
    const deep = await outsider
      .post('/api/workflows/tongket/versions')
      .set('Content-Type', 'application/json')
      .send('['.repeat(50) + ']'.repeat(50));
    expect(deep.status).toBe(403);
  });

  it('login, which is public, reads a few kilobytes at most: 8 KB and 1 MB get 413', async () => {
    for (const size of [8 * 1024, MB]) {
      const res = await ctx.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ username: 'admin', password: 'x'.repeat(size) }));
      expect(res.status).toBe(413);
    }
    expect((await ctx.http.post('/api/auth/login').send({ username: 'admin', password: FIXTURE_PASSWORD })).status).toBe(200);
  });

  it('each route has its own limit: a 1.5 MB import is read (and validated), 9 MB is not; a 20 KB delegation is 413', async () => {
    const read = await admin
      .post('/api/org/import')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ units: [], users: [], description: 'x'.repeat(1.5 * MB) }));
    expect(read.status).toBe(400);
    const tooLarge = await admin
      .post('/api/org/import')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ units: [], users: [], description: 'x'.repeat(9 * MB) }));
    expect(tooLarge.status).toBe(413);
    const delegation = await drafter
      .post(`/api/tasks/${reportId}/delegate`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'x'.repeat(20 * 1024) }));
    expect(delegation.status).toBe(413);
  });

  it('a form post to a section edit gets 415 and changes nothing', async () => {
    const before = await snapshotState(ctx);
    const sectionBefore = (await getReport(ctx, reportId)).sections.find((s) => s.key === 'political');
    const form = await drafter.put(`/api/reports/${reportId}/sections/political`).type('form').send({ strengths: 'Ghi đè bằng một biểu mẫu' });
    expect(form.status).toBe(415);
    const text = await drafter.put(`/api/reports/${reportId}/sections/political`).set('Content-Type', 'text/plain').send('{"strengths":"Ghi đè bằng văn bản"}');
    expect(text.status).toBe(415);
    expect(await snapshotState(ctx)).toEqual(before);
    expect((await getReport(ctx, reportId)).sections.find((s) => s.key === 'political')).toEqual(sectionBefore);
  });

  it('every write endpoint refuses a body that is not JSON with 415', async () => {
    const writes: [Session | null, 'post' | 'put', string][] = [
      [null, 'post', '/api/auth/login'],
      [admin, 'post', '/api/org/import'],
      [admin, 'post', '/api/plans'],
      [admin, 'post', '/api/workflows/tongket/versions'],
      [drafter, 'put', `/api/reports/${reportId}/indicators`],
      [admin, 'put', '/api/users/kbnn-kt.capuy/roles'],
    ];
    for (const [who, method, path] of writes) {
      const req = who ? who[method](path) : ctx.http[method](path);
      const res = await req.type('form').send({ username: 'admin', password: FIXTURE_PASSWORD });
      if (res.status !== 415) throw new Error(`${method.toUpperCase()} ${path} with a form body answered ${res.status}, expected 415`);
    }
  });

  it('no error body repeats a password, whatever the client sent', async () => {
    const secret = 'mat-khau-rat-bi-mat-2019';
    const attempts = [
      ctx.http.post('/api/auth/login').set('Content-Type', 'application/json').send(`username=admin&password=${secret}`),
      ctx.http.post('/api/auth/login').set('Content-Type', 'application/json').send(`{"username":"admin","password":"${secret}"`),
      ctx.http.post('/api/auth/login').type('form').send({ username: 'admin', password: secret }),
      // JSON sent as a form: a form parser makes the whole text one field name, which "should not exist"
      ctx.http
        .post('/api/auth/login')
        .type('form')
        .send(JSON.stringify({ username: 'admin', password: secret })),
      ctx.http.post('/api/auth/login').set('Content-Type', 'application/json').send(secret),
      ctx.http.post('/api/auth/login').send({ username: 'admin', password: secret, remember: secret }),
      ctx.http.post('/api/auth/login').send({ username: secret, password: secret }),
      admin.post('/api/org/import').send({ units: [], users: [{ username: 'a', fullName: 'A', email: 'a@example.vn', password: secret, roles: 'x' }] }),
    ];
    for (const attempt of attempts) {
      const res = await attempt;
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.text).not.toContain(secret);
    }
  });

  /** Writes the headers and the first part of a body that claims `declared` bytes, then waits for the answer. */
  function startUpload(path: string, declared: number, token?: string): Promise<{ status: number; ms: number }> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const req = httpRequest(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path,
          headers: { 'content-type': 'application/json', 'content-length': String(declared), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, ms: Date.now() - started });
          req.destroy();
        },
      );
      req.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
      req.write(`{"units":[],"users":[],"description":"${'x'.repeat(64 * 1024)}`);
      // The rest never comes: a client that is still sending must be answered all the same.
    });
  }

  it('a refusal reaches a client that is still sending: 401, 403 and 413 without the rest of the body', async () => {
    const anonymous = await startUpload('/api/plans', 5 * MB);
    expect(anonymous.status).toBe(401);
    const nonAdmin = await startUpload('/api/org/import', 5 * MB, outsider.token);
    expect(nonAdmin.status).toBe(403);
    const declaredTooLarge = await startUpload('/api/auth/login', 5 * MB);
    expect(declaredTooLarge.status).toBe(413);
    for (const answer of [anonymous, nonAdmin, declaredTooLarge]) expect(answer.ms).toBeLessThan(5_000);
  });

  it('after a body refused part way, the next request on a kept-alive connection is answered', async () => {
    const { Agent } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (path: string, body: string, token?: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            port,
            host: '127.0.0.1',
            method: 'POST',
            path,
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': String(Buffer.byteLength(body)),
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const within = <T>(work: Promise<T>) =>
      Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 5 s')), 5_000))]);
    // Chunked, so the limit is met while reading rather than from the declared length.
    expect(await within(send('/api/auth/login', JSON.stringify({ username: 'admin', password: 'x'.repeat(200 * 1024) })))).toBe(413);
    expect(await within(send('/api/auth/login', JSON.stringify({ username: 'admin', password: FIXTURE_PASSWORD })))).toBe(200);
    expect(await within(send('/api/org/import', JSON.stringify({ units: [], users: [], description: 'x'.repeat(300 * 1024) }), outsider.token))).toBe(403);
    expect(await within(send('/api/auth/login', JSON.stringify({ username: 'admin', password: FIXTURE_PASSWORD })))).toBe(200);
    agent.destroy();
  });
});
