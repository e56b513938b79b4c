import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { appendAuditEvents, endSession, findLoginUser, findOpenSessionUser, findUserProfile, inTransaction, startSession } from '@app/dal';
import { DomainError, notFound, SessionClaims, sessionClaimsOf } from '@app/domain';
import { Actor } from '../common/actor';
import { PasswordGate } from '../common/password-gate.service';
import { hasPasswordSet } from '../password-links/no-password-yet';
import { LoginThrottle } from './login-throttle';
import { SessionRevocations } from './session-revocations';
import { VerifiedTokens } from './verified-tokens';

/** A constant hash to verify against for unknown usernames, so timing does not reveal who exists. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2mD4sQvPr6aVP3K0bvCzz2n4d7v2E2vH4uX0fI9aH5U';

/** Why a login was refused, for the audit trail only: the caller always hears the same 401. */
type LoginRefusal = 'unknown_user' | 'wrong_password' | 'deactivated';

/**
 * Sign-in, sign-out and the check of every request's token. A token is good while its session
 * (`sid`) is open, its user active and the user's token version (`tv`) unchanged: one indexed query.
 */
@Injectable()
export class AuthService {
  private readonly verified = new VerifiedTokens();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly passwordCheck: PasswordGate,
    private readonly revocations: SessionRevocations,
  ) {}

  async login(username: string, password: string, address = 'unknown') {
    await this.throttle.assertAllowed(username, address);
    const user = await findLoginUser(this.db, username);
    // Someone yet to set their password is checked against the dummy hash: the same time as any wrong password.
    const ok = await this.passwordCheck.verify(hasPasswordSet(user?.password_hash) ? user.password_hash : DUMMY_HASH, password);
    const refusal: LoginRefusal | null = !user ? 'unknown_user' : !ok ? 'wrong_password' : !user.active ? 'deactivated' : null;
    if (refusal || !user) {
      await this.throttle.failed(username, address);
      await appendAuditEvents(this.db.manager, [
        { actorId: null, actor: 'anonymous', action: 'auth.login_failed', data: { username, address, reason: refusal } },
      ]);
      throw new DomainError('UNAUTHENTICATED', 'Wrong username or password');
    }
    await this.throttle.succeeded(username, address);
    const sessionId = randomUUID();
    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username, sid: sessionId, tv: user.token_version });
    const { exp } = this.jwt.decode<{ exp: number }>(accessToken);
    await inTransaction(this.db, async (em) => {
      await startSession(em, { id: sessionId, userId: user.id, address, expiresAt: new Date(exp * 1000) });
      await appendAuditEvents(em, [{ actorId: user.id, actor: user.username, action: 'auth.login', data: { username: user.username, address, sessionId } }]);
    });
    return { accessToken, user: await this.me(user.id) };
  }

  /** Ends the caller's own session; their other sessions (another browser) go on. */
  async logout(actor: Actor, address = 'unknown'): Promise<void> {
    const sessionId = actor.sessionId;
    if (!sessionId) return;
    await inTransaction(this.db, async (em) => {
      if (!(await endSession(em, sessionId))) return;
      await appendAuditEvents(em, [
        { actorId: actor.id, actor: actor.username, action: 'auth.logout', data: { username: actor.username, address, sessionId } },
      ]);
    });
    // Forgotten here as soon as it is committed; other API processes hear of it from the trigger.
    this.revocations.checked.forgetSession(sessionId);
  }

  /**
   * Verifies a bearer token, then that its session is open, its user active and its version current:
   * from the database once, then from the sessions this process has confirmed, which every revocation
   * clears at its commit (SessionRevocations); a request then costs no query.
   */
  async actorOf(token: string): Promise<Actor> {
    const claims = this.verified.find(token) ?? (await this.verify(token));
    const checked = this.revocations.checked;
    const kept = checked.find(claims);
    if (kept) return { ...kept, sessionId: claims.sessionId };
    this.revocations.listen();
    const ticket = checked.ticket();
    const user = await findOpenSessionUser(this.db, claims);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'This session has ended; sign in again');
    checked.keep(ticket, claims, user.username);
    return { id: user.id, username: user.username, sessionId: claims.sessionId };
  }

  /** The token's claims once its signature and expiry are checked; remembered for the next request with it. */
  private async verify(token: string): Promise<SessionClaims> {
    const claims = sessionClaimsOf(await this.jwt.verifyAsync<object>(token).catch(() => null));
    if (!claims) throw new DomainError('UNAUTHENTICATED', 'Invalid or expired token');
    this.verified.keep(token, claims);
    return claims;
  }

  async me(userId: string) {
    const user = await findUserProfile(this.db, userId);
    if (!user) throw notFound('User', userId);
    return user;
  }
}
