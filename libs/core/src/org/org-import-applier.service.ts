import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { appendAuditEvents, endSessionsOf, NewAuditEvent } from '@app/dal';
import { ancestorPaths, importCounts, Role, RoleRef, unitChanges, UnitFields, userChanges, UserFields } from '@app/domain';
import { assertAnAdminRemains } from './admin-remains';
import { ApproverSync, RoleChange, SyncOutcome } from './approver-sync.service';
import { issuePasswordLinks } from '../password-links/password-links';
import { PositionChanges, replacePositions } from '../positions/position-assignments';
import { OrgImport } from './org-import';

const CHUNK = 2000;

/**
 * An import whose passwords are hashed already: each user's hash, whether it replaces the stored one,
 * and whether the import gave a password at all (a new person without one gets a set-password link).
 */
export interface PreparedImport {
  importId: string;
  units: OrgImport['units'];
  users: (Omit<OrgImport['users'][number], 'password'> & { passwordHash: string; replacesHash: boolean; passwordGiven: boolean })[];
  actor: { id: string | null; username: string };
}

export interface AppliedImport {
  units: number;
  users: number;
  counts: ReturnType<typeof importCounts> & { setPasswordLinks: number };
  sync: SyncOutcome;
}

/**
 * Applies a prepared import in the caller's transaction: units upserted by code (tree paths
 * recomputed, a place kept unless given), users by username (a hash only written where it changes),
 * each imported user's roles made exactly the listed ones, and their positions too where listed,
 * running stages brought in step. Audited with what changed, before
 * and after; sessions end for people whose password changed or who lost a role; and it refuses
 * (422) to leave no administrator. Imports take turns, so two never interleave their upserts.
 * Each person it creates without a password gets a set-password link by e-mail (its job in the
 * outbox, relayed with the re-decisions after the commit).
 */
@Injectable()
export class OrgImportApplier {
  constructor(private readonly approvers: ApproverSync) {}

  /** After the commit: the re-decisions the role changes call for, reminders of new tasks. */
  afterCommit(sync: SyncOutcome): Promise<void> {
    return this.approvers.afterCommit(sync);
  }

  async apply(em: EntityManager, prepared: PreparedImport): Promise<AppliedImport> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.org-import'))`);
    const { units, users, actor } = prepared;
    const unitsBefore = await this.storedUnits(
      em,
      units.map((u) => u.code),
    );
    const unitIds = await this.upsertUnits(em, units);
    await this.recomputeAncestors(em);
    const usersBefore = await this.storedUsers(
      em,
      users.map((u) => u.username),
    );
    const userIds = await this.upsertUsers(em, users);
    const roles = await this.replaceRoles(em, users, userIds, unitIds);
    const positions = await this.replacePositions(em, users, userIds, unitIds);

    const unitDiff = unitChanges(unitsBefore, units);
    const userDiff = userChanges({
      stored: usersBefore,
      imported: users,
      passwordChanged: new Set(users.filter((u) => u.replacesHash && usersBefore.has(u.username)).map((u) => u.username)),
      rolesAdded: roles.addedByUser,
      rolesRemoved: roles.removedByUser,
      positionsAdded: positions.added,
      positionsRemoved: positions.removed,
    });
    const counts = importCounts(unitDiff, userDiff);
    const roleChanges = counts.rolesAdded + counts.rolesRemoved;
    const withoutPassword = new Set(users.filter((u) => !u.passwordGiven).map((u) => u.username));
    const linked = new Set(userDiff.filter((u) => u.change === 'created' && withoutPassword.has(u.username)).map((u) => u.username));
    const events: NewAuditEvent[] = [
      {
        actorId: actor.id,
        actor: actor.username,
        action: 'org.import',
        data: { importId: prepared.importId, units: units.length, users: users.length, roleChanges, ...counts, unitChanges: unitDiff },
      },
      // One event per person created or changed; nobody's password or hash, only that it changed.
      ...userDiff.map((change) => ({
        actorId: actor.id,
        actor: actor.username,
        action: 'org.import.user',
        data: { importId: prepared.importId, ...change, ...(linked.has(change.username) ? { setPasswordLinkSent: true } : {}) },
      })),
    ];
    await appendAuditEvents(em, events);

    // The admin role is global: exchanging the first administrator's for the fixture's admin at the root loses nothing.
    const adminAfter = new Set(users.filter((u) => u.roles.some((r) => r.role === 'admin')).map((u) => u.username));
    const lostARole = (u: (typeof userDiff)[number]) => (u.rolesRemoved ?? []).some((r) => r.role !== 'admin' || !adminAfter.has(u.username));
    await endSessionsOf(
      em,
      userDiff.filter((u) => u.passwordChanged || lostARole(u)).map((u) => userIds.get(u.username)!),
    );
    const sync = await this.approvers.sync(em, roles.changes, actor);
    // A password the import set makes a pending link of that person pointless.
    const passwordSet = users.filter((u) => u.replacesHash).map((u) => userIds.get(u.username)!);
    if (passwordSet.length)
      await em.query(`UPDATE password_links SET revoked_at = now() WHERE user_id = ANY($1::uuid[]) AND used_at IS NULL AND revoked_at IS NULL`, [passwordSet]);
    sync.outbox.push(
      ...(await issuePasswordLinks(em, {
        userIds: [...linked].map((u) => userIds.get(u)!),
        reason: 'new_account',
        requestedBy: actor.username,
        importId: prepared.importId,
      })),
    );
    await assertAnAdminRemains(em);
    return { units: units.length, users: users.length, counts: { ...counts, setPasswordLinks: linked.size }, sync };
  }

  private async storedUnits(em: EntityManager, codes: string[]): Promise<Map<string, UnitFields>> {
    const rows: (UnitFields & { code: string })[] = codes.length
      ? await em.query(
          `SELECT u.code, u.name, u.kind, p.code AS parent, u.place FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id WHERE u.code = ANY($1) FOR UPDATE OF u`,
          [codes],
        )
      : [];
    return new Map(rows.map(({ code, name, kind, parent, place }) => [code, { name, kind, parent, place }]));
  }

  private async storedUsers(em: EntityManager, usernames: string[]): Promise<Map<string, UserFields>> {
    const rows: (UserFields & { username: string })[] = usernames.length
      ? await em.query(`SELECT username, full_name AS "fullName", email FROM users WHERE username = ANY($1) FOR UPDATE`, [usernames])
      : [];
    return new Map(rows.map(({ username, fullName, email }) => [username, { fullName, email }]));
  }

  private async upsertUnits(em: EntityManager, units: PreparedImport['units']): Promise<Map<string, string>> {
    for (let start = 0; start < units.length; start += CHUNK) {
      const chunk = units.slice(start, start + CHUNK);
      await em.query(
        `INSERT INTO org_units (code, name, kind)
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[])
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, updated_at = now()
          WHERE org_units.name IS DISTINCT FROM EXCLUDED.name OR org_units.kind IS DISTINCT FROM EXCLUDED.kind`,
        [chunk.map((u) => u.code), chunk.map((u) => u.name), chunk.map((u) => u.kind)],
      );
    }
    // A place only when the import gives one: a unit imported without it keeps its own.
    const placed = units.filter((u) => u.place !== undefined);
    await em.query(
      `UPDATE org_units u SET place = i.place, updated_at = now() FROM unnest($1::varchar[], $2::varchar[]) AS i(code, place)
        WHERE u.code = i.code AND u.place IS DISTINCT FROM i.place`,
      [placed.map((u) => u.code), placed.map((u) => u.place)],
    );
    const codes = [...new Set([...units.map((u) => u.code), ...units.flatMap((u) => (u.parent ? [u.parent] : []))])];
    const rows: { id: string; code: string }[] = await em.query(`SELECT id, code FROM org_units WHERE code = ANY($1)`, [codes]);
    const ids = new Map(rows.map((r) => [r.code, r.id]));
    await em.query(
      `UPDATE org_units u SET parent_id = p.parent_id
         FROM unnest($1::uuid[], $2::uuid[]) AS p(id, parent_id)
        WHERE u.id = p.id AND u.parent_id IS DISTINCT FROM p.parent_id`,
      [units.map((u) => ids.get(u.code)), units.map((u) => (u.parent ? ids.get(u.parent) : null))],
    );
    return ids;
  }

  private async recomputeAncestors(em: EntityManager): Promise<void> {
    const nodes: { id: string; parentId: string | null }[] = await em.query(`SELECT id, parent_id AS "parentId" FROM org_units`);
    const paths = ancestorPaths(nodes);
    const ids = [...paths.keys()];
    await em.query(
      `UPDATE org_units u SET ancestor_ids = p.path::uuid[], depth = cardinality(p.path::uuid[]) - 1
         FROM unnest($1::uuid[], $2::text[]) AS p(id, path)
        WHERE u.id = p.id AND u.ancestor_ids IS DISTINCT FROM p.path::uuid[]`,
      [ids, ids.map((id) => `{${paths.get(id)!.join(',')}}`)],
    );
  }

  /**
   * New people are inserted; the others updated only where something differs, their hash only
   * where it `replacesHash` (else whatever is stored stays, even a password changed meanwhile).
   */
  private async upsertUsers(em: EntityManager, users: PreparedImport['users']): Promise<Map<string, string>> {
    const created = new Set<string>();
    for (let start = 0; start < users.length; start += CHUNK) {
      const chunk = users.slice(start, start + CHUNK);
      const inserted: { username: string }[] = await em.query(
        `INSERT INTO users (username, full_name, email, password_hash)
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::text[])
         ON CONFLICT (username) DO NOTHING RETURNING username`,
        [chunk.map((u) => u.username), chunk.map((u) => u.fullName), chunk.map((u) => u.email), chunk.map((u) => u.passwordHash)],
      );
      inserted.forEach((row) => created.add(row.username));
    }
    const existing = users.filter((u) => !created.has(u.username));
    for (let start = 0; start < existing.length; start += CHUNK) {
      const chunk = existing.slice(start, start + CHUNK);
      await em.query(
        `UPDATE users u SET full_name = i.full_name, email = i.email,
                password_hash = CASE WHEN i.replaces THEN i.password_hash ELSE u.password_hash END, updated_at = now()
           FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::text[], $5::boolean[]) AS i(username, full_name, email, password_hash, replaces)
          WHERE u.username = i.username AND (u.full_name IS DISTINCT FROM i.full_name OR u.email IS DISTINCT FROM i.email OR i.replaces)`,
        [
          chunk.map((u) => u.username),
          chunk.map((u) => u.fullName),
          chunk.map((u) => u.email),
          chunk.map((u) => u.passwordHash),
          chunk.map((u) => u.replacesHash),
        ],
      );
    }
    const rows: { id: string; username: string }[] = users.length
      ? await em.query(`SELECT id, username FROM users WHERE username = ANY($1)`, [users.map((u) => u.username)])
      : [];
    return new Map(rows.map((r) => [r.username, r.id]));
  }

  /** Each imported user's roles become exactly the listed ones: what was added and removed, per user and for the approver sync. */
  private async replaceRoles(em: EntityManager, users: PreparedImport['users'], userIds: Map<string, string>, knownUnits: Map<string, string>) {
    const unitIds = await this.unitIdsByCode(
      em,
      users.flatMap((u) => u.roles.flatMap((r) => (r.unit === null ? [] : [r.unit]))),
      knownUnits,
    );
    // A role without a unit is the administrator's, held everywhere (unit_id NULL).
    const roleRows = users.flatMap((u) =>
      u.roles.map((r) => ({ userId: userIds.get(u.username)!, unitId: r.unit === null ? null : unitIds.get(r.unit)!, role: r.role })),
    );
    const [removed]: [{ user_id: string; unit_id: string | null; role: Role }[]] = await em.query(
      `DELETE FROM role_assignments r WHERE r.user_id = ANY($1::uuid[])
         AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[], $3::uuid[], $4::varchar[]) AS k(user_id, unit_id, role)
                          WHERE k.user_id = r.user_id AND k.unit_id IS NOT DISTINCT FROM r.unit_id AND k.role = r.role)
       RETURNING user_id, unit_id, role`,
      [[...userIds.values()], roleRows.map((r) => r.userId), roleRows.map((r) => r.unitId), roleRows.map((r) => r.role)],
    );
    const added: { user_id: string; unit_id: string | null; role: Role }[] = await em.query(
      `INSERT INTO role_assignments (user_id, unit_id, role)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) ON CONFLICT DO NOTHING RETURNING user_id, unit_id, role`,
      [roleRows.map((r) => r.userId), roleRows.map((r) => r.unitId), roleRows.map((r) => r.role)],
    );
    const codeOf = await this.unitCodesById(
      em,
      [...removed, ...added].flatMap((r) => (r.unit_id ? [r.unit_id] : [])),
      unitIds,
    );
    const usernameOf = new Map([...userIds].map(([username, id]) => [id, username]));
    const byUser = (rows: { user_id: string; unit_id: string | null; role: Role }[]) => {
      const map = new Map<string, RoleRef[]>();
      for (const r of rows) {
        const username = usernameOf.get(r.user_id)!;
        map.set(username, [...(map.get(username) ?? []), { unit: r.unit_id ? (codeOf.get(r.unit_id) ?? null) : null, role: r.role }]);
      }
      return map;
    };
    const changes: RoleChange[] = [
      ...removed.filter((r) => r.unit_id).map((r) => ({ userId: r.user_id, unitId: r.unit_id!, role: r.role, change: 'removed' as const })),
      ...added.filter((r) => r.unit_id).map((r) => ({ userId: r.user_id, unitId: r.unit_id!, role: r.role, change: 'added' as const })),
    ];
    return { changes, addedByUser: byUser(added), removedByUser: byUser(removed) };
  }

  /** The positions of the people whose import lists them become exactly those (one Bí thư per unit). */
  private async replacePositions(
    em: EntityManager,
    users: PreparedImport['users'],
    userIds: Map<string, string>,
    knownUnits: Map<string, string>,
  ): Promise<PositionChanges> {
    const listed = users.filter((u) => u.positions !== undefined);
    const unitIds = await this.unitIdsByCode(
      em,
      listed.flatMap((u) => u.positions!.map((p) => p.unit)),
      knownUnits,
    );
    return replacePositions(
      em,
      listed.map((u) => ({
        userId: userIds.get(u.username)!,
        username: u.username,
        positions: u.positions!.map((p) => ({ unitId: unitIds.get(p.unit)!, unitCode: p.unit, position: p.position })),
      })),
    );
  }

  private async unitIdsByCode(em: EntityManager, codes: string[], known: Map<string, string>): Promise<Map<string, string>> {
    const missing = [...new Set(codes)].filter((c) => !known.has(c));
    if (missing.length === 0) return known;
    const rows: { id: string; code: string }[] = await em.query(`SELECT id, code FROM org_units WHERE code = ANY($1)`, [missing]);
    return new Map([...known, ...rows.map((r) => [r.code, r.id] as [string, string])]);
  }

  private async unitCodesById(em: EntityManager, ids: string[], known: Map<string, string>): Promise<Map<string, string>> {
    const codes = new Map([...known].map(([code, id]) => [id, code]));
    const missing = [...new Set(ids)].filter((id) => !codes.has(id));
    if (missing.length) {
      const rows: { id: string; code: string }[] = await em.query(`SELECT id, code FROM org_units WHERE id = ANY($1::uuid[])`, [missing]);
      rows.forEach((r) => codes.set(r.id, r.code));
    }
    return codes;
  }
}
