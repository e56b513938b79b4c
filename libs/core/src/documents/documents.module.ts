import { Module } from '@nestjs/common';
import { AdoptionModule } from '../adoption/adoption.module';
import { ConsolidationModule } from '../consolidation/consolidation.module';
import { OrgModule } from '../org/org.module';
import { PlansModule } from '../plans/plans.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { DocumentSources } from './document-sources.service';
import { DocumentsService } from './documents.service';
import { DocxRenderPool } from './docx-render-pool.service';
import { FiguresCutOff } from './figures-cut-off.service';
import { PlanRecipientsService } from './plan-recipients.service';

@Module({
  imports: [ConsolidationModule, PlansModule, WorkflowsModule, OrgModule, AdoptionModule],
  providers: [DocumentsService, DocumentSources, FiguresCutOff, DocxRenderPool, PlanRecipientsService],
  exports: [DocumentsService, FiguresCutOff, PlanRecipientsService],
})
export class DocumentsModule {}
