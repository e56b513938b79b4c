import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { loadConfig, nestLogLevels } from '@app/config';
import { stopOnSignal } from '@app/core';
import { migrateAtStart } from '@app/dal';
import { WorkerModule } from '../../worker/src/worker.module';
import { ApiModule } from './api.module';
import { createApiApp } from './create-api-app';

/** Starts the HTTP API; `--with-worker` also runs the queue processors in this process. SIGTERM drains (see stopOnSignal). */
async function main(): Promise<void> {
  const config = loadConfig();
  // Before anything opens a connection as the engine: the schema it needs, or a clear refusal.
  const schema = await migrateAtStart(config);
  const withWorker = process.argv.includes('--with-worker');
  const module = withWorker ? ApiModule.withWorker(WorkerModule) : ApiModule;
  const app = await createApiApp((adapter, options) => NestFactory.create<NestFastifyApplication>(module, adapter, options), {
    bufferLogs: true,
    logger: nestLogLevels(config.LOG_LEVEL),
  });
  app.useLogger(app.get(Logger));
  app.get(Logger).log(`Migrations: ${schema}`);
  stopOnSignal(app, withWorker ? 'API and worker' : 'API');
  await app.listen(config.PORT, '0.0.0.0');
  app.get(Logger).log(`Tổng kết API listening on http://127.0.0.1:${config.PORT}${withWorker ? ' (with worker)' : ''}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
