import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { runMigrations, setUpDatabaseRolesAs } from '@app/dal';
import { adminCommand } from './cli/admin-command';

const COMMANDS: Record<string, (args: string[]) => Promise<string>> = {
  /** Applies pending migrations to the configured schema, as PG_MIGRATION_USER. */
  async migrate() {
    const applied = await runMigrations(loadConfig());
    return applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Schema is up to date';
  },
  /**
   * Once per installation, as a PostgreSQL superuser (PG_SUPERUSER, PG_SUPERUSER_PASSWORD): creates
   * the owner role (PG_MIGRATION_USER) and the engine's role (PG_USER), with their passwords when set,
   * and the schema owned by the owner.
   */
  async 'db-roles'() {
    const setup = await setUpDatabaseRolesAs(loadConfig(), { username: process.env.PG_SUPERUSER || 'postgres', password: process.env.PG_SUPERUSER_PASSWORD });
    return `Roles ready: ${setup.owner.name} owns schema ${setup.schema}, the engine connects as ${setup.engine.name}`;
  },
  /** `admin create <username>` or `admin reset-password <username>`; the password comes from standard input or the terminal. */
  async admin(args) {
    return adminCommand(loadConfig(), args);
  },
};

/** Operator commands: `migrate`, `db-roles`, `admin`. */
async function main(): Promise<void> {
  const command = process.argv[2];
  const run = command ? COMMANDS[command] : undefined;
  if (!run) throw new Error(`Unknown command ${command ?? '(none)'}; known: ${Object.keys(COMMANDS).join(', ')}`);
  console.log(await run(process.argv.slice(3)));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
