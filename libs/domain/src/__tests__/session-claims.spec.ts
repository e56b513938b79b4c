import { sessionClaimsOf } from '../session-claims';

describe('sessionClaimsOf', () => {
  const good = {
    sub: '0b6f5c8e-3f55-4b8e-9d0c-4a1e2f3b4c5d',
    sid: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    tv: 0,
    exp: 1_900_000_000,
    iat: 1_899_990_000,
    username: 'admin',
  };

  it('reads the user, the session, the token version and the expiry', () => {
    expect(sessionClaimsOf(good)).toEqual({ userId: good.sub, sessionId: good.sid, tokenVersion: 0, expiresAt: 1_900_000_000 });
    expect(sessionClaimsOf({ ...good, tv: 7 })?.tokenVersion).toBe(7);
  });

  it('refuses a token that would never expire', () => {
    const { exp: _exp, ...noExp } = good;
    expect(sessionClaimsOf(noExp)).toBeNull();
    expect(sessionClaimsOf({ ...good, exp: '1900000000' })).toBeNull();
    expect(sessionClaimsOf({ ...good, exp: null })).toBeNull();
  });

  it('refuses subjects and sessions that are not UUIDs', () => {
    for (const sub of ['admin', '1', '', "' OR 1=1 --", `${good.sub}x`, 42, null, undefined]) expect(sessionClaimsOf({ ...good, sub })).toBeNull();
    for (const sid of ['abc', '', 7, undefined]) expect(sessionClaimsOf({ ...good, sid })).toBeNull();
  });

  it('refuses tokens from before sessions existed (no sid, no tv) and odd versions', () => {
    expect(sessionClaimsOf({ sub: good.sub, username: 'admin', exp: good.exp })).toBeNull();
    for (const tv of [-1, 1.5, '0', Number.NaN, 2 ** 31, undefined]) expect(sessionClaimsOf({ ...good, tv })).toBeNull();
  });

  it('refuses what is no object', () => {
    for (const payload of [null, undefined, 'token', 3, []]) expect(sessionClaimsOf(payload)).toBeNull();
  });
});
