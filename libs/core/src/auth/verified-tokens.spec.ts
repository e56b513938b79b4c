import { SessionClaims } from '@app/domain';
import { VerifiedTokens } from './verified-tokens';

const claims = (over: Partial<SessionClaims> = {}): SessionClaims => ({
  userId: 'u1',
  sessionId: 's1',
  tokenVersion: 0,
  expiresAt: 2_000,
  ...over,
});

describe('VerifiedTokens', () => {
  it('answers the claims of a token verified before, by the exact string', () => {
    const tokens = new VerifiedTokens(() => 1_000_000);
    tokens.keep('a.b.c', claims());
    expect(tokens.find('a.b.c')).toEqual(claims());
    expect(tokens.find('a.b.d')).toBeNull();
  });

  it('forgets a token once it expires, so the signature check refuses it again', () => {
    let now = 1_999_999;
    const tokens = new VerifiedTokens(() => now);
    tokens.keep('a.b.c', claims());
    expect(tokens.find('a.b.c')).not.toBeNull();
    now = 2_000_000;
    expect(tokens.find('a.b.c')).toBeNull();
    expect(tokens.size).toBe(0);
  });

  it('keeps at most ten thousand, dropping the oldest first', () => {
    const tokens = new VerifiedTokens(() => 0);
    for (let i = 0; i <= 10_000; i++) tokens.keep(`t${i}`, claims());
    expect(tokens.size).toBe(10_000);
    expect(tokens.find('t0')).toBeNull();
    expect(tokens.find('t1')).not.toBeNull();
    expect(tokens.find('t10000')).not.toBeNull();
  });
});
