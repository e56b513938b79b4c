import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig, nestLogLevels } from '@app/config';
import { WorkerModule } from './worker.module';

/** Starts the queue worker; SIGTERM or SIGINT drains it (see drainOn). */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, logger: nestLogLevels(config.LOG_LEVEL) });
  app.useLogger(app.get(Logger));
  drainOn(app, ['SIGTERM', 'SIGINT']);
  await app.init();
  app.get(Logger).log('Tổng kết worker started');
}

/**
 * On a stop signal the worker takes no new job, lets the jobs in hand finish (closing the BullMQ
 * workers waits for them), stops its timers, then exits 0: an orchestrator sees a clean stop, and
 * nothing is left for another worker's stalled-job check. A second signal stops at once.
 */
function drainOn(app: INestApplicationContext, signals: NodeJS.Signals[]): void {
  let draining = false;
  const onSignal = (signal: NodeJS.Signals) => {
    const logger = app.get(Logger);
    if (draining) {
      logger.warn(`${signal} again: stopping without waiting for jobs in flight`);
      process.exit(1);
    }
    draining = true;
    logger.log(`${signal}: draining jobs in flight`);
    app.close().then(
      () => { logger.log('Drained; worker stopped'); process.exit(0); },
      (error: Error) => { logger.error(`Shutdown failed: ${error.message}`); process.exit(1); },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
