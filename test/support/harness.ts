import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import request from 'supertest';
import { loadConfig } from '@app/config';
import { runMigrations } from '@app/dal';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { E2eEnv, prepareE2eEnv } from './e2e-env';
import { PgClient, pgClient } from './pg';

/**
 * One running engine per test file: the API (over a real HTTP port, so concurrent supertest
 * requests share one listening server) and a worker context, both in this process, talking only
 * through PostgreSQL and Redis like the deployed processes do.
 */
export interface E2eContext {
  env: E2eEnv;
  api: INestApplication;
  worker: INestApplicationContext;
  http: ReturnType<typeof request>;
  /** Direct connection to the file's schema, for the checks the HTTP contract cannot show. */
  db: PgClient;
  tokens: Map<string, string>;
}

export async function startE2e(): Promise<E2eContext> {
  // The engine reads its settings when its modules are created, i.e. after this line.
  const env = prepareE2eEnv();

  await runMigrations(loadConfig());

  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).compile();
  const api = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  configureApp(api);
  await api.init();
  await api.listen(0, '127.0.0.1');

  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
  await worker.init();

  const db = await pgClient(env.schema);

  return { env, api, worker, http: request(api.getHttpServer()), db, tokens: new Map() };
}

export async function stopE2e(ctx: E2eContext | undefined): Promise<void> {
  if (!ctx) return;
  await ctx.api.close();
  await ctx.worker.close();
  await ctx.db.query(`DROP SCHEMA IF EXISTS ${ctx.env.schema} CASCADE`);
  await ctx.db.end();
  await dropQueueKeys(ctx.env.queuePrefix);
}

async function dropQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis({
    host: process.env.REDIS_HOST ?? '127.0.0.1',
    port: Number(process.env.REDIS_PORT ?? 6379),
    lazyConnect: true,
  });
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

export const FIXTURE_PASSWORD = 'tongket-2019';
