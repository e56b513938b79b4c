import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@app/config';
import { Clock } from './common/clock';
import { DatabaseModule } from './database/database.module';
import { QueueModule } from './queue/queue.module';

/** Settings, PostgreSQL, the queues and the clock: what every capability module relies on. */
@Global()
@Module({
  imports: [ConfigModule, DatabaseModule, QueueModule],
  providers: [Clock],
  exports: [Clock],
})
export class InfrastructureModule {}
