import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { ConsolidationProcessor } from './consolidation.processor';
import { ImportsProcessor } from './imports.processor';
import { NotificationsProcessor } from './notifications.processor';
import { RemindersProcessor } from './reminders.processor';
import { TransitionsProcessor } from './transitions.processor';

/**
 * Closes every BullMQ worker, waiting for the jobs in hand, before anything else shuts down. Nest
 * closes queues, Redis and the database in the same shutdown phase as the workers; jobs still
 * running then would lose their connections half-way and be left for the stalled-job check.
 */
@Injectable()
export class WorkerDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerDrain.name);

  constructor(
    private readonly transitions: TransitionsProcessor,
    private readonly reminders: RemindersProcessor,
    private readonly notifications: NotificationsProcessor,
    private readonly consolidation: ConsolidationProcessor,
    private readonly imports: ImportsProcessor,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    const workers = [this.transitions, this.reminders, this.notifications, this.consolidation, this.imports].map((p) => p.worker);
    const inFlight = workers.reduce((n, w) => n + (w.isRunning() ? 1 : 0), 0);
    this.logger.log(`Closing ${inFlight} queue worker(s) after their jobs in flight`);
    await Promise.all(workers.map((w) => w.close()));
  }
}
