import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { expectStatus, login, session, Session } from './support/api';
import { importOrg } from './support/factories';
import { E2eContext, loseRedis, startE2e, stopE2e } from './support/harness';
import { SmtpSink } from './kit/smtp-sink';
import { waitFor } from './kit/poll';

const LINK = /\/dat-mat-khau#([A-Za-z0-9_-]{43})/;
const MAX_PER_ADDRESS = 6;

/**
 * A set-password link is usable once, until it expires, by an active person, and unusable links
 * answer alike and count against the address as failed logins do. A link's e-mail waiting when
 * Redis lost its job goes out once a worker's reconciler finds it.
 */
describe('set-password links', () => {
  const sink = new SmtpSink();
  let ctx: E2eContext;
  let admin: Session;
  let serial = 0;

  /** A person created without a password, and the token of the link they were sent. */
  const newPerson = async (): Promise<{ username: string; token: string }> => {
    const username = `nguoi.moi.${++serial}`;
    const email = `${username}@example.vn`;
    await importOrg(ctx, { units: [], users: [{ username, fullName: `Đồng chí Mới ${serial}`, email, roles: [] } as never] });
    const [mail] = await sink.waitForMails((m) => m.rcpt.includes(email), 1, { what: `the link of ${username}` });
    return { username, token: LINK.exec(mail.text)![1] };
  };
  const setPassword = (token: string, password = 'mat-khau-moi-2026') => ctx.http.post('/api/auth/set-password').send({ token, password });

  beforeAll(async () => {
    await sink.start();
    ctx = await startE2e({ smtpPort: sink.port, env: { LOGIN_MAX_FAILURES_PER_ADDRESS: String(MAX_PER_ADDRESS), SET_PASSWORD_LINK_DAYS: '3' } });
    admin = await session(ctx, 'admin');
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
    await sink.stop();
  });

  it('an expired link, or the link of a deactivated person, gets the answer of a wrong one; the person can be sent a new one once active', async () => {
    const expired = await newPerson();
    const days = (
      await ctx.db.query(
        `SELECT round(extract(epoch FROM expires_at - emailed_at) / 86400) AS d FROM password_links l JOIN users u ON u.id = l.user_id WHERE u.username = $1`,
        [expired.username],
      )
    ).rows[0].d;
    expect(Number(days)).toBe(3);
    await ctx.db.query(`UPDATE password_links SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE username = $1)`, [
      expired.username,
    ]);
    const wrong = expectStatus(await setPassword('x'), 400).body;
    expect(expectStatus(await setPassword(expired.token), 400).body).toEqual(wrong);

    const deactivated = await newPerson();
    expectStatus(await admin.post(`/api/users/${deactivated.username}/deactivate`), 200);
    expect(expectStatus(await setPassword(deactivated.token), 400).body).toEqual(wrong);
    expectStatus(await admin.post(`/api/users/${deactivated.username}/set-password-link`), 409);
    expectStatus(await admin.post(`/api/users/${deactivated.username}/reactivate`), 200);
    expectStatus(await admin.post(`/api/users/${deactivated.username}/set-password-link`), 202);
    const mails = await sink.waitForMails((m) => m.rcpt.includes(`${deactivated.username}@example.vn`), 2, { what: 'the new link' });
    expectStatus(await setPassword(LINK.exec(mails[1].text)![1]), 204);
    expect(await login(ctx, deactivated.username, 'mat-khau-moi-2026')).toEqual(expect.any(String));
  }, 60_000);

  it('an e-mail whose job Redis lost goes out once a worker starts again, with a link that works', async () => {
    await importOrg(ctx, {
      units: [],
      users: [{ username: 'cho.redis', fullName: 'Đồng chí Chờ', email: 'cho.redis@example.vn', password: 'mat-khau-tam-2026', roles: [] }],
    });
    await ctx.worker.close();
    try {
      expectStatus(await admin.post('/api/users/cho.redis/set-password-link'), 202);
      await loseRedis(ctx);
      // As if it had waited past the reconciler's grace period for fresh work.
      await ctx.db.query(
        `UPDATE password_links SET created_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM users WHERE username = 'cho.redis')`,
      );
    } finally {
      ctx.worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
      await ctx.worker.init();
    }
    const [mail] = await sink.waitForMails((m) => m.rcpt.includes('cho.redis@example.vn'), 1, { what: 'the link after Redis lost it', timeoutMs: 20_000 });
    expectStatus(await setPassword(LINK.exec(mail.text)![1]), 204);
    // Until then the password the person had kept working; now the new one does.
    expect(await login(ctx, 'cho.redis', 'mat-khau-moi-2026')).toEqual(expect.any(String));
  }, 60_000);

  it('unusable links count against the address like failed logins: beyond LOGIN_MAX_FAILURES_PER_ADDRESS, 429 with Retry-After, even for a good link', async () => {
    const good = await newPerson();
    // Earlier tests' failures may count already (or not, Redis having lost them): wrong tokens until the limit is reached.
    const answers: number[] = [];
    for (let i = 0; i <= MAX_PER_ADDRESS && answers.at(-1) !== 429; i++) answers.push((await setPassword(`sai-${i}`)).status);
    expect(answers.at(-1)).toBe(429);
    expect(answers.slice(0, -1).every((status) => status === 400)).toBe(true);
    const refused = expectStatus(await setPassword(good.token), 429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The same address's logins are refused too: one count against spraying.
    expectStatus(await ctx.http.post('/api/auth/login').send({ username: 'admin', password: 'tongket-2019' }), 429);
    const unused = await waitFor(
      async () => (await ctx.db.query(`SELECT used_at FROM password_links l JOIN users u ON u.id = l.user_id WHERE u.username = $1`, [good.username])).rows[0],
      { what: 'the link' },
    );
    expect(unused.used_at).toBeNull();
  }, 60_000);
});
