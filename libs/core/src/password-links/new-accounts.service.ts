import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { appendAuditEvents, insertUserUnlessTaken, inTransaction } from '@app/dal';
import { conflict } from '@app/domain';
import { Actor } from '../common/actor';
import { UsersService } from '../org/users.service';
import { OutboxRelay } from '../queue/outbox-relay.service';
import { NO_PASSWORD_YET } from './no-password-yet';
import { issuePasswordLinks } from './password-links';

export interface NewAccount {
  username: string;
  fullName: string;
  email: string;
}

/**
 * One person added by an administrator, without a password: they get a set-password link by e-mail,
 * as a person of an import without a password does. Roles and positions are given afterwards, where
 * a change of roles reaches the stages under way. A username already taken is a 409: adding never
 * changes someone who exists.
 */
@Injectable()
export class NewAccounts {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly outbox: OutboxRelay,
    private readonly config: AppConfig,
  ) {}

  async create(account: NewAccount, actor: Actor) {
    const outboxIds = await inTransaction(this.db, async (em) => {
      const createdId = await insertUserUnlessTaken(em, { ...account, passwordHash: NO_PASSWORD_YET });
      if (!createdId) throw conflict(`Tên đăng nhập ${account.username} đã có người dùng; hãy chọn tên khác`);
      await appendAuditEvents(em, [{ actorId: actor.id, actor: actor.username, action: 'user.create', data: { ...account } }]);
      return issuePasswordLinks(em, { userIds: [createdId], reason: 'new_account', requestedBy: actor.username });
    });
    await this.outbox.relaySoon(outboxIds);
    return { ...(await this.users.get(account.username)), setPasswordLink: { email: account.email, expiresInDays: this.config.SET_PASSWORD_LINK_DAYS } };
  }
}
