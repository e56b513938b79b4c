import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { DigestService } from './digest.service';
import { ReminderFirer } from './reminder-firer.service';
import { ReminderScheduler } from './reminder-scheduler.service';

@Module({
  imports: [WorkflowsModule, NotificationsModule],
  providers: [ReminderScheduler, ReminderFirer, DigestService],
  exports: [ReminderScheduler, ReminderFirer, DigestService],
})
export class RemindersModule {}
