import type { Position } from './positions';
import type { Role, UnitKind } from './types';

/** What an import says of a unit, the parent by its code. */
export interface UnitFields {
  name: string;
  kind: UnitKind;
  parent: string | null;
  /** Where its documents are issued; compared only when the import gives it. */
  place?: string;
}

/** What an import says of a person, besides the password and the roles. */
export interface UserFields {
  fullName: string;
  email: string;
}

/** A role as the audit trail names it: the unit by its code (null for a role held everywhere). */
export interface RoleRef {
  unit: string | null;
  role: Role;
}

/** A position as the audit trail names it: the unit by its code. */
export interface PositionRef {
  unit: string;
  position: Position;
}

/** A unit the import created, or changed (only the fields that changed, before and after). */
export interface UnitChange {
  code: string;
  change: 'created' | 'changed';
  before?: Partial<UnitFields>;
  after: Partial<UnitFields>;
}

/** A person the import created or changed; a password is only ever said to have changed, never shown. */
export interface UserChange {
  username: string;
  change: 'created' | 'changed';
  before?: Partial<UserFields>;
  after: Partial<UserFields>;
  passwordChanged?: true;
  rolesAdded?: RoleRef[];
  rolesRemoved?: RoleRef[];
  positionsAdded?: PositionRef[];
  positionsRemoved?: PositionRef[];
}

/** The fields of `after` that differ from `before`, each side with its own value. */
function changedFields<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } | null {
  const keys = (Object.keys(after) as (keyof T)[]).filter((key) => before[key] !== after[key]);
  if (keys.length === 0) return null;
  const pick = (from: T) => Object.fromEntries(keys.map((key) => [key, from[key]])) as Partial<T>;
  return { before: pick(before), after: pick(after) };
}

/** Units created or changed by an import, given what was stored before it (by code). Unchanged units are left out. */
export function unitChanges(stored: ReadonlyMap<string, UnitFields>, imported: readonly (UnitFields & { code: string })[]): UnitChange[] {
  const changes: UnitChange[] = [];
  for (const { code, name, kind, parent, place } of imported) {
    const fields: UnitFields = { name, kind, parent, ...(place !== undefined ? { place } : {}) };
    const before = stored.get(code);
    if (!before) {
      changes.push({ code, change: 'created', after: fields });
      continue;
    }
    const diff = changedFields(before, fields);
    if (diff) changes.push({ code, change: 'changed', ...diff });
  }
  return changes;
}

export interface UserChangeInput {
  /** The imported people's stored fields before the import, by username; absent ones are new. */
  stored: ReadonlyMap<string, UserFields>;
  imported: readonly (UserFields & { username: string })[];
  /** Existing people whose imported password differs from their stored one. */
  passwordChanged: ReadonlySet<string>;
  rolesAdded: ReadonlyMap<string, RoleRef[]>;
  rolesRemoved: ReadonlyMap<string, RoleRef[]>;
  /** Positions changed by the import, for the people whose positions it lists. */
  positionsAdded?: ReadonlyMap<string, PositionRef[]>;
  positionsRemoved?: ReadonlyMap<string, PositionRef[]>;
}

/** People created or changed by an import (fields, password, roles, positions). Unchanged people are left out. */
export function userChanges(input: UserChangeInput): UserChange[] {
  const changes: UserChange[] = [];
  for (const { username, fullName, email } of input.imported) {
    const fields: UserFields = { fullName, email };
    const rolesAdded = input.rolesAdded.get(username) ?? [];
    const rolesRemoved = input.rolesRemoved.get(username) ?? [];
    const positionsAdded = input.positionsAdded?.get(username) ?? [];
    const positionsRemoved = input.positionsRemoved?.get(username) ?? [];
    const assignments = {
      ...(rolesAdded.length ? { rolesAdded } : {}),
      ...(rolesRemoved.length ? { rolesRemoved } : {}),
      ...(positionsAdded.length ? { positionsAdded } : {}),
      ...(positionsRemoved.length ? { positionsRemoved } : {}),
    };
    const before = input.stored.get(username);
    if (!before) {
      changes.push({ username, change: 'created', after: fields, ...assignments });
      continue;
    }
    const diff = changedFields(before, fields);
    const passwordChanged = input.passwordChanged.has(username);
    if (!diff && !passwordChanged && Object.keys(assignments).length === 0) continue;
    changes.push({
      username,
      change: 'changed',
      before: diff?.before ?? {},
      after: diff?.after ?? {},
      ...(passwordChanged ? { passwordChanged: true as const } : {}),
      ...assignments,
    });
  }
  return changes;
}

/** The counts an import's audit event and its answer carry. */
export function importCounts(units: readonly UnitChange[], users: readonly UserChange[]) {
  const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;
  return {
    unitsCreated: count(units, (u) => u.change === 'created'),
    unitsChanged: count(units, (u) => u.change === 'changed'),
    usersCreated: count(users, (u) => u.change === 'created'),
    usersChanged: count(users, (u) => u.change === 'changed'),
    passwordsChanged: count(users, (u) => u.passwordChanged === true),
    rolesAdded: users.reduce((sum, u) => sum + (u.rolesAdded?.length ?? 0), 0),
    rolesRemoved: users.reduce((sum, u) => sum + (u.rolesRemoved?.length ?? 0), 0),
    positionsAdded: users.reduce((sum, u) => sum + (u.positionsAdded?.length ?? 0), 0),
    positionsRemoved: users.reduce((sum, u) => sum + (u.positionsRemoved?.length ?? 0), 0),
  };
}
