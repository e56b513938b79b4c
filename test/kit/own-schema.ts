import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { loadConfig } from '@app/config';
import { runMigrations, setUpDatabaseRolesAs } from '@app/dal';
import { pgClient } from '../support/pg';

/**
 * Per test file: its own PostgreSQL schema and its own BullMQ prefix, written into process.env
 * before any engine module is loaded or created (the engine reads its settings at module creation).
 * Jest gives every test file its own copy of process.env, so files never see each other's values.
 */
export interface OwnSchema {
  schema: string;
  queuePrefix: string;
}

/** `label` starts the schema's name (e2e_…, svc_…), so a schema left behind says which suite left it. */
export function useOwnSchema(label = 'e2e'): OwnSchema {
  const suffix = randomBytes(5).toString('hex');
  const env: OwnSchema = { schema: `${label}_${suffix}`, queuePrefix: `{${label}-${suffix}}` };
  process.env.PG_HOST ??= '127.0.0.1';
  process.env.PG_PORT ??= '5432';
  process.env.PG_DATABASE ??= 'test';
  process.env.REDIS_HOST ??= '127.0.0.1';
  process.env.REDIS_PORT ??= '6379';
  process.env.PG_SCHEMA = env.schema;
  process.env.QUEUE_PREFIX = env.queuePrefix;
  process.env.PORT = '0';
  // pino-http logs 4xx at warn: the suites make hundreds on purpose.
  process.env.LOG_LEVEL ??= 'error';
  // The engine creates the first administrator on start when none exists; the fixture's admin
  // then comes in with the same username and password through the import.
  process.env.BOOTSTRAP_ADMIN_USERNAME = 'admin';
  process.env.BOOTSTRAP_ADMIN_PASSWORD = 'tongket-2019';
  return env;
}

/** The engine's database roles and the schema of PG_SCHEMA, migrated: what `db-roles` and `migrate` do for an operator. */
export async function migrateOwnSchema(): Promise<void> {
  await setUpDatabaseRolesAs(loadConfig(), { username: process.env.PG_SUPERUSER ?? 'postgres', password: process.env.PG_SUPERUSER_PASSWORD });
  await runMigrations(loadConfig());
}

/** Drops the schema (as the superuser) and the queue keys of its prefix: nothing of the file is left behind. */
export async function dropOwnSchema(own: OwnSchema): Promise<void> {
  const db = await pgClient(own.schema);
  try {
    await db.query(`DROP SCHEMA IF EXISTS ${own.schema} CASCADE`);
  } finally {
    await db.end();
  }
  await dropQueueKeys(own.queuePrefix);
}

export function redisClient(): Redis {
  return new Redis({
    host: process.env.REDIS_HOST ?? '127.0.0.1',
    port: Number(process.env.REDIS_PORT ?? 6379),
    lazyConnect: true,
  });
}

/** Deletes the BullMQ keys of one prefix, leaving every other user of the Redis server alone. */
export async function dropQueueKeys(prefix: string): Promise<void> {
  const redis = redisClient();
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
