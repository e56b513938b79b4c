import { expectStatus, Session, withToken } from './support/api';
import { importFixture } from './support/factories';
import { E2eContext, FIXTURE_PASSWORD, startE2e, stopE2e } from './support/harness';
import { waitFor } from './kit/poll';

/**
 * The API answers a confirmed session from memory (no query per request), yet whatever ends a
 * session reaches it at commit: the triggers on users and user_sessions notify, the API forgets.
 * Shown from outside the engine, with an operator's own SQL, so no code path of the engine helps.
 */
describe('checked sessions: answered from memory, forgotten at every revocation', () => {
  let ctx: E2eContext;

  const signIn = async (username: string): Promise<Session> => {
    const res = await ctx.http.post('/api/auth/login').send({ username, password: FIXTURE_PASSWORD });
    return withToken(ctx, expectStatus(res, 200, `login ${username}`).body.accessToken, username);
  };
  const sessionIdOf = (s: Session): string => JSON.parse(Buffer.from(s.token.split('.')[1], 'base64url').toString()).sid;
  const meStatus = async (s: Session) => (await s.get('/api/me')).status;
  /** Runs SQL with the session triggers off, as if nobody were told: what only the cache can answer. */
  const unheard = async (sql: string, params: unknown[]) => {
    await ctx.db.query('BEGIN');
    await ctx.db.query('ALTER TABLE user_sessions DISABLE TRIGGER USER');
    await ctx.db.query('ALTER TABLE users DISABLE TRIGGER USER');
    await ctx.db.query(sql, params);
    await ctx.db.query('ALTER TABLE users ENABLE TRIGGER USER');
    await ctx.db.query('ALTER TABLE user_sessions ENABLE TRIGGER USER');
    await ctx.db.query('COMMIT');
  };
  const listening = async () =>
    (await ctx.db.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'`, [`tongket-revocations:${ctx.env.schema}`]))
      .rowCount === 1;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('a confirmed session is answered from memory: a change nobody is told of goes unseen', async () => {
    const s = await signIn('btv.hung');
    expect(await meStatus(s)).toBe(200);
    await waitFor(listening, { what: 'the API listening for revocations' });
    expect(await meStatus(s)).toBe(200);
    await unheard(`UPDATE user_sessions SET ended_at = now() WHERE id = $1`, [sessionIdOf(s)]);
    expect(await meStatus(s)).toBe(200);
    // Told, it forgets: the same statement with the trigger on.
    await ctx.db.query(`UPDATE user_sessions SET ended_at = NULL WHERE id = $1`, [sessionIdOf(s)]);
    await ctx.db.query(`UPDATE user_sessions SET ended_at = now() WHERE id = $1`, [sessionIdOf(s)]);
    await waitFor(async () => (await meStatus(s)) === 401, { timeoutMs: 2_000, what: 'the ended session refused' });
  });

  it('an operator deactivating a person in SQL ends their sessions in the API at once', async () => {
    const s = await signIn('btv.mai');
    expect(await meStatus(s)).toBe(200);
    await waitFor(listening, { what: 'the API listening for revocations' });
    expect(await meStatus(s)).toBe(200);
    await ctx.db.query(`UPDATE users SET active = false WHERE username = 'btv.mai'`);
    await waitFor(async () => (await meStatus(s)) === 401, { timeoutMs: 2_000, what: 'the deactivated user refused' });
    await ctx.db.query(`UPDATE users SET active = true WHERE username = 'btv.mai'`);
    expect(await meStatus(s)).toBe(200);
  });

  it('losing the channel of notices forgets every session kept: the next request asks the database', async () => {
    const s = await signIn('tgv.lan');
    expect(await meStatus(s)).toBe(200);
    await waitFor(listening, { what: 'the API listening for revocations' });
    expect(await meStatus(s)).toBe(200);
    await ctx.db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [`tongket-revocations:${ctx.env.schema}`]);
    await unheard(`UPDATE user_sessions SET ended_at = now() WHERE id = $1`, [sessionIdOf(s)]);
    await waitFor(async () => (await meStatus(s)) === 401, { timeoutMs: 2_000, what: 'the session checked in the database again' });
    // And it listens again on its own.
    await waitFor(listening, { what: 'the API listening again' });
  });
});
