import { Queryable } from '../queryable';

/** Whether any active person holds the admin role. */
export async function anActiveAdministratorRemains(db: Queryable): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE r.role = 'admin' AND u.active LIMIT 1`);
  return rows.length > 0;
}

/** The usernames of the active administrators. */
export async function activeAdministratorUsernames(db: Queryable): Promise<string[]> {
  const admins: { username: string }[] = await db.query(
    `SELECT DISTINCT u.username FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE r.role = 'admin' AND u.active`,
  );
  return admins.map((a) => a.username);
}

/** Gives a person the global admin role (no unit). */
export async function grantGlobalAdminRole(db: Queryable, userId: string): Promise<void> {
  await db.query(`INSERT INTO role_assignments (user_id, unit_id, role) VALUES ($1, NULL, 'admin')`, [userId]);
}

/**
 * Makes the changes that could leave no administrator take turns until the transaction ends, so
 * two of them cannot each see the other's administrator remaining (the deferred trigger
 * an_admin_remains takes the same lock).
 */
export async function takeAdministratorsCheckTurn(db: Queryable): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.administrators'))`);
}

/** One bootstrap of the first administrator at a time, even with several API instances starting together. */
export async function takeAdminBootstrapTurn(db: Queryable): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.admin-bootstrap'))`);
}

/** Creates the bootstrap administrator's user unless the username is taken: its id, or undefined. */
export async function insertBootstrapAdministrator(db: Queryable, username: string, passwordHash: string): Promise<string | undefined> {
  const [user]: { id: string }[] = await db.query(
    `INSERT INTO users (username, full_name, email, password_hash) VALUES ($1, 'Quản trị hệ thống', $2, $3)
         ON CONFLICT (username) DO NOTHING RETURNING id`,
    [username, `${username}@localhost`, passwordHash],
  );
  return user?.id;
}
