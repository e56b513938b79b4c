import { Module } from '@nestjs/common';
import { PlanLevelStagesModule } from '../consolidation/plan-level-stages.module';
import { RemindersModule } from '../reminders/reminders.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { AccessService } from './access.service';
import { AdminBootstrap } from './admin-bootstrap.service';
import { ApproverSync } from './approver-sync.service';
import { OrgService } from './org.service';
import { UserAccounts } from './user-accounts.service';
import { UsersService } from './users.service';

@Module({
  imports: [WorkflowsModule, RemindersModule, PlanLevelStagesModule],
  providers: [OrgService, AccessService, AdminBootstrap, ApproverSync, UsersService, UserAccounts],
  exports: [OrgService, AccessService, UsersService, UserAccounts],
})
export class OrgModule {}
