import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { ReportsModule } from '../reports/reports.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { DecisionStates } from './decision-state.service';
import { RemarksService } from './remarks.service';

/** The review side of a report: where its decision stands and the remarks anchored to its items. */
@Module({ imports: [OrgModule, ReportsModule, WorkflowsModule], providers: [RemarksService, DecisionStates], exports: [RemarksService, DecisionStates] })
export class ReviewModule {}
