import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { appendAuditEvents, endSessionsOf, inTransaction, lockUserIdByUsername, passwordHashOfUser, setUserPasswordHash, usernameExists } from '@app/dal';
import { notFound, refused } from '@app/domain';
import { Actor } from '../common/actor';
import { PasswordGate } from '../common/password-gate.service';
import { LoginThrottle } from './login-throttle';

/**
 * Password changes: one's own (knowing the current one) and an administrator's reset. Either ends
 * every session of the person at once, so a token taken with the old password stops working.
 * The audit trail records that the password changed, never the password or its hash.
 */
@Injectable()
export class PasswordsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly throttle: LoginThrottle,
    private readonly passwords: PasswordGate,
  ) {}

  /**
   * The caller changes their own password. A wrong current password counts as a failed login (a
   * stolen token must not become a way to guess the password) and is refused with 422.
   */
  async changeOwn(actor: Actor, currentPassword: string, newPassword: string, address = 'unknown'): Promise<void> {
    await this.throttle.assertAllowed(actor.username, address);
    const storedHash = await passwordHashOfUser(this.db, actor.id);
    if (storedHash === undefined) throw notFound('User', actor.username);
    if (!(await this.passwords.verify(storedHash, currentPassword))) {
      await this.throttle.failed(actor.username, address);
      throw refused('Mật khẩu hiện tại không đúng.');
    }
    if (newPassword === currentPassword) throw refused('Mật khẩu mới phải khác mật khẩu hiện tại.');
    // Hashed before the transaction: argon2 is deliberately slow and must not hold locks.
    const passwordHash = await this.passwords.hash(newPassword);
    await inTransaction(this.db, async (em) => {
      await this.replaceHash(em, actor.id, passwordHash);
      await appendAuditEvents(em, [{ actorId: actor.id, actor: actor.username, action: 'auth.password_change', data: { username: actor.username, address } }]);
    });
  }

  /** An administrator sets someone's password (a forgotten one, or a leaked one). */
  async reset(username: string, password: string, actor: Actor): Promise<void> {
    if (!(await usernameExists(this.db, username))) throw notFound('User', username);
    const passwordHash = await this.passwords.hash(password);
    await inTransaction(this.db, async (em) => {
      const userId = await lockUserIdByUsername(em, username);
      if (!userId) throw notFound('User', username);
      await this.replaceHash(em, userId, passwordHash);
      await appendAuditEvents(em, [{ actorId: actor.id, actor: actor.username, action: 'user.password_reset', data: { username } }]);
    });
  }

  private async replaceHash(em: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await setUserPasswordHash(em, userId, passwordHash);
    await endSessionsOf(em, [userId]);
  }
}
