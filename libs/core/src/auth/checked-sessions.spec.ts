import { SessionClaims } from '@app/domain';
import { CheckedSessions } from './checked-sessions';

const claims = (over: Partial<SessionClaims> = {}): SessionClaims => ({
  userId: 'u1',
  sessionId: 's1',
  tokenVersion: 0,
  expiresAt: 2_000_000_000,
  ...over,
});

function listening(now = () => 1_000_000): CheckedSessions {
  const checked = new CheckedSessions(now);
  checked.heard(true);
  return checked;
}

describe('CheckedSessions', () => {
  it('answers a confirmed session from memory, only for the same user and token version', () => {
    const checked = listening();
    checked.keep(checked.ticket(), claims(), 'ana');
    expect(checked.find(claims())).toEqual({ id: 'u1', username: 'ana' });
    expect(checked.find(claims({ tokenVersion: 1 }))).toBeNull();
    // The mismatch dropped it: even the old claims ask the database again.
    expect(checked.find(claims())).toBeNull();
  });

  it('keeps nothing and answers nothing while revocation notices are not heard', () => {
    const checked = new CheckedSessions();
    checked.keep(checked.ticket(), claims(), 'ana');
    expect(checked.find(claims())).toBeNull();
    checked.heard(true);
    checked.keep(checked.ticket(), claims(), 'ana');
    checked.heard(false);
    expect(checked.find(claims())).toBeNull();
    checked.heard(true);
    expect(checked.find(claims())).toBeNull();
  });

  it('forgets an ended session, and every session of a changed user', () => {
    const checked = listening();
    checked.keep(checked.ticket(), claims(), 'ana');
    checked.keep(checked.ticket(), claims({ sessionId: 's2' }), 'ana');
    checked.keep(checked.ticket(), claims({ userId: 'u2', sessionId: 's3' }), 'binh');
    checked.forgetSession('s1');
    expect(checked.find(claims())).toBeNull();
    expect(checked.find(claims({ sessionId: 's2' }))).not.toBeNull();
    checked.forgetUser('u1');
    expect(checked.find(claims({ sessionId: 's2' }))).toBeNull();
    expect(checked.find(claims({ userId: 'u2', sessionId: 's3' }))).toEqual({ id: 'u2', username: 'binh' });
    expect(checked.size).toBe(1);
  });

  it('never stores an answer whose check began before a notice: it may predate the revocation', () => {
    const checked = listening();
    const ticket = checked.ticket();
    checked.forgetUser('u9');
    checked.keep(ticket, claims(), 'ana');
    expect(checked.find(claims())).toBeNull();
  });

  it('asks the database again after five minutes, and never past the token expiry', () => {
    let now = 1_000_000;
    const checked = listening(() => now);
    checked.keep(checked.ticket(), claims(), 'ana');
    now += 5 * 60_000 - 1;
    expect(checked.find(claims())).not.toBeNull();
    now += 1;
    expect(checked.find(claims())).toBeNull();
    checked.keep(checked.ticket(), claims({ expiresAt: now / 1000 + 10 }), 'ana');
    now += 10_000;
    expect(checked.find(claims({ expiresAt: now / 1000 }))).toBeNull();
  });
});
