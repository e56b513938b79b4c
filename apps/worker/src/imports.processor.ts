import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { OrgImportRunner } from '@app/core';
import { assertHandlesEveryJob, dispatchJob, isFinalAttempt, JobName, QueueHandlers, QueueName, WORKER_OPTIONS } from '@app/jobs';
import { logJobFailures } from './job-failures';

/**
 * Org imports, one at a time per worker: passwords hashed with bounded concurrency, then the import
 * applied in one transaction. On shutdown the hashing stops at once (a drain would otherwise wait
 * minutes for a large import); the import stays pending and the queue's retry or the reconciler
 * takes it up again.
 */
@Processor(QueueName.Imports, WORKER_OPTIONS[QueueName.Imports])
export class ImportsProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly handlers: QueueHandlers<typeof QueueName.Imports>;
  private readonly stopping = new AbortController();

  constructor(runner: OrgImportRunner) {
    super();
    this.handlers = {
      [JobName.ImportOrg]: (data, job) => runner.run(data.importId, { finalAttempt: isFinalAttempt(job), signal: this.stopping.signal }),
    };
    assertHandlesEveryJob(QueueName.Imports, this.handlers);
  }

  onApplicationBootstrap(): void {
    logJobFailures(this, new Logger(ImportsProcessor.name));
  }

  beforeApplicationShutdown(): void {
    this.stopping.abort();
  }

  process(job: Job): Promise<unknown> {
    return dispatchJob(QueueName.Imports, this.handlers, job);
  }
}
