import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { LocalWorkers } from './local-workers';

/**
 * Closes every BullMQ worker, waiting for the jobs in hand, before anything else shuts down. Nest
 * closes queues, Redis and the database in the same shutdown phase as the workers; jobs still
 * running then would lose their connections half-way and be left for the stalled-job check.
 */
@Injectable()
export class WorkerDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerDrain.name);

  constructor(private readonly workers: LocalWorkers) {}

  async beforeApplicationShutdown(): Promise<void> {
    const workers = this.workers.all();
    const inFlight = workers.reduce((n, w) => n + (w.isRunning() ? 1 : 0), 0);
    this.logger.log(`Closing ${inFlight} queue worker(s) after their jobs in flight`);
    await Promise.all(workers.map((w) => w.close()));
  }
}
