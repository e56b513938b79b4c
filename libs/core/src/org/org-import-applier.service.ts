import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  addListedRoles,
  appendAuditEvents,
  endSessionsOf,
  insertImportedUsers,
  lockStoredUnitsByCode,
  lockStoredUsersByUsername,
  NewAuditEvent,
  placeImportedUnits,
  removeRolesNotListed,
  revokeOpenPasswordLinks,
  RoleAssignmentRow,
  setUnitAncestors,
  setUnitParents,
  takeOrgImportTurn,
  unitCodesById,
  unitIdsByCode,
  unitParentLinks,
  updateImportedUsers,
  upsertImportedUnits,
  userIdsByUsername,
} from '@app/dal';
import { ancestorPaths, importCounts, RoleRef, unitChanges, UnitFields, userChanges, UserFields } from '@app/domain';
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
    await takeOrgImportTurn(em);
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
    if (passwordSet.length) await revokeOpenPasswordLinks(em, passwordSet);
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
    const rows = codes.length ? await lockStoredUnitsByCode(em, codes) : [];
    return new Map(rows.map(({ code, name, kind, parent, place }) => [code, { name, kind, parent, place }]));
  }

  private async storedUsers(em: EntityManager, usernames: string[]): Promise<Map<string, UserFields>> {
    const rows = usernames.length ? await lockStoredUsersByUsername(em, usernames) : [];
    return new Map(rows.map(({ username, fullName, email }) => [username, { fullName, email }]));
  }

  private async upsertUnits(em: EntityManager, units: PreparedImport['units']): Promise<Map<string, string>> {
    for (let start = 0; start < units.length; start += CHUNK) {
      const chunk = units.slice(start, start + CHUNK);
      await upsertImportedUnits(em, { codes: chunk.map((u) => u.code), names: chunk.map((u) => u.name), kinds: chunk.map((u) => u.kind) });
    }
    // A place only when the import gives one: a unit imported without it keeps its own.
    const placed = units.filter((u) => u.place !== undefined);
    await placeImportedUnits(
      em,
      placed.map((u) => u.code),
      placed.map((u) => u.place),
    );
    const codes = [...new Set([...units.map((u) => u.code), ...units.flatMap((u) => (u.parent ? [u.parent] : []))])];
    const rows = await unitIdsByCode(em, codes);
    const ids = new Map(rows.map((r) => [r.code, r.id]));
    await setUnitParents(
      em,
      units.map((u) => ids.get(u.code)),
      units.map((u) => (u.parent ? ids.get(u.parent) : null)),
    );
    return ids;
  }

  private async recomputeAncestors(em: EntityManager): Promise<void> {
    const paths = ancestorPaths(await unitParentLinks(em));
    const ids = [...paths.keys()];
    await setUnitAncestors(
      em,
      ids,
      ids.map((id) => `{${paths.get(id)!.join(',')}}`),
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
      const inserted = await insertImportedUsers(em, {
        usernames: chunk.map((u) => u.username),
        fullNames: chunk.map((u) => u.fullName),
        emails: chunk.map((u) => u.email),
        passwordHashes: chunk.map((u) => u.passwordHash),
      });
      inserted.forEach((username) => created.add(username));
    }
    const existing = users.filter((u) => !created.has(u.username));
    for (let start = 0; start < existing.length; start += CHUNK) {
      const chunk = existing.slice(start, start + CHUNK);
      await updateImportedUsers(em, {
        usernames: chunk.map((u) => u.username),
        fullNames: chunk.map((u) => u.fullName),
        emails: chunk.map((u) => u.email),
        passwordHashes: chunk.map((u) => u.passwordHash),
        replaces: chunk.map((u) => u.replacesHash),
      });
    }
    const rows = users.length
      ? await userIdsByUsername(
          em,
          users.map((u) => u.username),
        )
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
    const wanted = { userIds: roleRows.map((r) => r.userId), unitIds: roleRows.map((r) => r.unitId), roles: roleRows.map((r) => r.role) };
    const removed = await removeRolesNotListed(em, [...userIds.values()], wanted);
    const added = await addListedRoles(em, wanted);
    const codeOf = await this.unitCodesById(
      em,
      [...removed, ...added].flatMap((r) => (r.unit_id ? [r.unit_id] : [])),
      unitIds,
    );
    const usernameOf = new Map([...userIds].map(([username, id]) => [id, username]));
    const byUser = (rows: RoleAssignmentRow[]) => {
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
    const rows = await unitIdsByCode(em, missing);
    return new Map([...known, ...rows.map((r) => [r.code, r.id] as [string, string])]);
  }

  private async unitCodesById(em: EntityManager, ids: string[], known: Map<string, string>): Promise<Map<string, string>> {
    const codes = new Map([...known].map(([code, id]) => [id, code]));
    const missing = [...new Set(ids)].filter((id) => !codes.has(id));
    if (missing.length) {
      const rows = await unitCodesById(em, missing);
      rows.forEach((r) => codes.set(r.id, r.code));
    }
    return codes;
  }
}
