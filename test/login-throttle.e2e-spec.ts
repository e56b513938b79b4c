import { importFixture } from './support/factories';
import { E2eContext, FIXTURE_PASSWORD, startE2e, stopE2e } from './support/harness';

describe('login throttling: repeated failures get 429', () => {
  let ctx: E2eContext;
  const login = (username: string, password: string) => ctx.http.post('/api/auth/login').send({ username, password });

  beforeAll(async () => {
    ctx = await startE2e({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '1' } });
    await importFixture(ctx);
  });

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('refuses a username after three failures from one address, even with the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await login('btv.mai', 'sai-mat-khau')).status).toBe(401);
    const locked = await login('btv.mai', FIXTURE_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(String(locked.body.message)).toMatch(/try again in 1 minutes/);
  });

  it('keeps others out of it, and a success clears the count', async () => {
    expect((await login('btv.hung', FIXTURE_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await login('tgv.lan', 'sai')).status).toBe(401);
    expect((await login('tgv.lan', FIXTURE_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await login('tgv.lan', 'sai')).status).toBe(401);
    expect((await login('tgv.lan', FIXTURE_PASSWORD)).status).toBe(200);
  });
});
