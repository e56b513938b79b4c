import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { DocumentsService } from './documents.service';

@Module({ imports: [ReportsModule], providers: [DocumentsService], exports: [DocumentsService] })
export class DocumentsModule {}
