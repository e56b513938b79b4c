import { importCounts, PositionRef, RoleRef, UnitChange, unitChanges, UnitFields, UserChange, userChanges, UserFields } from './org-import-changes';

/** A person as stored, with every role and position they hold (the unit by its code; null for a role held everywhere). */
export interface StoredPerson extends UserFields {
  roles: readonly RoleRef[];
  positions: readonly PositionRef[];
}

/** What is stored of the units and people an import names. */
export interface StoredOrg {
  units: ReadonlyMap<string, UnitFields>;
  people: ReadonlyMap<string, StoredPerson>;
}

/** An import as the applier takes it: each person's roles become exactly these, and their positions too when listed. */
export interface ImportedOrg {
  units: readonly (UnitFields & { code: string })[];
  users: readonly (UserFields & { username: string; roles: readonly RoleRef[]; positions?: readonly PositionRef[] })[];
}

export interface OrgImportChanges {
  units: UnitChange[];
  users: UserChange[];
  counts: ReturnType<typeof importCounts>;
}

/**
 * What applying an import would change, worked out from what is stored, in the shape its audit
 * trail records once applied (org-import-changes.ts): units created or changed, people created or
 * changed, the roles and positions each person gains and loses. Nothing here writes; it is the
 * preview of an upload, so what it says is what the applier then does.
 */
export function orgImportChanges(stored: StoredOrg, imported: ImportedOrg): OrgImportChanges {
  const rolesAdded = new Map<string, RoleRef[]>();
  const rolesRemoved = new Map<string, RoleRef[]>();
  const positionsAdded = new Map<string, PositionRef[]>();
  const positionsRemoved = new Map<string, PositionRef[]>();
  for (const user of imported.users) {
    const before = stored.people.get(user.username);
    const roleKey = (r: RoleRef) => `${r.unit ?? ''}\u0000${r.role}`;
    const [addedRoles, removedRoles] = difference(before?.roles ?? [], user.roles, roleKey);
    if (addedRoles.length) rolesAdded.set(user.username, addedRoles);
    if (removedRoles.length) rolesRemoved.set(user.username, removedRoles);
    if (user.positions === undefined) continue;
    const positionKey = (p: PositionRef) => `${p.unit}\u0000${p.position}`;
    const [addedPositions, removedPositions] = difference(before?.positions ?? [], user.positions, positionKey);
    if (addedPositions.length) positionsAdded.set(user.username, addedPositions);
    if (removedPositions.length) positionsRemoved.set(user.username, removedPositions);
  }
  const units = unitChanges(stored.units, imported.units);
  const users = userChanges({
    stored: new Map([...stored.people].map(([username, { fullName, email }]) => [username, { fullName, email }])),
    imported: imported.users,
    passwordChanged: new Set(),
    rolesAdded,
    rolesRemoved,
    positionsAdded,
    positionsRemoved,
  });
  return { units, users, counts: importCounts(units, users) };
}

/** What `after` has that `before` lacks, and the reverse, each without repeats, in their own order. */
function difference<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): [T[], T[]] {
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  const unique = (items: readonly T[], keep: (k: string) => boolean) => {
    const seen = new Set<string>();
    return items.filter((item) => {
      const k = key(item);
      if (seen.has(k) || !keep(k)) return false;
      seen.add(k);
      return true;
    });
  };
  return [unique(after, (k) => !beforeKeys.has(k)), unique(before, (k) => !afterKeys.has(k))];
}
