import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { startWorkerContext } from '../kit/in-process-engine';
import { dropQueueKeys, migrateOwnSchema, OwnSchema, redisClient, useOwnSchema } from '../kit/own-schema';
import { PgClient, pgClient } from './pg';

/**
 * One running engine per test file: the API (over a real HTTP port, so concurrent supertest
 * requests share one listening server) and a worker context, both in this process, talking only
 * through PostgreSQL and Redis like the deployed processes do.
 */
export interface E2eContext {
  env: OwnSchema;
  api: INestApplication;
  worker: INestApplicationContext;
  http: ReturnType<typeof request>;
  /** Direct connection to the file's schema, for the checks the HTTP contract cannot show. */
  db: PgClient;
  tokens: Map<string, string>;
}

export interface E2eOptions {
  /** Port of an SMTP server the test file started (see smtp-sink.ts); the engine sends its mail there. */
  smtpPort?: number;
  /** Further settings for this file's engine (e.g. RECONCILE_INTERVAL_MS), as environment variables. */
  env?: Record<string, string>;
}

export async function startE2e(options: E2eOptions = {}): Promise<E2eContext> {
  // The engine reads its settings when its modules are created, i.e. after these lines.
  const env = useOwnSchema('e2e');
  if (options.smtpPort !== undefined) {
    process.env.SMTP_HOST = '127.0.0.1';
    process.env.SMTP_PORT = String(options.smtpPort);
  }
  Object.assign(process.env, options.env ?? {});

  await migrateOwnSchema();

  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).compile();
  const api = await createApiApp((adapter, options) => moduleRef.createNestApplication<NestFastifyApplication>(adapter, options), {
    logger: ['error', 'warn'],
  });
  await api.init();
  await api.listen(0, '127.0.0.1');

  const worker = await startWorkerContext();

  const db = await pgClient(env.schema);

  return { env, api, worker, http: request(api.getHttpServer()), db, tokens: new Map() };
}

/** Stops the worker (after its in-flight jobs) and starts a new one with the same settings, as a redeploy does. */
export async function restartWorker(ctx: E2eContext): Promise<void> {
  await ctx.worker.close();
  ctx.worker = await startWorkerContext();
}

export async function stopE2e(ctx: E2eContext | undefined): Promise<void> {
  if (!ctx) return;
  await ctx.api.close();
  await ctx.worker.close();
  await ctx.db.query(`DROP SCHEMA IF EXISTS ${ctx.env.schema} CASCADE`);
  await ctx.db.end();
  await dropQueueKeys(ctx.env.queuePrefix);
}

/**
 * Loses what Redis holds, as a Redis restart without persistence does. FLUSHALL when this file is
 * alone on Redis (the e2e suite runs in band); when other keys are there (a benchmark, a demo or
 * another run sharing the server), only this file's queue keys, which is all the engine under test
 * has in Redis, so the loss looks the same to it and nobody else's work is wiped.
 * E2E_REDIS_LOSS=flushall or =prefix forces one or the other. Answers which one it did.
 */
export async function loseRedis(ctx: E2eContext): Promise<'flushall' | 'prefix'> {
  const redis = redisClient();
  try {
    await redis.connect();
    const forced = process.env.E2E_REDIS_LOSS;
    const alone = forced === 'flushall' || (forced !== 'prefix' && !(await hasOtherKeys(redis, ctx.env.queuePrefix)));
    if (alone) {
      await redis.flushall();
      return 'flushall';
    }
  } finally {
    redis.disconnect();
  }
  await dropQueueKeys(ctx.env.queuePrefix);
  return 'prefix';
}

async function hasOtherKeys(redis: Redis, prefix: string): Promise<boolean> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
    if (keys.some((key) => !key.startsWith(`${prefix}:`))) return true;
    cursor = next;
  } while (cursor !== '0');
  return false;
}

export const FIXTURE_PASSWORD = 'tongket-2019';
