import { EntityManager } from 'typeorm';
import {
  KnownOrg,
  Position,
  PositionRef,
  Role,
  RoleRef,
  ROLE_SHEET_NAMES,
  ROLES,
  POSITION_LABELS,
  StoredOrg,
  StoredPerson,
  UnitFields,
  UnitKind,
  unitKindSheetName,
} from '@app/domain';
import type { PersonRow, UnitRow } from './org-workbook-writer';

/**
 * What the engine holds, read for the organisation's workbook: the checks of an upload (parents,
 * secretaries, administrators), the stored side of its preview, and the rows of the export.
 */

/** What an upload is checked against: every unit's parent, every unit's Bí thư, the administrators, who is deactivated. */
export async function knownOrg(em: EntityManager, usernames: readonly string[]): Promise<KnownOrg> {
  const units: { code: string; parent: string | null }[] = await em.query(
    `SELECT u.code, p.code AS parent FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id`,
  );
  const secretaries: { unit: string; username: string }[] = await em.query(
    `SELECT o.code AS unit, u.username FROM user_positions up JOIN org_units o ON o.id = up.unit_id JOIN users u ON u.id = up.user_id WHERE up.position = 'bi_thu'`,
  );
  const admins: { username: string }[] = await em.query(
    `SELECT DISTINCT u.username FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE r.role = 'admin' AND u.active`,
  );
  const inactive: { username: string }[] = usernames.length
    ? await em.query(`SELECT username FROM users WHERE NOT active AND username = ANY($1)`, [usernames])
    : [];
  return {
    unitParents: new Map(units.map((u) => [u.code, u.parent])),
    secretaries: new Map(secretaries.map((s) => [s.unit, s.username])),
    activeAdmins: new Set(admins.map((a) => a.username)),
    inactiveUsers: new Set(inactive.map((u) => u.username)),
  };
}

/** The stored units and people an upload names, with every role and position of those people. */
export async function storedOrg(em: EntityManager, unitCodes: readonly string[], usernames: readonly string[]): Promise<StoredOrg> {
  const units: (UnitFields & { code: string })[] = unitCodes.length
    ? await em.query(
        `SELECT u.code, u.name, u.kind, p.code AS parent, u.place FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id WHERE u.code = ANY($1)`,
        [unitCodes],
      )
    : [];
  const people = usernames.length ? await peopleWithAssignments(em, `WHERE u.username = ANY($1)`, [usernames]) : new Map<string, StoredPerson>();
  return { units: new Map(units.map(({ code, ...fields }) => [code, fields])), people };
}

async function peopleWithAssignments(em: EntityManager, where: string, params: unknown[]): Promise<Map<string, StoredPerson & { username: string }>> {
  const users: { id: string; username: string; fullName: string; email: string }[] = await em.query(
    `SELECT u.id, u.username, u.full_name AS "fullName", u.email FROM users u ${where} ORDER BY u.username`,
    params,
  );
  const ids = users.map((u) => u.id);
  const roles: { user_id: string; unit: string | null; role: Role }[] = ids.length
    ? await em.query(
        `SELECT r.user_id, o.code AS unit, r.role FROM role_assignments r LEFT JOIN org_units o ON o.id = r.unit_id WHERE r.user_id = ANY($1::uuid[]) ORDER BY o.code NULLS FIRST, r.role`,
        [ids],
      )
    : [];
  const positions: { user_id: string; unit: string; position: Position }[] = ids.length
    ? await em.query(
        `SELECT up.user_id, o.code AS unit, up.position FROM user_positions up JOIN org_units o ON o.id = up.unit_id WHERE up.user_id = ANY($1::uuid[]) ORDER BY o.code`,
        [ids],
      )
    : [];
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
  const units: { code: string; name: string; kind: UnitKind; parent: string | null; place: string; depth: number }[] = await em.query(
    `SELECT u.code, u.name, u.kind, p.code AS parent, u.place, u.depth FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id ORDER BY u.depth, u.code`,
  );
  const people = await peopleWithAssignments(em, '', []);
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
