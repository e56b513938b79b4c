import { Injectable } from '@nestjs/common';
import { Worker } from 'bullmq';
import { ConsolidationProcessor } from './consolidation.processor';
import { ImportsProcessor } from './imports.processor';
import { NotificationsProcessor } from './notifications.processor';
import { RemindersProcessor } from './reminders.processor';
import { TransitionsProcessor } from './transitions.processor';

/** The BullMQ workers of this engine, one per queue: what is drained at shutdown and registered as ours. */
@Injectable()
export class LocalWorkers {
  constructor(
    private readonly transitions: TransitionsProcessor,
    private readonly reminders: RemindersProcessor,
    private readonly notifications: NotificationsProcessor,
    private readonly consolidation: ConsolidationProcessor,
    private readonly imports: ImportsProcessor,
  ) {}

  all(): Worker[] {
    return [this.transitions, this.reminders, this.notifications, this.consolidation, this.imports].map((p) => p.worker);
  }
}
