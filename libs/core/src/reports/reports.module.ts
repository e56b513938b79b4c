import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { ReportsService } from './reports.service';
import { SubmissionService } from './submission.service';

@Module({ imports: [OrgModule, WorkflowsModule], providers: [ReportsService, SubmissionService], exports: [ReportsService, SubmissionService] })
export class ReportsModule {}
