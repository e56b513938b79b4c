import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig, nestLogLevels } from '@app/config';
import { stopOnSignal } from '@app/core';
import { migrateAtStart } from '@app/dal';
import { WorkerModule } from './worker.module';

/** Starts the queue worker; SIGTERM or SIGINT drains it (see stopOnSignal). */
async function main(): Promise<void> {
  const config = loadConfig();
  // Before anything opens a connection as the engine: the schema it needs, or a clear refusal.
  const schema = await migrateAtStart(config);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, logger: nestLogLevels(config.LOG_LEVEL) });
  app.useLogger(app.get(Logger));
  app.get(Logger).log(`Migrations: ${schema}`);
  stopOnSignal(app, 'worker');
  await app.init();
  app.get(Logger).log('Tổng kết worker started');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
