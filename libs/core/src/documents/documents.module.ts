import { Module } from '@nestjs/common';
import { ConsolidationModule } from '../consolidation/consolidation.module';
import { ReportsModule } from '../reports/reports.module';
import { DocumentsService } from './documents.service';

@Module({ imports: [ReportsModule, ConsolidationModule], providers: [DocumentsService], exports: [DocumentsService] })
export class DocumentsModule {}
