import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { importFixture } from './support/factories';
import { E2eContext, FIXTURE_PASSWORD, startE2e, stopE2e } from './support/harness';

const MAX_PER_ADDRESS = 12;
const LOCK_SECONDS = 60;

function expectRefused(res: Response): void {
  expect(res.status).toBe(429);
  expect(res.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(LOCK_SECONDS);
}

const randomUsername = () => `spray-${randomBytes(4).toString('hex')}`;

describe('login throttling: repeated failures get 429', () => {
  let ctx: E2eContext;
  const login = (username: string, password: string, forwardedFor?: string) => {
    const req = ctx.http.post('/api/auth/login');
    return (forwardedFor ? req.set('X-Forwarded-For', forwardedFor) : req).send({ username, password });
  };

  beforeAll(async () => {
    ctx = await startE2e({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '1', LOGIN_MAX_FAILURES_PER_ADDRESS: String(MAX_PER_ADDRESS) } });
    await importFixture(ctx);
  });

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('refuses a username after three failures from one address, even with the right password, saying when to retry', async () => {
    for (let i = 0; i < 3; i++) expect((await login('btv.mai', 'sai-mat-khau')).status).toBe(401);
    const locked = await login('btv.mai', FIXTURE_PASSWORD);
    expectRefused(locked);
    expect(String(locked.body.message)).toMatch(/try again in 1 minutes/);
  });

  it('keeps others out of it, and a success clears the count', async () => {
    expect((await login('btv.hung', FIXTURE_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await login('tgv.lan', 'sai')).status).toBe(401);
    expect((await login('tgv.lan', FIXTURE_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await login('tgv.lan', 'sai')).status).toBe(401);
    expect((await login('tgv.lan', FIXTURE_PASSWORD)).status).toBe(200);
  });

  it('refuses an address spraying passwords over many usernames, whoever it then tries; X-Forwarded-For changes nothing (TRUST_PROXY off)', async () => {
    let failures = 0;
    let refused: Response | undefined;
    for (let i = 0; i < 3 * MAX_PER_ADDRESS && !refused; i++) {
      // A forged forwarded address must not give each attempt a fresh count.
      const res = await login(randomUsername(), 'Matkhau@123', `203.0.113.${i + 1}`);
      if (res.status === 401) failures++;
      else refused = res;
    }
    expectRefused(refused!);
    expect(String(refused!.body.message)).toMatch(/from this address/);
    // Every failure counted from this address was audited under the connection's address: exactly the limit.
    const { rows } = await ctx.db.query<{ address: string; n: string }>(
      `SELECT data->>'address' AS address, count(*) AS n FROM audit_events WHERE action = 'auth.login_failed' GROUP BY 1`,
    );
    expect(rows).toEqual([{ address: expect.stringMatching(/127\.0\.0\.1/), n: String(MAX_PER_ADDRESS) }]);
    expect(failures).toBeLessThan(MAX_PER_ADDRESS);
    // A success does not clear an address's count: the right password of another user is refused too.
    expectRefused(await login('kbnn.bithu', FIXTURE_PASSWORD));
    expectRefused(await login('kbnn.bithu', FIXTURE_PASSWORD, '198.51.100.7'));
  });
});

describe('login throttling behind a reverse proxy (TRUST_PROXY=loopback)', () => {
  let ctx: E2eContext;
  const login = (username: string, password: string, forwardedFor: string) =>
    ctx.http.post('/api/auth/login').set('X-Forwarded-For', forwardedFor).send({ username, password });

  beforeAll(async () => {
    ctx = await startE2e({
      env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '1', LOGIN_MAX_FAILURES_PER_ADDRESS: String(MAX_PER_ADDRESS), TRUST_PROXY: 'loopback' },
    });
    await importFixture(ctx);
  });

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('counts the client’s address from X-Forwarded-For: one client locked out, another behind the same proxy not', async () => {
    for (let i = 0; i < MAX_PER_ADDRESS; i++) expect((await login(randomUsername(), 'Matkhau@123', '203.0.113.9')).status).toBe(401);
    expectRefused(await login('btv.hung', FIXTURE_PASSWORD, '203.0.113.9'));
    expect((await login('btv.hung', FIXTURE_PASSWORD, '198.51.100.7')).status).toBe(200);
    const { rows } = await ctx.db.query<{ action: string; address: string; n: string }>(
      `SELECT action, data->>'address' AS address, count(*) AS n FROM audit_events WHERE action LIKE 'auth.%' GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(rows.filter((r) => r.address !== '127.0.0.1' && r.address !== '::ffff:127.0.0.1')).toEqual([
      { action: 'auth.login', address: '198.51.100.7', n: '1' },
      { action: 'auth.login_failed', address: '203.0.113.9', n: String(MAX_PER_ADDRESS) },
    ]);
  });
});
