import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import {
  appendAuditEvents,
  endSessionsOf,
  findUsablePasswordLinkId,
  inTransaction,
  lockUserLinkRecipient,
  revokeOtherPasswordLinks,
  setUserPasswordHash,
  usePasswordLink,
} from '@app/dal';
import { conflict, invalid, notFound } from '@app/domain';
import { LoginThrottle } from '../auth/login-throttle';
import { Actor } from '../common/actor';
import { PasswordGate } from '../common/password-gate.service';
import { OutboxRelay } from '../queue/outbox-relay.service';
import { passwordLinkTokenHash } from './password-link-token';
import { issuePasswordLinks } from './password-links';

/** One answer for a token that is wrong, used, expired, revoked, or whose person was deactivated: it tells a guesser nothing. */
export const UNUSABLE_LINK =
  'Liên kết đặt mật khẩu không dùng được: liên kết không đúng, đã được dùng hoặc đã hết hạn. Đề nghị quản trị viên gửi liên kết mới.';

/**
 * A person sets their own password from the link they got by e-mail (public: the token is the proof),
 * and an administrator sends someone a new link. Setting the password uses the link up, revokes the
 * person's other links and ends their sessions; both steps are audited, never with the token or the
 * password.
 */
@Injectable()
export class SetPasswords {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly throttle: LoginThrottle,
    private readonly passwords: PasswordGate,
    private readonly outbox: OutboxRelay,
    private readonly config: AppConfig,
  ) {}

  async setPassword(token: string, password: string, address = 'unknown'): Promise<void> {
    // Unusable links count with the failed logins of the address (LOGIN_MAX_FAILURES_PER_ADDRESS), whatever the token.
    await this.throttle.assertAddressAllowed(address);
    const tokenHash = passwordLinkTokenHash(token);
    const linkId = await findUsablePasswordLinkId(this.db, tokenHash);
    if (!linkId) return this.refuse(address);
    // Hashed before the transaction: argon2 is deliberately slow and must not hold locks.
    const passwordHash = await this.passwords.hash(password);
    const used = await inTransaction(this.db, async (em) => {
      const row = await usePasswordLink(em, linkId);
      if (!row) return null;
      await setUserPasswordHash(em, row.user_id, passwordHash);
      await endSessionsOf(em, [row.user_id]);
      await revokeOtherPasswordLinks(em, row.user_id, linkId);
      await appendAuditEvents(em, [
        {
          actorId: row.user_id,
          actor: row.username,
          action: 'auth.set_password',
          data: { username: row.username, address, linkId, reason: row.reason },
        },
      ]);
      return row;
    });
    if (!used) return this.refuse(address);
  }

  /** An administrator sends a person a new link (a lost or expired one); older ones stop working. */
  async sendNewLink(username: string, actor: Actor): Promise<{ username: string; email: string; expiresInDays: number }> {
    const { email, outboxIds } = await inTransaction(this.db, async (em) => {
      const user = await lockUserLinkRecipient(em, username);
      if (!user) throw notFound('User', username);
      if (!user.active) throw conflict(`Tài khoản ${username} đang bị khóa; hãy mở lại tài khoản trước khi gửi liên kết đặt mật khẩu`);
      const ids = await issuePasswordLinks(em, { userIds: [user.id], reason: 'new_link', requestedBy: actor.username });
      await appendAuditEvents(em, [{ actorId: actor.id, actor: actor.username, action: 'user.set_password_link', data: { username, email: user.email } }]);
      return { email: user.email, outboxIds: ids };
    });
    await this.outbox.relaySoon(outboxIds);
    return { username, email, expiresInDays: this.config.SET_PASSWORD_LINK_DAYS };
  }

  private async refuse(address: string): Promise<never> {
    await this.throttle.failedFromAddress(address);
    await appendAuditEvents(this.db.manager, [{ actorId: null, actor: 'anonymous', action: 'auth.set_password_failed', data: { address } }]);
    throw invalid(UNUSABLE_LINK);
  }
}
