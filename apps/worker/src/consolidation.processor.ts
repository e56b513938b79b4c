import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { ConsolidationCollector } from '@app/core';
import { assertHandlesEveryJob, dispatchJob, JobName, QueueHandlers, QueueName, WORKER_OPTIONS } from '@app/jobs';

/**
 * The consolidation flows. A child completes when its report is approved (promoted) or at the
 * cut-off (its delay); it records nothing, since PostgreSQL holds each report's stage. The parent
 * runs once all its children have completed and collects.
 */
@Processor(QueueName.Consolidation, WORKER_OPTIONS[QueueName.Consolidation])
export class ConsolidationProcessor extends WorkerHost {
  private readonly handlers: QueueHandlers<typeof QueueName.Consolidation>;

  constructor(collector: ConsolidationCollector) {
    super();
    this.handlers = {
      [JobName.ConsolidationChild]: async (data) => ({ reportId: data.reportId }),
      [JobName.CollectConsolidation]: (data) => collector.collect(data.planId, data.unitId),
    };
    assertHandlesEveryJob(QueueName.Consolidation, this.handlers);
  }

  process(job: Job): Promise<unknown> {
    return dispatchJob(QueueName.Consolidation, this.handlers, job);
  }
}
