import type { AppConfig } from '@app/config';
import { pendingMigrations, runMigrations } from './data-source-options';

/**
 * What an API or worker process does with the schema before it starts: with MIGRATIONS=auto (the
 * default) it applies pending migrations (one process at a time, under an advisory lock); with
 * MIGRATIONS=manual it refuses to start while any is pending and names the command to run. Answers
 * a line for the log.
 */
export async function migrateAtStart(config: AppConfig): Promise<string> {
  if (config.MIGRATIONS === 'manual') {
    const pending = await pendingMigrations(config);
    if (pending.length) {
      throw new Error(
        `Schema ${config.PG_SCHEMA} lacks ${pending.length} migration(s) (${pending.join(', ')}), and MIGRATIONS=manual: ` +
          'run `npm run migrate` (as PG_MIGRATION_USER) first, then start again',
      );
    }
    return `schema ${config.PG_SCHEMA} is up to date (MIGRATIONS=manual)`;
  }
  const applied = await runMigrations(config);
  return applied.length ? `applied migrations to schema ${config.PG_SCHEMA}: ${applied.join(', ')}` : `schema ${config.PG_SCHEMA} is up to date`;
}
