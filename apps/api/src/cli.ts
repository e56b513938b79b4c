import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { runMigrations } from '@app/dal';

/** Operator commands: `migrate` applies pending migrations to the configured schema. */
async function main(): Promise<void> {
  const command = process.argv[2];
  if (command !== 'migrate') throw new Error(`Unknown command ${command ?? '(none)'}; known: migrate`);
  const config = loadConfig();
  const applied = await runMigrations(config);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Schema is up to date');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
