import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { appendAuditEvents, endSessionsOf, inTransaction } from '@app/dal';
import { foldForSearch, invalid, notFound, Role, SQL_SEARCH_FOLD } from '@app/domain';
import { Actor } from '../common/actor';
import { POSITIONS_JSON } from '../positions/position-assignments';
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

const USER_SELECT = `
  SELECT u.id, u.username, u.full_name AS "fullName", u.email, u.active,
         COALESCE(json_agg(json_build_object('unitId', r.unit_id, 'unitCode', o.code, 'role', r.role) ORDER BY o.code, r.role)
                  FILTER (WHERE r.id IS NOT NULL), '[]') AS roles,
         ${POSITIONS_JSON} AS positions
    FROM users u LEFT JOIN role_assignments r ON r.user_id = u.id LEFT JOIN org_units o ON o.id = r.unit_id`;

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
    return this.db.query(
      `${USER_SELECT}
        WHERE ($1::varchar IS NULL OR EXISTS (SELECT 1 FROM role_assignments x JOIN org_units y ON y.id = x.unit_id WHERE x.user_id = u.id AND y.code = $1))
          AND NOT EXISTS (SELECT 1 FROM unnest($4::text[]) w WHERE position(w IN lower(translate(u.full_name || ' ' || u.username, $5, $6))) = 0)
        GROUP BY u.id ORDER BY u.username LIMIT $2 OFFSET $3`,
      [filter.unit ?? null, limit, Math.max(filter.offset ?? 0, 0), words, SQL_SEARCH_FOLD.from, SQL_SEARCH_FOLD.to],
    );
  }

  /** One user with their roles, looked up by username, however many users there are. */
  async get(username: string) {
    const [user] = await this.db.query(`${USER_SELECT} WHERE u.username = $1 GROUP BY u.id`, [username]);
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
      const [user] = await em.query(`SELECT id FROM users WHERE username = $1 FOR NO KEY UPDATE`, [username]);
      if (!user) throw notFound('User', username);
      const units = await this.unitIds(
        em,
        roles.map((r) => r.unit),
      );
      const before = await this.roleList(em, user.id);
      const wanted = roles.map((r) => ({ unitId: units.get(r.unit)!, role: r.role }));
      const current: { unit_id: string | null; role: Role }[] = await em.query(`SELECT unit_id, role FROM role_assignments WHERE user_id = $1`, [user.id]);
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
      await em.query(`DELETE FROM role_assignments WHERE user_id = $1 AND unit_id IS NOT NULL`, [user.id]);
      await em.query(`INSERT INTO role_assignments (user_id, unit_id, role) SELECT $1, * FROM unnest($2::uuid[], $3::varchar[]) ON CONFLICT DO NOTHING`, [
        user.id,
        wanted.map((w) => w.unitId),
        wanted.map((w) => w.role),
      ]);
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
  private async roleList(em: EntityManager, userId: string): Promise<{ unit: string | null; role: Role }[]> {
    return em.query(
      `SELECT o.code AS unit, r.role FROM role_assignments r LEFT JOIN org_units o ON o.id = r.unit_id WHERE r.user_id = $1 ORDER BY o.code NULLS FIRST, r.role`,
      [userId],
    );
  }

  private async unitIds(em: EntityManager, codes: string[]): Promise<Map<string, string>> {
    const rows: { id: string; code: string }[] = await em.query(`SELECT id, code FROM org_units WHERE code = ANY($1)`, [codes]);
    const unknown = [...new Set(codes)].filter((c) => !rows.some((r) => r.code === c));
    if (unknown.length) throw invalid(`roles: unknown unit codes ${unknown.join(', ')}`);
    return new Map(rows.map((r) => [r.code, r.id]));
  }
}
