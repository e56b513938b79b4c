import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

/**
 * A secret this installation generates for itself, once, and keeps in its database: the same value
 * for every process and every restart. Several processes starting together for the first time agree,
 * as the first insert wins and everybody reads what was kept.
 */
export async function installationSecret(db: DataSource | EntityManager, name: string): Promise<string> {
  await db.query(`INSERT INTO installation_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, randomBytes(48).toString('base64url')]);
  const [row] = await db.query(`SELECT value FROM installation_secrets WHERE name = $1`, [name]);
  return row.value;
}
