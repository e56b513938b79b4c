import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { QueueName } from '@app/jobs';
import { EngineInstance, EngineInstanceModule } from './engine-instance';
import { JobQueue } from './job-queue';
import { OutboxRelay } from './outbox-relay.service';
import { RelayAfterCommit } from './relay-after-commit';

export function redisConnection(config: AppConfig) {
  // maxRetriesPerRequest null: BullMQ workers block on Redis and must not give up while it restarts.
  return { host: config.REDIS_HOST, port: config.REDIS_PORT, maxRetriesPerRequest: null };
}

@Global()
@Module({
  imports: [
    EngineInstanceModule,
    BullModule.forRootAsync({
      imports: [EngineInstanceModule],
      inject: [AppConfig, EngineInstance],
      // Every connection named after the engine instance: see OrphanedJobs.
      useFactory: (config: AppConfig, instance: EngineInstance) => ({
        connection: { ...redisConnection(config), connectionName: instance.connectionName },
        prefix: config.QUEUE_PREFIX,
      }),
    }),
    ...Object.values(QueueName).map((name) => BullModule.registerQueue({ name })),
    BullModule.registerFlowProducer({ name: QueueName.Consolidation }),
  ],
  providers: [JobQueue, OutboxRelay, RelayAfterCommit],
  exports: [JobQueue, OutboxRelay, BullModule, EngineInstanceModule],
})
export class QueueModule {}
