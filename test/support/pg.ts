/**
 * A plain `pg` client on the test schema. `pg` ships no type declarations here (no @types/pg), so
 * the little of it the tests use is typed by hand.
 */
export interface PgClient {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number | null }>;
  end(): Promise<void>;
}

interface PgModule {
  Client: new (config: Record<string, unknown>) => PgClient & { connect(): Promise<void> };
}

/** The tests look at and clean up after the engine as the superuser, not as the engine's own role. */
export async function pgClient(schema: string): Promise<PgClient> {
  return pgClientAs(process.env.PG_SUPERUSER ?? 'postgres', schema, process.env.PG_SUPERUSER_PASSWORD);
}

/** A client logged in as `user` (e.g. the engine's own role, to show what it may not do). */
export async function pgClientAs(user: string, schema: string, password = process.env.PG_PASSWORD ?? ''): Promise<PgClient> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require('pg') as PgModule;
  const client = new Client({
    host: process.env.PG_HOST ?? '127.0.0.1',
    port: Number(process.env.PG_PORT ?? 5432),
    user,
    password,
    database: process.env.PG_DATABASE ?? 'test',
    options: `-c search_path=${schema}`,
  });
  await client.connect();
  return client;
}
