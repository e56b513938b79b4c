import type { Position, Role } from '@app/domain';
import { Queryable } from '../queryable';

/** A person's fields as an import compares them. */
export interface StoredUserRow {
  username: string;
  fullName: string;
  email: string;
}

/** A person's id by username. */
export interface UserIdRow {
  id: string;
  username: string;
}

/** A role as the lists of users show it (unit null for the global admin role). */
export interface UserRoleView {
  unitId: string | null;
  unitCode: string | null;
  role: Role;
}

/** A position as the lists of users show it. */
export interface UserPositionView {
  unitId: string;
  unitCode: string;
  unitName: string;
  position: Position;
}

/** A person as GET /api/users shows them: with every role and position. */
export interface UserWithRolesRow {
  id: string;
  username: string;
  fullName: string;
  email: string;
  active: boolean;
  roles: UserRoleView[];
  positions: UserPositionView[];
}

/** The search filter of the list of users, its words folded as the SQL folds the names. */
export interface UserListQuery {
  unit: string | null;
  limit: number;
  offset: number;
  words: string[];
  fold: { from: string; to: string };
}

/** What a login checks. */
export interface LoginUserRow {
  id: string;
  username: string;
  password_hash: string;
  active: boolean;
  token_version: number;
}

/** A person as GET /api/me shows them. */
export interface UserProfileRow {
  id: string;
  username: string;
  fullName: string;
  email: string;
  roles: UserRoleView[];
  positions: UserPositionView[];
}

/** A person locked to change whether they may sign in. */
export interface UserActiveRow {
  id: string;
  active: boolean;
}

/** A person locked to be sent a set-password link. */
export interface UserLinkRecipientRow {
  id: string;
  email: string;
  active: boolean;
}

/** The SQL of a person's roles as a JSON array, by unit code then role (with `u` the user). */
const ROLES_JSON = `
  (SELECT COALESCE(json_agg(json_build_object('unitId', r.unit_id, 'unitCode', o.code, 'role', r.role) ORDER BY o.code, r.role), '[]')
     FROM role_assignments r LEFT JOIN org_units o ON o.id = r.unit_id WHERE r.user_id = u.id)`;

/** The SQL of a person's positions as a JSON array (with `u` the user). */
const POSITIONS_JSON = `
  (SELECT COALESCE(json_agg(json_build_object('unitId', p.unit_id, 'unitCode', o.code, 'unitName', o.name, 'position', p.position) ORDER BY o.code), '[]')
     FROM user_positions p JOIN org_units o ON o.id = p.unit_id WHERE p.user_id = u.id)`;

const USER_SELECT = `
  SELECT u.id, u.username, u.full_name AS "fullName", u.email, u.active, ${ROLES_JSON} AS roles, ${POSITIONS_JSON} AS positions
    FROM users u`;

/** A page of users by username, optionally only those with a role on one unit, or whose name holds every word. */
export async function listUsersWithRoles(db: Queryable, query: UserListQuery): Promise<UserWithRolesRow[]> {
  return db.query(
    `${USER_SELECT}
        WHERE ($1::varchar IS NULL OR EXISTS (SELECT 1 FROM role_assignments x JOIN org_units y ON y.id = x.unit_id WHERE x.user_id = u.id AND y.code = $1))
          AND NOT EXISTS (SELECT 1 FROM unnest($4::text[]) w WHERE position(w IN lower(translate(u.full_name || ' ' || u.username, $5, $6))) = 0)
        ORDER BY u.username LIMIT $2 OFFSET $3`,
    [query.unit, query.limit, query.offset, query.words, query.fold.from, query.fold.to],
  );
}

/** One user with their roles and positions, by username; undefined when nobody has it. */
export async function findUserWithRoles(db: Queryable, username: string): Promise<UserWithRolesRow | undefined> {
  const [user]: UserWithRolesRow[] = await db.query(`${USER_SELECT} WHERE u.username = $1`, [username]);
  return user;
}

/** The stored people an import names, locked: the import compares them and then writes them. */
export async function lockStoredUsersByUsername(db: Queryable, usernames: readonly string[]): Promise<StoredUserRow[]> {
  return db.query(`SELECT username, full_name AS "fullName", email FROM users WHERE username = ANY($1) FOR UPDATE`, [usernames]);
}

/** Inserts the people not yet stored; answers the usernames inserted (the others exist). */
export async function insertImportedUsers(
  db: Queryable,
  users: { usernames: string[]; fullNames: string[]; emails: string[]; passwordHashes: string[] },
): Promise<string[]> {
  const inserted: { username: string }[] = await db.query(
    `INSERT INTO users (username, full_name, email, password_hash)
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::text[])
         ON CONFLICT (username) DO NOTHING RETURNING username`,
    [users.usernames, users.fullNames, users.emails, users.passwordHashes],
  );
  return inserted.map((row) => row.username);
}

/** Updates stored people where something differs, their hash only where `replaces` says so. */
export async function updateImportedUsers(
  db: Queryable,
  users: { usernames: string[]; fullNames: string[]; emails: string[]; passwordHashes: string[]; replaces: boolean[] },
): Promise<void> {
  await db.query(
    `UPDATE users u SET full_name = i.full_name, email = i.email,
                password_hash = CASE WHEN i.replaces THEN i.password_hash ELSE u.password_hash END, updated_at = now()
           FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::text[], $5::boolean[]) AS i(username, full_name, email, password_hash, replaces)
          WHERE u.username = i.username AND (u.full_name IS DISTINCT FROM i.full_name OR u.email IS DISTINCT FROM i.email OR i.replaces)`,
    [users.usernames, users.fullNames, users.emails, users.passwordHashes, users.replaces],
  );
}

/** A person as the workbook lists them. */
export interface WorkbookUserRow {
  id: string;
  username: string;
  fullName: string;
  email: string;
}

/** These people by username (everyone when `usernames` is undefined), for the workbook. */
export async function usersForWorkbook(db: Queryable, usernames?: readonly string[]): Promise<WorkbookUserRow[]> {
  const [where, params] = usernames ? [`WHERE u.username = ANY($1)`, [usernames]] : ['', []];
  return db.query(`SELECT u.id, u.username, u.full_name AS "fullName", u.email FROM users u ${where} ORDER BY u.username`, params);
}

export async function userIdsByUsername(db: Queryable, usernames: readonly string[]): Promise<UserIdRow[]> {
  return db.query(`SELECT id, username FROM users WHERE username = ANY($1)`, [usernames]);
}

/** A person's stored password hash. */
export interface StoredPasswordHashRow {
  username: string;
  password_hash: string;
}

/** The stored hashes of these people, so an import keeps a hash that already matches its password. */
export async function storedPasswordHashes(db: Queryable, usernames: readonly string[]): Promise<StoredPasswordHashRow[]> {
  return db.query(`SELECT username, password_hash FROM users WHERE username = ANY($1)`, [usernames]);
}

/** Which of these usernames belong to deactivated people. */
export async function inactiveUsernames(db: Queryable, usernames: readonly string[]): Promise<string[]> {
  const rows: { username: string }[] = await db.query(`SELECT username FROM users WHERE NOT active AND username = ANY($1)`, [usernames]);
  return rows.map((r) => r.username);
}

/**
 * Locks a person against a concurrent change of their account (FOR NO KEY UPDATE: rows that refer
 * to them may still be written). Undefined when nobody has the username.
 */
export async function lockUserIdByUsername(db: Queryable, username: string): Promise<string | undefined> {
  const [user]: { id: string }[] = await db.query(`SELECT id FROM users WHERE username = $1 FOR NO KEY UPDATE`, [username]);
  return user?.id;
}

/** As lockUserIdByUsername, with whether the person may sign in. */
export async function lockUserActiveState(db: Queryable, username: string): Promise<UserActiveRow | undefined> {
  const [user]: UserActiveRow[] = await db.query(`SELECT id, active FROM users WHERE username = $1 FOR NO KEY UPDATE`, [username]);
  return user;
}

/** As lockUserIdByUsername, with where a set-password link would be sent. */
export async function lockUserLinkRecipient(db: Queryable, username: string): Promise<UserLinkRecipientRow | undefined> {
  const [user]: UserLinkRecipientRow[] = await db.query(`SELECT id, email, active FROM users WHERE username = $1 FOR NO KEY UPDATE`, [username]);
  return user;
}

export async function setUserActive(db: Queryable, userId: string, active: boolean): Promise<void> {
  await db.query(`UPDATE users SET active = $2, updated_at = now() WHERE id = $1`, [userId, active]);
}

export async function setUserPasswordHash(db: Queryable, userId: string, passwordHash: string): Promise<void> {
  await db.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [userId, passwordHash]);
}

/** Creates a person unless the username is taken: their new id, or undefined when it is taken. */
export async function insertUserUnlessTaken(
  db: Queryable,
  user: { username: string; fullName: string; email: string; passwordHash: string },
): Promise<string | undefined> {
  const [created]: { id: string }[] = await db.query(
    `INSERT INTO users (username, full_name, email, password_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (username) DO NOTHING RETURNING id`,
    [user.username, user.fullName, user.email, user.passwordHash],
  );
  return created?.id;
}

export async function findLoginUser(db: Queryable, username: string): Promise<LoginUserRow | undefined> {
  const [user]: LoginUserRow[] = await db.query(`SELECT id, username, password_hash, active, token_version FROM users WHERE username = $1`, [username]);
  return user;
}

/** A person's stored hash by id; undefined when there is no such person. */
export async function passwordHashOfUser(db: Queryable, userId: string): Promise<string | undefined> {
  const [user]: { password_hash: string }[] = await db.query(`SELECT password_hash FROM users WHERE id = $1`, [userId]);
  return user?.password_hash;
}

export async function usernameExists(db: Queryable, username: string): Promise<boolean> {
  const [known] = await db.query(`SELECT 1 FROM users WHERE username = $1`, [username]);
  return Boolean(known);
}

/**
 * A person as `GET /api/me` shows them, with their roles (units by code, then role) and positions
 * (by unit code): one statement, as every page of the web app asks for it.
 */
export async function findUserProfile(db: Queryable, userId: string): Promise<UserProfileRow | undefined> {
  const [user]: UserProfileRow[] = await db.query(
    `SELECT u.id, u.username, u.full_name AS "fullName", u.email, ${ROLES_JSON} AS roles, ${POSITIONS_JSON} AS positions FROM users u WHERE u.id = $1`,
    [userId],
  );
  return user;
}
