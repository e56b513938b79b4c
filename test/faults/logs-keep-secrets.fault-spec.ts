import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { CycleDriver, draftBody, generateOrg, holdersOf, PASSWORD } from './support/cycle';
import { Engine } from './support/engine';

/**
 * Secrets never reach the logs: the API and a worker run as real processes at the most verbose
 * level, with a JWT secret and an SMTP password of their own; passwords, tokens, cookies, hashes and
 * settings pass through every path that logs (log-in, failed log-in, requests, errors, jobs, e-mail
 * failures), then every line both processes wrote is searched for them.
 */
describe('logs keep secrets out', () => {
  const jwtSecret = `jwt-${randomBytes(16).toString('hex')}`;
  const smtpPassword = `smtp-${randomBytes(12).toString('hex')}`;
  const wrongPassword = `wrong-${randomBytes(8).toString('hex')}`;
  // The SMTP sink offers no AUTH: every e-mail fails and is retried, so the mailer's errors are logged too.
  const engine = new Engine('secrets', { LOG_LEVEL: 'trace', JWT_SECRET: jwtSecret, SMTP_USER: 'mailer', SMTP_PASSWORD: smtpPassword });
  let driver: CycleDriver;
  const tokens: string[] = [];
  let cookie = '';

  beforeAll(async () => {
    await engine.start(1);
    driver = new CycleDriver(engine, generateOrg({ uppers: 1, cellsPerUpper: 3 }), 4);
  }, 300_000);

  afterAll(async () => {
    await engine.stop();
  }, 60_000);

  it('drives log-in, failures, requests, jobs and e-mail through both processes', async () => {
    expect((await driver.client.raw('POST', '/api/auth/login', { username: 'admin', password: wrongPassword })).status).toBe(401);
    await driver.importOrg();
    const { planId, reports } = await driver.createAndLaunch();
    const report = reports[0];
    const drafter = holdersOf(driver.org, report.unitCode, 'drafter')[0];
    for (const user of ['admin', drafter]) tokens.push(await driver.client.token(user));
    // A request refused for its body, one for its token, one with the token in a query string.
    expect((await driver.client.as(drafter, 'POST', `/api/reports/${report.id}/submit`)).status).toBe(422);
    expect((await driver.client.raw('GET', '/api/me', undefined, `${tokens[0]}x`)).status).toBe(401);
    expect((await driver.client.raw('GET', `/api/me?access_token=${tokens[1]}`)).status).toBe(401);
    const session = await fetch(`${engine.baseUrl}/api/admin/queues/session`, { method: 'POST', headers: { authorization: `Bearer ${tokens[0]}` } });
    expect(session.status).toBeLessThan(300);
    cookie = (session.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toContain('=');
    expect((await fetch(`${engine.baseUrl}/admin/queues/api/queues`, { headers: { cookie } })).status).toBe(200);
    // A report submitted and approved: the worker moves it, notifies, and tries to send e-mail.
    for (const item of driver.outline) {
      await driver.client.expect(drafter, 'PUT', `/api/reports/${report.id}/sections/${item.key}`, draftBody(item, report.unitCode), [200]);
    }
    await driver.client.expect(drafter, 'POST', `/api/reports/${report.id}/submit`, undefined, [202]);
    await driver.waitStage(report.id, 'cell_approval');
    // Its approval falls due in two seconds: the reminder fires, and its e-mail fails for want of AUTH.
    const soon = new Date(Date.now() + 2_000).toISOString();
    const plan = (await driver.client.expect('admin', 'GET', `/api/plans/${planId}`, undefined, [200])).body;
    // Due before the drafting it follows, on purpose: confirmed.
    await driver.client.expect(
      'admin',
      'PUT',
      `/api/plans/${planId}/deadlines`,
      {
        deadlines: {
          ...plan.deadlines,
          cell: { ...plan.deadlines.cell, cell_approval: soon },
          upper: { ...plan.deadlines.upper, cell_approval: soon },
        },
        confirmDeadlines: true,
      },
      [200],
    );
    const failed = await driver.waitFor(
      async () => {
        const rows = await engine.query<{ email_error: string | null }>(
          `SELECT email_error FROM notifications WHERE email_attempts > 0 AND email_error IS NOT NULL`,
        );
        return rows[0]?.email_error;
      },
      60_000,
      'an e-mail attempt that failed',
    );
    expect(failed).toMatch(/auth/i);
  }, 300_000);

  it('wrote plenty, and none of it is a secret', async () => {
    await Promise.all(engine.workers.map((w) => w.kill('SIGTERM', 30_000)));
    const logs = { api: logOf('api'), workers: logOf('workers') };
    // The logs are really there, at trace level, with the requests that carried the secrets.
    expect(logs.api).toContain('/api/auth/login');
    expect(logs.api).toContain('/admin/queues');
    expect(logs.workers.split('\n').length).toBeGreaterThan(10);
    const hashes = (await engine.query<{ h: string }>(`SELECT password_hash AS h FROM users`)).map((r) => r.h);
    const secrets: Record<string, string> = {
      'the users’ password': PASSWORD,
      'a wrong password': wrongPassword,
      'the JWT secret': jwtSecret,
      'the SMTP password': smtpPassword,
      'an argon2 hash': '$argon2',
      'the dashboard cookie': cookie.split('=')[1],
      ...Object.fromEntries(tokens.map((t, i) => [`token ${i}`, t])),
      ...Object.fromEntries(tokens.map((t, i) => [`signature of token ${i}`, t.split('.')[2]])),
      ...Object.fromEntries(hashes.map((h, i) => [`hash ${i}`, h])),
    };
    const found = Object.entries(logs).flatMap(([proc, text]) =>
      Object.entries(secrets)
        .filter(([, value]) => value && text.includes(value))
        .map(([what]) => `${what} in the ${proc} log`),
    );
    expect(found).toEqual([]);
  }, 120_000);

  function logOf(what: 'api' | 'workers'): string {
    const path = engine.logPath(what);
    return existsSync(path) ? readFileSync(path, 'utf8') : '';
  }
});
