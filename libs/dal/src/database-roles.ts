import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '@app/config';

/**
 * Tables whose rows are evidence: the engine may add and read them, never change or remove them
 * (the append-only triggers refuse it too, but only the owner could disable a trigger, and the
 * engine is not the owner).
 */
const APPEND_ONLY_TABLES = ['audit_events', 'audit_seals'];

/** A name PostgreSQL takes as an identifier without quoting surprises (checked, then quoted). */
function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_$]{0,62}$/.test(name)) throw new Error(`Not a plain PostgreSQL name: ${name}`);
  return `"${name}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export interface RoleSetup {
  /** Owns the schema and its tables, and runs the migrations (PG_MIGRATION_USER). */
  owner: { name: string; password?: string };
  /** What the API and workers connect as (PG_USER). */
  engine: { name: string; password?: string };
  database: string;
  schema: string;
}

/** The role setup the settings describe. */
export function roleSetupOf(config: AppConfig): RoleSetup {
  return {
    owner: { name: config.PG_MIGRATION_USER, password: config.PG_MIGRATION_PASSWORD || undefined },
    engine: { name: config.PG_USER, password: config.PG_PASSWORD || undefined },
    database: config.PG_DATABASE,
    schema: config.PG_SCHEMA,
  };
}

/**
 * Creates the owner and engine roles when missing (login, no superuser, no role or database
 * creation), sets their passwords when given, lets the owner create schemas in the database and
 * gives it the schema. Run once per installation by a PostgreSQL superuser (`cli.js db-roles`);
 * idempotent.
 */
export async function setUpDatabaseRoles(superuser: EntityManager, setup: RoleSetup): Promise<void> {
  for (const role of [setup.owner, setup.engine]) {
    const [existing] = await superuser.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role.name]);
    if (!existing) await superuser.query(`CREATE ROLE ${ident(role.name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS`);
    if (role.password) await superuser.query(`ALTER ROLE ${ident(role.name)} PASSWORD ${literal(role.password)}`);
  }
  if (setup.owner.name === setup.engine.name) return;
  await superuser.query(`GRANT CONNECT, CREATE ON DATABASE ${ident(setup.database)} TO ${ident(setup.owner.name)}`);
  await superuser.query(`GRANT CONNECT ON DATABASE ${ident(setup.database)} TO ${ident(setup.engine.name)}`);
  const [schema] = await superuser.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [setup.schema]);
  if (!schema) await superuser.query(`CREATE SCHEMA ${ident(setup.schema)} AUTHORIZATION ${ident(setup.owner.name)}`);
  else await superuser.query(`GRANT USAGE, CREATE ON SCHEMA ${ident(setup.schema)} TO ${ident(setup.owner.name)}`);
}

/**
 * After the migrations, as the owner: the engine may read and write the working tables and use
 * their sequences, only add to and read the evidence tables, and only read the migration history.
 * Run after every migration run, so tables added later are covered too. Nothing to do when one
 * role is both.
 */
export async function grantEngine(owner: DataSource | EntityManager, setup: RoleSetup): Promise<void> {
  if (setup.owner.name === setup.engine.name) return;
  const schema = ident(setup.schema);
  const engine = ident(setup.engine.name);
  await owner.query(`GRANT USAGE ON SCHEMA ${schema} TO ${engine}`);
  await owner.query(`REVOKE CREATE ON SCHEMA ${schema} FROM ${engine}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${engine}`);
  await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${engine}`);
  await owner.query(`REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA ${schema} FROM ${engine}`);
  for (const table of APPEND_ONLY_TABLES) await owner.query(`REVOKE UPDATE, DELETE ON ${schema}.${table} FROM ${engine}`);
  await owner.query(`REVOKE INSERT, UPDATE, DELETE ON ${schema}.schema_migrations FROM ${engine}`);
}

/**
 * Connects as a PostgreSQL superuser (PG_SUPERUSER, `postgres` by default) and sets up the roles
 * and schema the settings name; for `cli.js db-roles`, the test harness and the demo.
 */
export async function setUpDatabaseRolesAs(config: AppConfig, superuser: { username: string; password?: string }): Promise<RoleSetup> {
  const setup = roleSetupOf(config);
  const dataSource = new DataSource({
    type: 'postgres',
    host: config.PG_HOST,
    port: config.PG_PORT,
    database: config.PG_DATABASE,
    username: superuser.username,
    password: superuser.password ?? '',
    extra: { max: 1 },
  });
  await dataSource.initialize();
  try {
    // One installation's set-up at a time: test files and processes may start together.
    await dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('tongket.db-roles'))`);
      await setUpDatabaseRoles(em, setup);
    });
  } finally {
    await dataSource.destroy();
  }
  return setup;
}
