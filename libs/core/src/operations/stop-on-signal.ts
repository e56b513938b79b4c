import { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

/**
 * On a stop signal the process takes no new request or job, lets the jobs in hand finish (closing
 * the BullMQ workers waits for them), stops its timers, then exits 0: an orchestrator sees a clean
 * stop, and nothing is left for another worker's stalled-job check. A second signal stops at once.
 * Used instead of Nest's shutdown hooks, which re-raise the signal and so never exit 0.
 */
export function stopOnSignal(app: INestApplicationContext, what: string, signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    const logger = app.get(Logger);
    if (stopping) {
      logger.warn(`${signal} again: stopping without waiting for jobs in flight`);
      process.exit(1);
    }
    stopping = true;
    logger.log(`${signal}: draining jobs in flight`);
    app.close().then(
      () => {
        logger.log(`Drained; ${what} stopped`);
        process.exit(0);
      },
      (error: Error) => {
        logger.error(`Shutdown failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
}
