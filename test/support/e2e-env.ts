import { randomBytes } from 'node:crypto';

/**
 * Per test file: its own PostgreSQL schema and its own BullMQ prefix, written into process.env
 * before any engine module is loaded or created (the engine reads its settings at module creation).
 * Jest gives every test file its own copy of process.env, so files never see each other's values.
 */
export interface E2eEnv {
  schema: string;
  queuePrefix: string;
}

export function prepareE2eEnv(): E2eEnv {
  const suffix = randomBytes(5).toString('hex');
  const env: E2eEnv = { schema: `e2e_${suffix}`, queuePrefix: `{e2e-${suffix}}` };
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
