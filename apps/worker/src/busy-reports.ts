import { DelayedError, Job } from 'bullmq';
import { ReportBusy } from '@app/core';

/**
 * Runs a decision; one that found its report's row held by another transaction (nearly always
 * another vote moving the same round) goes back to the queue as a delayed job and runs again a
 * moment later, when it usually finds its round past and ends as stale. BullMQ counts no attempt
 * and reports no failure for it. Waiting for the row in PostgreSQL instead held a connection and a
 * worker's slot, and made lock waits half of the database's time under load.
 */
export async function deferWhileReportBusy<T>(job: Job, token: string | undefined, decision: () => Promise<T>): Promise<T> {
  try {
    return await decision();
  } catch (error) {
    // Without its lock token a job cannot move itself; it then fails and retries with its backoff.
    if (!(error instanceof ReportBusy) || token === undefined) throw error;
    await job.moveToDelayed(Date.now() + BUSY_REPORT_RETRY_MS + Math.random() * BUSY_REPORT_RETRY_MS, token);
    throw new DelayedError(error.message);
  }
}

/** About the time a move of a report takes under load; jittered so that deferred votes do not meet again. */
const BUSY_REPORT_RETRY_MS = 25;
