import { hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { Directory } from './fixture';
import { log } from './log';

/**
 * The first administrator must exist before anyone can call the admin-only import, and nothing in
 * the HTTP contract creates one, so the demo writes the fixture's admin (and the root unit the role
 * is scoped to) straight into its freshly migrated schema, as the e2e harness does. The import then
 * rewrites both idempotently. Swap this for an engine command once one exists.
 */
export async function bootstrapAdmin(env: NodeJS.ProcessEnv, directory: Directory): Promise<void> {
  const admin = directory.fixture.users.find((u) => u.roles.some((r) => r.role === 'admin'));
  if (!admin) throw new Error('The fixture has no admin user');
  const rootCode = admin.roles.find((r) => r.role === 'admin')!.unit;
  const root = directory.unit(rootCode);
  const schema = env.PG_SCHEMA ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Bad schema name ${schema}`);

  const db = new DataSource({
    type: 'postgres',
    host: env.PG_HOST ?? '127.0.0.1',
    port: Number(env.PG_PORT ?? 5432),
    username: env.PG_USER ?? 'postgres',
    password: env.PG_PASSWORD ?? '',
    database: env.PG_DATABASE ?? 'test',
    extra: { max: 1, options: `-c search_path=${schema}` },
  });
  await db.initialize();
  try {
    await db.query(`INSERT INTO org_units (code, name, kind) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`, [
      root.code,
      root.name,
      root.kind,
    ]);
    await db.query(`UPDATE org_units SET ancestor_ids = ARRAY[id], depth = 0 WHERE code = $1 AND cardinality(ancestor_ids) = 0`, [
      root.code,
    ]);
    await db.query(
      `INSERT INTO users (username, full_name, email, password_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (username) DO NOTHING`,
      [admin.username, admin.fullName, admin.email, await hash(admin.password)],
    );
    await db.query(
      `INSERT INTO role_assignments (user_id, unit_id, role)
       SELECT u.id, o.id, 'admin' FROM users u, org_units o WHERE u.username = $1 AND o.code = $2
       ON CONFLICT DO NOTHING`,
      [admin.username, root.code],
    );
  } finally {
    await db.destroy();
  }
  log(`bootstrapped administrator ${admin.username} (the contract has no endpoint for the first one)`);
}
