import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OUTLINE_PARTS, SECTION_PARTS } from '@app/domain';
import { FIGURES, TEXTS_BY_ITEM } from '../common/openapi-shapes';

/** One outline item of a report as `GET /api/reports/:id` answers it (OpenAPI only). */
export class ReportSectionView {
  @ApiProperty({ example: 'political' }) key: string;
  @ApiProperty() title: string;
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ enum: OUTLINE_PARTS, description: 'The part of the report; absent for plans made with the five-part outline' }) part?: string;
  @ApiProperty({ enum: SECTION_PARTS, isArray: true, description: 'The texts the item takes; an edit sending another is refused (400)' }) takes: string[];
  @ApiPropertyOptional({ description: 'What the writer is asked to write' }) guidance?: string;
  @ApiProperty({ description: 'The one text of an item that takes one; "" when empty' }) text: string;
  @ApiProperty({ description: '"" when empty, as every part' }) strengths: string;
  @ApiProperty() limitations: string;
  @ApiProperty() causes: string;
  @ApiProperty() lessons: string;
  @ApiProperty() directions: string;
}

/** A report as `GET /api/reports` lists it, without its texts (OpenAPI only). */
export class ReportSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty() stage: string;
  @ApiProperty() workflowVersion: number;
  @ApiProperty() returnedCount: number;
  @ApiProperty({ nullable: true, type: String }) lastReturnReason: string | null;
  @ApiProperty({ description: 'Nobody holds the role to act on its stage' }) unassigned: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When its current stage is due' }) dueAt: string | null;
  @ApiProperty({ ...FIGURES, description: 'The figures as entered; a figure not reported is absent, never 0' }) indicators: Record<string, number>;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** A report (OpenAPI only): the contract's fields and what the engine adds. */
export class ReportView extends ReportSummaryView {
  @ApiProperty({ type: [ReportSectionView] }) sections: ReportSectionView[];
  @ApiProperty({ ...FIGURES, description: 'Percentages computed from the figures entered (never entered themselves)', example: { example_orgs_percent: 75 } })
  derivedIndicators: Record<string, number>;
  @ApiProperty({ format: 'date-time', description: 'When it entered its current stage' }) stageEnteredAt: string;
}

/** A submitted version of a report's (or a level report's) content, as it was sent on (OpenAPI only). */
export class ReportVersionView {
  @ApiProperty({ description: '1 for the first submission' }) seq: number;
  @ApiProperty() round: number;
  @ApiProperty({ ...TEXTS_BY_ITEM, description: 'Per outline item, its texts by part' }) sections: Record<string, Record<string, string>>;
  @ApiProperty({ ...FIGURES }) indicators: Record<string, number>;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'The username of who submitted it; null for a person since removed or the engine' })
  submittedBy: string | null;
}

/** `POST /api/reports/:id/submit` (OpenAPI only): the version is kept and the worker moves the report on. */
export class SubmittedReportView {
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty({ format: 'uuid', description: 'The drafting task completed' }) taskId: string;
  @ApiProperty({ description: 'The version’s number (ReportVersionView.seq)' }) snapshot: number;
}
