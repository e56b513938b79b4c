import { Module } from '@nestjs/common';
import { ConsolidationModule } from '../consolidation/consolidation.module';
import { ReportsModule } from '../reports/reports.module';
import { FiguresWorkbooks } from './figures-workbooks.service';

/** The appendix of figures as Excel workbooks, in and out. */
@Module({ imports: [ReportsModule, ConsolidationModule], providers: [FiguresWorkbooks], exports: [FiguresWorkbooks] })
export class FiguresModule {}
