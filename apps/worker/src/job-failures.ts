import { Logger } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';

/**
 * Logs every failed attempt with its job id, name and attempt number (JSON through pino); the
 * queue retries with backoff and keeps what finally failed, so nothing is swallowed.
 */
export function logJobFailures(host: WorkerHost, logger: Logger): void {
  host.worker.on('failed', (job, error) => {
    logger.warn({ jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, error: error.message }, `job ${job?.name} ${job?.id} failed`);
  });
}
