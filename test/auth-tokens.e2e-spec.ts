import { createHmac, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { installationSecret } from '@app/dal';
import { login } from './support/api';
import { importFixture } from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';

/**
 * The signing secret and the tokens the API accepts. No JWT_SECRET is set here (as on a development
 * machine): the engine generated one for this installation and keeps it in installation_secrets.
 * Tokens are forged with that secret, so every refusal below is for the claims, not the signature.
 */
describe('auth tokens: the installation’s secret, and what a validly signed token must carry', () => {
  let ctx: E2eContext;
  let secret: string;
  let adminToken: string;
  let claims: { sub: string; username: string; sid: string; tv: number; iat: number; exp: number };

  const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const sign = (payload: object, key = secret, header: object = { alg: 'HS256', typ: 'JWT' }) => {
    const unsigned = `${encode(header)}.${encode(payload)}`;
    return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
  };
  const me = (token: string) => ctx.http.get('/api/me').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    delete process.env.JWT_SECRET;
    ctx = await startE2e();
    await importFixture(ctx);
    adminToken = await login(ctx, 'admin');
    claims = JSON.parse(Buffer.from(adminToken.split('.')[1], 'base64url').toString());
    secret = (await ctx.db.query<{ value: string }>(`SELECT value FROM installation_secrets WHERE name = 'jwt-signing-secret'`)).rows[0]?.value;
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('signs with a random secret generated for this installation and kept in its database', async () => {
    expect(secret).toEqual(expect.any(String));
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(secret).not.toBe('tong-ket-development-secret-change-me');
    // The login's token is signed with exactly that secret.
    const [head, body, signature] = adminToken.split('.');
    expect(createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')).toBe(signature);
    expect(claims).toMatchObject({ username: 'admin', sid: expect.any(String), tv: 0, exp: expect.any(Number) });
  });

  it('keeps one secret however many processes start for the first time together', async () => {
    const db = ctx.api.get(DataSource);
    const name = `race-${randomUUID()}`;
    const values = await Promise.all(Array.from({ length: 8 }, () => installationSecret(db, name)));
    expect(new Set(values).size).toBe(1);
    expect((await ctx.db.query(`SELECT 1 FROM installation_secrets WHERE name = $1`, [name])).rows).toHaveLength(1);
    expect(await installationSecret(db, 'jwt-signing-secret')).toBe(secret);
  });

  it('accepts a token with every claim, signed with the secret', async () => {
    expect((await me(sign({ ...claims, iat: Math.floor(Date.now() / 1000) }))).status).toBe(200);
  });

  it('refuses with 401 a validly signed token without exp, with a subject or session that is not a UUID, or from before sessions', async () => {
    const { exp: _exp, ...noExp } = claims;
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string][] = [
      ['no exp', sign(noExp)],
      ['subject "admin"', sign({ ...claims, sub: 'admin' })],
      ['subject 42', sign({ ...claims, sub: 42 })],
      ['subject with SQL', sign({ ...claims, sub: "' OR 1=1 --" })],
      ['session not a UUID', sign({ ...claims, sid: 'abc' })],
      ['no session (a token of the old shape)', sign({ sub: claims.sub, username: 'admin', iat: now, exp: now + 3600 })],
      ['an unknown session', sign({ ...claims, sid: randomUUID() })],
      ['another token version', sign({ ...claims, tv: claims.tv + 1 })],
      ['a token version beyond an integer', sign({ ...claims, tv: 2 ** 40 })],
      ['the session of another user', sign({ ...claims, sub: randomUUID() })],
    ];
    for (const [what, token] of cases) {
      const res = await me(token);
      expect({ what, status: res.status, body: res.body }).toMatchObject({ what, status: 401, body: { statusCode: 401 } });
    }
  });

  it('keeps refusing alg=none, expired tokens and other keys', async () => {
    const past = Math.floor(Date.now() / 1000) - 60;
    const unsignedNone = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
    const cases: [string, string][] = [
      ['alg none', unsignedNone],
      ['alg none signed anyway', sign(claims, secret, { alg: 'none', typ: 'JWT' })],
      ['expired', sign({ ...claims, iat: past - 3600, exp: past })],
      ['another key', sign(claims, 'not-the-engine-secret-at-all-0123456789')],
      [
        'HS512',
        `${encode({ alg: 'HS512', typ: 'JWT' })}.${encode(claims)}.${createHmac('sha512', secret)
          .update(`${encode({ alg: 'HS512', typ: 'JWT' })}.${encode(claims)}`)
          .digest('base64url')}`,
      ],
    ];
    for (const [what, token] of cases) {
      const res = await me(token);
      expect({ what, status: res.status }).toEqual({ what, status: 401 });
    }
  });
});
