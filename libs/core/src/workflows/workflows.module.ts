import { Module } from '@nestjs/common';
import { StageEntryService } from './stage-entry.service';
import { WorkflowsService } from './workflows.service';

@Module({ providers: [WorkflowsService, StageEntryService], exports: [WorkflowsService, StageEntryService] })
export class WorkflowsModule {}
