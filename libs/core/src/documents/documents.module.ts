import { Module } from '@nestjs/common';
import { ConsolidationModule } from '../consolidation/consolidation.module';
import { PlansModule } from '../plans/plans.module';
import { ReportsModule } from '../reports/reports.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { DocumentsService } from './documents.service';
import { DocxRenderPool } from './docx-render-pool.service';
import { FiguresCutOff } from './figures-cut-off.service';

@Module({
  imports: [ReportsModule, ConsolidationModule, PlansModule, WorkflowsModule],
  providers: [DocumentsService, FiguresCutOff, DocxRenderPool],
  exports: [DocumentsService, FiguresCutOff],
})
export class DocumentsModule {}
