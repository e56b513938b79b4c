import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { EmailDelivery, PasswordLinkDelivery } from '@app/core';
import { assertHandlesEveryJob, dispatchJob, isFinalAttempt, JobName, QueueHandlers, QueueName, WORKER_OPTIONS } from '@app/jobs';
import { logJobFailures } from './job-failures';

/** Sends e-mails (notices, set-password links); SMTP failures throw so the queue retries with backoff, and the last one marks it failed. */
@Processor(QueueName.Notifications, WORKER_OPTIONS[QueueName.Notifications])
export class NotificationsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly handlers: QueueHandlers<typeof QueueName.Notifications>;

  constructor(delivery: EmailDelivery, passwordLinks: PasswordLinkDelivery) {
    super();
    this.handlers = {
      [JobName.SendEmail]: (data, job) => delivery.deliver(data.notificationId, isFinalAttempt(job)),
      [JobName.SendPasswordLink]: (data, job) => passwordLinks.deliver(data.linkId, isFinalAttempt(job)),
    };
    assertHandlesEveryJob(QueueName.Notifications, this.handlers);
  }

  onApplicationBootstrap(): void {
    logJobFailures(this, new Logger(NotificationsProcessor.name));
  }

  process(job: Job): Promise<unknown> {
    return dispatchJob(QueueName.Notifications, this.handlers, job);
  }
}
