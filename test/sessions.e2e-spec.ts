import type { Response } from 'supertest';
import { expectStatus, session, Session, withToken } from './support/api';
import { importFixture } from './support/factories';
import { E2eContext, FIXTURE_PASSWORD, startE2e, stopE2e } from './support/harness';

/**
 * Sessions end when they should: a logout ends that one session; a password change (one's own or an
 * administrator's reset), a deactivation or the removal of a role ends every session of the person at
 * once, not 8 hours later. Sign-ins, failed sign-ins and sign-outs are in the audit trail, with the
 * username and the address, never a password or hash.
 */
describe('sessions: logout, password changes, deactivation and role removal end them at once', () => {
  let ctx: E2eContext;
  let admin: Session;

  const signIn = async (username: string, password = FIXTURE_PASSWORD): Promise<Session> => {
    const res = await ctx.http.post('/api/auth/login').send({ username, password });
    return withToken(ctx, expectStatus(res, 200, `login ${username}`).body.accessToken, username);
  };
  const loginStatus = async (username: string, password = FIXTURE_PASSWORD) => (await ctx.http.post('/api/auth/login').send({ username, password })).status;
  const meStatus = async (s: Session) => (await s.get('/api/me')).status;
  const auditOf = async (action: string, username: string) =>
    (
      await ctx.db.query<{ actor: string; data: Record<string, unknown> }>(
        `SELECT actor, data FROM audit_events WHERE action = $1 AND data->>'username' = $2 ORDER BY id`,
        [action, username],
      )
    ).rows;
  const noSecretIn = (rows: unknown[], ...secrets: string[]) => {
    const text = JSON.stringify(rows);
    for (const secret of [...secrets, '$argon2']) expect(text).not.toContain(secret);
  };

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    admin = await session(ctx, 'admin');
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('records sign-ins and failed sign-ins with the username and the address, never the password', async () => {
    const wrong = 'sai-mat-khau-bi-mat';
    expect(await loginStatus('btv.hung', wrong)).toBe(401);
    expect(await loginStatus('khong-co-ai', wrong)).toBe(401);
    await signIn('btv.hung');
    const failed = [...(await auditOf('auth.login_failed', 'btv.hung')), ...(await auditOf('auth.login_failed', 'khong-co-ai'))];
    expect(failed.map((e) => e.data)).toEqual([
      { username: 'btv.hung', address: expect.stringMatching(/127\.0\.0\.1/), reason: 'wrong_password' },
      { username: 'khong-co-ai', address: expect.stringMatching(/127\.0\.0\.1/), reason: 'unknown_user' },
    ]);
    const ok = await auditOf('auth.login', 'btv.hung');
    expect(ok.at(-1)).toEqual({
      actor: 'btv.hung',
      data: { username: 'btv.hung', address: expect.stringMatching(/127\.0\.0\.1/), sessionId: expect.any(String) },
    });
    noSecretIn([...failed, ...ok], wrong, FIXTURE_PASSWORD);
  });

  it('logout ends the calling session only, and is audited', async () => {
    const first = await signIn('btv.hung');
    const second = await signIn('btv.hung');
    expect((await first.post('/api/auth/logout')).status).toBe(204);
    expect(await meStatus(first)).toBe(401);
    expect(await meStatus(second)).toBe(200);
    expect((await first.post('/api/auth/logout')).status).toBe(401);
    expect((await ctx.http.post('/api/auth/logout')).status).toBe(401);
    const sid = JSON.parse(Buffer.from(first.token.split('.')[1], 'base64url').toString()).sid;
    expect((await auditOf('auth.logout', 'btv.hung')).map((e) => e.data)).toEqual([{ username: 'btv.hung', address: expect.any(String), sessionId: sid }]);
  });

  it('one’s own password change: the current one must be right, the new one different; then every session ends', async () => {
    const [a, b] = [await signIn('btv.mai'), await signIn('btv.mai')];
    const change = (body: object) => a.put('/api/me/password').send(body);
    const wrong = expectStatus(await change({ currentPassword: 'khong-dung-mat-khau', newPassword: 'mat-khau-moi-2025' }), 422);
    expect(wrong.body.message).toBe('Mật khẩu hiện tại không đúng.');
    expect(expectStatus(await change({ currentPassword: FIXTURE_PASSWORD, newPassword: FIXTURE_PASSWORD }), 422).body.message).toBe(
      'Mật khẩu mới phải khác mật khẩu hiện tại.',
    );
    for (const bad of [
      { currentPassword: FIXTURE_PASSWORD },
      { currentPassword: FIXTURE_PASSWORD, newPassword: 'ngan' },
      { currentPassword: FIXTURE_PASSWORD, newPassword: 12345678 },
      { currentPassword: FIXTURE_PASSWORD, newPassword: 'x'.repeat(201) },
    ]) {
      expectStatus(await change(bad), 400, JSON.stringify(bad));
    }
    // Refused, nothing changed: both sessions still work and the old password still signs in.
    expect([await meStatus(a), await meStatus(b), await loginStatus('btv.mai')]).toEqual([200, 200, 200]);

    expect((await change({ currentPassword: FIXTURE_PASSWORD, newPassword: 'mat-khau-moi-2025' })).status).toBe(204);
    expect([await meStatus(a), await meStatus(b)]).toEqual([401, 401]);
    expect(await loginStatus('btv.mai')).toBe(401);
    expect(await meStatus(await signIn('btv.mai', 'mat-khau-moi-2025'))).toBe(200);
    const audited = await auditOf('auth.password_change', 'btv.mai');
    expect(audited.map((e) => e.data)).toEqual([{ username: 'btv.mai', address: expect.any(String) }]);
    noSecretIn(audited, 'mat-khau-moi-2025', FIXTURE_PASSWORD);
  });

  it('an administrator’s reset ends the person’s sessions and is audited without the password', async () => {
    const lan = await signIn('tgv.lan');
    const reset = (username: string, body: object) => admin.put(`/api/users/${username}/password`).send(body);
    expectStatus(await reset('khong-co-ai', { password: 'mat-khau-tam-2025' }), 404);
    expectStatus(await reset('tgv.lan', { password: 'ngan' }), 400);
    expectStatus(await reset('tgv.lan', { password: 'mat-khau-tam-2025', extra: 1 }), 400);
    expectStatus(await (await session(ctx, 'btv.hung')).put('/api/users/tgv.lan/password').send({ password: 'mat-khau-tam-2025' }), 403);
    expect(await meStatus(lan)).toBe(200);

    expect((await reset('tgv.lan', { password: 'mat-khau-tam-2025' })).status).toBe(204);
    expect(await meStatus(lan)).toBe(401);
    expect(await loginStatus('tgv.lan')).toBe(401);
    expect(await loginStatus('tgv.lan', 'mat-khau-tam-2025')).toBe(200);
    const configuration = expectStatus(await admin.get('/api/audit/configuration?action=user.password_reset'), 200).body as { actor: string; data: object }[];
    expect(configuration.map(({ actor, data }) => ({ actor, data }))).toEqual([{ actor: 'admin', data: { username: 'tgv.lan' } }]);
    noSecretIn(configuration, 'mat-khau-tam-2025');
  });

  it('a deactivated user’s sessions end and they cannot sign in until reactivated; both audited with before and after', async () => {
    const tt = await signIn('kbnn-tt.bithu');
    expectStatus(await admin.post('/api/users/khong-co-ai/deactivate'), 404);
    const deactivated = expectStatus(await admin.post('/api/users/kbnn-tt.bithu/deactivate'), 200).body;
    expect(deactivated).toMatchObject({
      username: 'kbnn-tt.bithu',
      active: false,
      roles: expect.arrayContaining([expect.objectContaining({ unitCode: 'KBNN-TT', role: 'approver' })]),
    });
    expect(await meStatus(tt)).toBe(401);
    expect(await loginStatus('kbnn-tt.bithu')).toBe(401);
    expect((expectStatus(await admin.get('/api/users/kbnn-tt.bithu'), 200).body as { active: boolean }).active).toBe(false);
    const listed = expectStatus(await admin.get('/api/users?unit=KBNN-TT'), 200).body as { username: string; active: boolean }[];
    expect(listed.find((u) => u.username === 'kbnn-tt.bithu')?.active).toBe(false);
    // Asking again changes nothing and records nothing more.
    expectStatus(await admin.post('/api/users/kbnn-tt.bithu/deactivate'), 200);
    expect(await auditOf('user.deactivate', 'kbnn-tt.bithu')).toEqual([
      { actor: 'admin', data: { username: 'kbnn-tt.bithu', before: { active: true }, after: { active: false } } },
    ]);
    const failed = await auditOf('auth.login_failed', 'kbnn-tt.bithu');
    expect(failed.at(-1)?.data).toMatchObject({ reason: 'deactivated' });

    expect(expectStatus(await admin.post('/api/users/kbnn-tt.bithu/reactivate'), 200).body).toMatchObject({ active: true });
    expect(await meStatus(tt)).toBe(401); // the old session stays ended
    expect(await meStatus(await signIn('kbnn-tt.bithu'))).toBe(200);
    expect(await auditOf('user.reactivate', 'kbnn-tt.bithu')).toEqual([
      { actor: 'admin', data: { username: 'kbnn-tt.bithu', before: { active: false }, after: { active: true } } },
    ]);
    const shown = expectStatus(await admin.get('/api/audit/configuration?actor=admin'), 200).body as { action: string }[];
    expect(shown.map((e) => e.action)).toEqual(expect.arrayContaining(['user.deactivate', 'user.reactivate']));
  });

  it('removing a role ends the person’s sessions; adding one does not; the audit has the full lists before and after', async () => {
    const put = async (roles: object[]): Promise<Response> => admin.put('/api/users/kbnn-vp.bithu/roles').send({ roles });
    const before = await signIn('kbnn-vp.bithu');
    expectStatus(
      await put([
        { unit: 'KBNN-VP', role: 'approver' },
        { unit: 'KBNN-VP', role: 'drafter' },
        { unit: 'KBNN', role: 'drafter' },
      ]),
      200,
    );
    expect(await meStatus(before)).toBe(200);
    expectStatus(
      await put([
        { unit: 'KBNN-VP', role: 'drafter' },
        { unit: 'KBNN', role: 'drafter' },
      ]),
      200,
    );
    expect(await meStatus(before)).toBe(401);
    const after = await signIn('kbnn-vp.bithu');
    expect((expectStatus(await after.get('/api/me'), 200).body.roles as { unitCode: string; role: string }[]).map((r) => `${r.unitCode}:${r.role}`)).toEqual([
      'KBNN:drafter',
      'KBNN-VP:drafter',
    ]);
    const changes = (
      await ctx.db.query<{ data: object }>(`SELECT data FROM audit_events WHERE action = 'roles.change' AND data->>'username' = 'kbnn-vp.bithu' ORDER BY id`)
    ).rows;
    expect(changes.map((c) => c.data)).toEqual([
      {
        username: 'kbnn-vp.bithu',
        before: [
          { unit: 'KBNN-VP', role: 'approver' },
          { unit: 'KBNN-VP', role: 'drafter' },
        ],
        after: [
          { unit: 'KBNN', role: 'drafter' },
          { unit: 'KBNN-VP', role: 'approver' },
          { unit: 'KBNN-VP', role: 'drafter' },
        ],
        changes: 1,
      },
      {
        username: 'kbnn-vp.bithu',
        before: [
          { unit: 'KBNN', role: 'drafter' },
          { unit: 'KBNN-VP', role: 'approver' },
          { unit: 'KBNN-VP', role: 'drafter' },
        ],
        after: [
          { unit: 'KBNN', role: 'drafter' },
          { unit: 'KBNN-VP', role: 'drafter' },
        ],
        changes: 1,
      },
    ]);
  });
});
