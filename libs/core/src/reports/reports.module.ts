import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { ReportsService } from './reports.service';
import { SubmissionService } from './submission.service';

@Module({ imports: [OrgModule], providers: [ReportsService, SubmissionService], exports: [ReportsService, SubmissionService] })
export class ReportsModule {}
