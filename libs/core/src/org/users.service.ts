import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  deleteUnitRolesOfUser,
  endSessionsOf,
  findUserWithRoles,
  insertUnitRolesOfUser,
  inTransaction,
  listUsersWithRoles,
  lockUserIdByUsername,
  RoleByUnitCode,
  roleKeysOfUser,
  roleListOfUser,
  unitIdsByCode,
} from '@app/dal';
import { foldForSearch, invalid, notFound, Role, SQL_SEARCH_FOLD } from '@app/domain';
import { Actor } from '../common/actor';
import { assertAnAdminRemains } from './admin-remains';
import { ApproverSync, RoleChange } from './approver-sync.service';

/** Users per page of GET /api/users when the caller names none, and the most it may ask for. */
export const USER_PAGE_DEFAULT = 1000;
export const USER_PAGE_MAX = 5000;

export interface UserListFilter {
  /** Only users with a role on this unit code. */
  unit?: string;
  /** Only users whose full name or username holds every word, diacritics and case ignored ("dang" finds "Đặng"). */
  q?: string;
  limit?: number;
  offset?: number;
}

/** People, their roles and their positions, for administrators. A role change reaches the stages under way. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly approvers: ApproverSync,
  ) {}

  /** A page of users by username, optionally only those with a role on one unit, or matching a search. */
  async list(filter: UserListFilter = {}) {
    const limit = Math.min(Math.max(filter.limit ?? USER_PAGE_DEFAULT, 1), USER_PAGE_MAX);
    const words = foldForSearch(filter.q ?? '')
      .split(' ')
      .filter(Boolean);
    return listUsersWithRoles(this.db, {
      unit: filter.unit ?? null,
      limit,
      offset: Math.max(filter.offset ?? 0, 0),
      words,
      fold: SQL_SEARCH_FOLD,
    });
  }

  /** One user with their roles, looked up by username, however many users there are. */
  async get(username: string) {
    const user = await findUserWithRoles(this.db, username);
    if (!user) throw notFound('User', username);
    return user;
  }

  /**
   * Replaces a user's roles; open stages that pick people by a changed role follow at once. Losing a
   * role ends the person's sessions (they sign in again with what they now hold). Refused (422) when
   * it would leave no active administrator. Audited with the full role lists before and after.
   */
  async replaceRoles(username: string, roles: { unit: string; role: Role }[], actor: Actor) {
    const outcome = await inTransaction(this.db, async (em) => {
      const userId = await lockUserIdByUsername(em, username);
      if (!userId) throw notFound('User', username);
      const user = { id: userId };
      const units = await this.unitIds(
        em,
        roles.map((r) => r.unit),
      );
      const before = await this.roleList(em, user.id);
      const wanted = roles.map((r) => ({ unitId: units.get(r.unit)!, role: r.role }));
      const current = await roleKeysOfUser(em, user.id);
      const key = (unitId: string | null, role: string) => `${unitId}:${role}`;
      const wantedKeys = new Set(wanted.map((w) => key(w.unitId, w.role)));
      const currentKeys = new Set(current.map((c) => key(c.unit_id, c.role)));
      const changes: RoleChange[] = [
        ...current
          .filter((c) => !wantedKeys.has(key(c.unit_id, c.role)) && c.unit_id)
          .map((c) => ({ userId: user.id, unitId: c.unit_id!, role: c.role, change: 'removed' as const })),
        ...wanted
          .filter((w) => !currentKeys.has(key(w.unitId, w.role)))
          .map((w) => ({ userId: user.id, unitId: w.unitId, role: w.role, change: 'added' as const })),
      ];
      await deleteUnitRolesOfUser(em, user.id);
      await insertUnitRolesOfUser(
        em,
        user.id,
        wanted.map((w) => w.unitId),
        wanted.map((w) => w.role),
      );
      if (changes.some((c) => c.change === 'removed')) await endSessionsOf(em, [user.id]);
      const after = await this.roleList(em, user.id);
      await appendAuditEvents(em, [
        { actorId: actor.id, actor: actor.username, action: 'roles.change', data: { username, before, after, changes: changes.length } },
      ]);
      const synced = await this.approvers.sync(em, changes, actor);
      await assertAnAdminRemains(em);
      return synced;
    });
    await this.approvers.afterCommit(outcome);
    return { ...(await this.get(username)), tasksCreated: outcome.createdTaskIds.length, stagesRedecided: outcome.redecide.length };
  }

  /** A user's roles as the audit trail shows them: unit code (null for the global admin role) and role. */
  private async roleList(em: EntityManager, userId: string): Promise<RoleByUnitCode[]> {
    return roleListOfUser(em, userId);
  }

  private async unitIds(em: EntityManager, codes: string[]): Promise<Map<string, string>> {
    const rows = await unitIdsByCode(em, codes);
    const unknown = [...new Set(codes)].filter((c) => !rows.some((r) => r.code === c));
    if (unknown.length) throw invalid(`roles: unknown unit codes ${unknown.join(', ')}`);
    return new Map(rows.map((r) => [r.code, r.id]));
  }
}
