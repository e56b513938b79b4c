import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendAuditEvents, endSessionsOf, inTransaction, lockUserActiveState, setUserActive } from '@app/dal';
import { notFound } from '@app/domain';
import { Actor } from '../common/actor';
import { assertAnAdminRemains } from './admin-remains';
import { UsersService } from './users.service';

/**
 * Whether a person may sign in at all. Deactivating ends their sessions at once and keeps them out
 * until an administrator reactivates them; their roles and history stay. Never the last active
 * administrator. Asking for the state a user is already in changes (and audits) nothing.
 */
@Injectable()
export class UserAccounts {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
  ) {}

  async deactivate(username: string, actor: Actor) {
    return this.setActive(username, false, actor);
  }

  async reactivate(username: string, actor: Actor) {
    return this.setActive(username, true, actor);
  }

  private async setActive(username: string, active: boolean, actor: Actor) {
    await inTransaction(this.db, async (em) => {
      const user = await lockUserActiveState(em, username);
      if (!user) throw notFound('User', username);
      if (user.active === active) return;
      await setUserActive(em, user.id, active);
      if (!active) await endSessionsOf(em, [user.id]);
      await appendAuditEvents(em, [
        {
          actorId: actor.id,
          actor: actor.username,
          action: active ? 'user.reactivate' : 'user.deactivate',
          data: { username, before: { active: user.active }, after: { active } },
        },
      ]);
      if (!active) await assertAnAdminRemains(em);
    });
    return this.users.get(username);
  }
}
