import { Pool } from 'pg';
import Redis from 'ioredis';

/** Where PostgreSQL and Redis are: the engine's own variables and defaults (config/src/app-config.ts). */
export const settings = {
  pg: {
    host: process.env.PG_HOST ?? '127.0.0.1',
    port: Number(process.env.PG_PORT ?? 5432),
    // The bench seeds and inspects as the superuser; the engine's processes use their own roles.
    user: process.env.PG_SUPERUSER ?? 'postgres',
    password: process.env.PG_SUPERUSER_PASSWORD ?? '',
    database: process.env.PG_DATABASE ?? 'test',
  },
  redis: { host: process.env.REDIS_HOST ?? '127.0.0.1', port: Number(process.env.REDIS_PORT ?? 6379) },
};

/** A positive integer from the environment, for the knobs of a scenario (BENCH_*). */
export function envInt(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}=${value}: a positive integer is expected`);
  return n;
}

export function pgPool(schema: string, max = 4): Pool {
  return new Pool({ ...settings.pg, max, options: `-c search_path=${schema} -c timezone=UTC` });
}

export function redisClient(): Redis {
  return new Redis({ ...settings.redis, maxRetriesPerRequest: null });
}

/**
 * Gives a scenario a clean PostgreSQL schema and queue prefix of its own, so a run never touches the
 * default schema, the demo's or the tests'; returns the environment for the engine's processes.
 */
export async function sandbox(schema: string, queuePrefix: string, extraEnv: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
  if (!/^bench_[a-z0-9_]+$/.test(schema)) throw new Error(`Refusing schema ${schema}: bench schemas start with bench_`);
  if (!/^\{bench-[a-z0-9-]+\}$/.test(queuePrefix)) throw new Error(`Refusing queue prefix ${queuePrefix}: expected {bench-...}`);
  const pool = new Pool({ ...settings.pg, max: 1 });
  try {
    await pool.query(`SET client_min_messages = warning`);
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await pool.end();
  }
  const redis = redisClient();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return { ...process.env, PG_SCHEMA: schema, QUEUE_PREFIX: queuePrefix, ...extraEnv };
}

/** The server versions, for the results' record of the machine. */
export async function serverVersions(): Promise<{ postgres: string; redis: string }> {
  const pool = new Pool({ ...settings.pg, max: 1 });
  const redis = redisClient();
  try {
    const { rows } = await pool.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    const info = await redis.info('server');
    return { postgres: rows[0].v, redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown' };
  } finally {
    await pool.end();
    redis.disconnect();
  }
}
