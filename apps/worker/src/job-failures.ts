import { Logger } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';

/**
 * Logs every failed attempt with its job id, name and attempt number (JSON through pino); the
 * queue retries with backoff and keeps what finally failed, so nothing is swallowed. The worker's
 * own errors (Redis unreachable, a job's lock lost on an overloaded machine, after which BullMQ's
 * stalled-job check takes the job over) go through pino too: without a listener BullMQ printed them
 * to stderr as "Unhandled error", outside the structured log.
 */
export function logJobFailures(host: WorkerHost, logger: Logger): void {
  host.worker.on('failed', (job, error) => {
    logger.warn({ jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, error: error.message }, `job ${job?.name} ${job?.id} failed`);
  });
  host.worker.on('error', (error) => {
    logger.warn({ queue: host.worker.name, error: error.message }, `queue ${host.worker.name}: ${error.message}`);
  });
}
