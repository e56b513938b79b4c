import type { INestApplicationContext } from '@nestjs/common';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import type { E2eContext } from '../support/harness';

/*
 * Parts of the engine started, crashed or silenced inside the test process: a second worker context,
 * a worker dying mid-job, the API's HTTP listener going away and coming back.
 */

/** Another worker process's worth of engine (same settings as the file's), e.g. the one started after a crash. */
export async function startWorkerContext(): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
  await worker.init();
  return worker;
}

/**
 * What a worker that dies mid-job leaves behind, as far as one process can show it: its database
 * sessions are killed by the server (the transaction in flight rolls back, nothing after it runs),
 * then it is shut down. Its BullMQ job fails and is left to the queue's retry and the reconciler.
 */
export async function crashWorker(ctx: E2eContext): Promise<void> {
  const dataSource = ctx.worker.get(DataSource, { strict: false });
  const pool = (dataSource.driver as unknown as { master: { _clients: { processID: number }[] } }).master;
  const pids = pool._clients.map((c) => c.processID).filter((pid) => typeof pid === 'number');
  // No new connection from now on; the ones in use end when the server kills their sessions.
  const destroyed = dataSource.destroy().catch(() => undefined);
  await ctx.db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = ANY($1::int[])`, [pids]);
  await destroyed;
  await ctx.worker.close();
}

/**
 * As `crashWorker`, but the way a killed process leaves BullMQ: the worker stops without finishing
 * or failing its job, which stays "active" in Redis under a lock nobody renews any more.
 */
export async function killWorker(ctx: E2eContext): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { TransitionsProcessor } = require('../../apps/worker/src/transitions.processor') as typeof import('../../apps/worker/src/transitions.processor');
  await ctx.worker.get(TransitionsProcessor, { strict: false }).worker.close(true);
  await crashWorker(ctx);
}

/**
 * The engine's HTTP server stopped as when its process is down (every connection closed, the port
 * refusing), then listening again on the same port: the browser's requests get no answer at all in
 * between, as a drafter sees when the server or the network goes away.
 */
export async function stopListening(ctx: E2eContext): Promise<number> {
  const server = ctx.api.getHttpServer() as Server;
  const { port } = server.address() as AddressInfo;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
  return port;
}

export async function listenAgain(ctx: E2eContext, port: number): Promise<void> {
  const server = ctx.api.getHttpServer() as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
