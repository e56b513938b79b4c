import { EntityManager } from 'typeorm';
import {
  activeAdministratorUsernames,
  inactiveUsernames,
  positionsOfUsersByUnitCode,
  rolesOfUsersByUnitCode,
  secretariesByUnitCode,
  storedUnitsByCode,
  unitParentCodes,
  unitsForExport,
  usersForWorkbook,
} from '@app/dal';
import { KnownOrg, PositionRef, RoleRef, ROLE_SHEET_NAMES, ROLES, POSITION_LABELS, StoredOrg, StoredPerson, UnitFields, unitKindSheetName } from '@app/domain';
import type { PersonRow, UnitRow } from './org-workbook-writer';

/**
 * What the engine holds, read for the organisation's workbook: the checks of an upload (parents,
 * secretaries, administrators), the stored side of its preview, and the rows of the export.
 */

/** What an upload is checked against: every unit's parent, every unit's Bí thư, the administrators, who is deactivated. */
export async function knownOrg(em: EntityManager, usernames: readonly string[]): Promise<KnownOrg> {
  const units = await unitParentCodes(em);
  const secretaries = await secretariesByUnitCode(em);
  const admins = await activeAdministratorUsernames(em);
  const inactive = usernames.length ? await inactiveUsernames(em, usernames) : [];
  return {
    unitParents: new Map(units.map((u) => [u.code, u.parent])),
    secretaries: new Map(secretaries.map((s) => [s.unit, s.username])),
    activeAdmins: new Set(admins),
    inactiveUsers: new Set(inactive),
  };
}

/** The stored units and people an upload names, with every role and position of those people. */
export async function storedOrg(em: EntityManager, unitCodes: readonly string[], usernames: readonly string[]): Promise<StoredOrg> {
  const units: (UnitFields & { code: string })[] = unitCodes.length ? await storedUnitsByCode(em, unitCodes) : [];
  const people = usernames.length ? await peopleWithAssignments(em, usernames) : new Map<string, StoredPerson>();
  return { units: new Map(units.map(({ code, ...fields }) => [code, fields])), people };
}

/** These people (everyone when `usernames` is undefined) by username, with their roles and positions. */
async function peopleWithAssignments(em: EntityManager, usernames?: readonly string[]): Promise<Map<string, StoredPerson & { username: string }>> {
  const users = await usersForWorkbook(em, usernames);
  const ids = users.map((u) => u.id);
  const roles = ids.length ? await rolesOfUsersByUnitCode(em, ids) : [];
  const positions = ids.length ? await positionsOfUsersByUnitCode(em, ids) : [];
  const rolesOf = groupBy(
    roles,
    (r) => r.user_id,
    (r): RoleRef => ({ unit: r.unit, role: r.role }),
  );
  const positionsOf = groupBy(
    positions,
    (p) => p.user_id,
    (p): PositionRef => ({ unit: p.unit, position: p.position }),
  );
  return new Map(
    users.map((u) => [
      u.username,
      { username: u.username, fullName: u.fullName, email: u.email, roles: rolesOf.get(u.id) ?? [], positions: positionsOf.get(u.id) ?? [] },
    ]),
  );
}

/**
 * The whole tree and everyone, as the workbook's rows: units parents first (each level by code),
 * people by username with one row per unit where they hold a role or a position (roles in the
 * order of the drop-down list), a row without a unit for a role held everywhere, and a bare row
 * for a person with neither, so that every person is in the file.
 */
export async function exportRows(em: EntityManager): Promise<{ units: UnitRow[]; people: PersonRow[] }> {
  const units = await unitsForExport(em);
  const people = await peopleWithAssignments(em);
  const personRows: PersonRow[] = [];
  for (const person of people.values()) {
    const unitsOfPerson = [...new Set<string | null>([...person.roles.map((r) => r.unit), ...person.positions.map((p) => p.unit)])];
    if (unitsOfPerson.length === 0) unitsOfPerson.push(null);
    unitsOfPerson.sort((a, b) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)));
    for (const unit of unitsOfPerson) {
      const held = new Set(person.roles.filter((r) => r.unit === unit).map((r) => r.role));
      const position = person.positions.find((p) => p.unit === unit)?.position;
      personRows.push({
        username: person.username,
        fullName: person.fullName,
        email: person.email,
        unit,
        roles: ROLES.filter((r) => held.has(r))
          .map((r) => ROLE_SHEET_NAMES[r])
          .join(', '),
        position: position ? POSITION_LABELS[position] : '',
      });
    }
  }
  return {
    units: units.map((u) => ({ code: u.code, name: u.name, kindName: unitKindSheetName(u), parent: u.parent, place: u.place })),
    people: personRows,
  };
}

function groupBy<T, V>(items: readonly T[], key: (item: T) => string, value: (item: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), value(item)]);
  return groups;
}
