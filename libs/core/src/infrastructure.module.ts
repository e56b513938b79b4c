import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@app/config';
import { Clock } from './common/clock';
import { RedisStore } from './common/redis.provider';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './operations/logging.module';
import { QueueModule } from './queue/queue.module';

/** Settings, logging, PostgreSQL, the queues, a Redis store and the clock: what every capability module relies on. */
@Global()
@Module({
  imports: [ConfigModule, DatabaseModule, QueueModule, LoggingModule],
  providers: [Clock, RedisStore],
  exports: [Clock, RedisStore],
})
export class InfrastructureModule {}
