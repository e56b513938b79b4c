import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OUTLINE_PARTS, SECTION_PARTS } from '@app/domain';

const FIGURES = { type: 'object', additionalProperties: { type: 'number' } } as const;

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

/** A report (OpenAPI only): the contract's fields and what the engine adds. */
export class ReportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty() stage: string;
  @ApiProperty() workflowVersion: number;
  @ApiProperty() returnedCount: number;
  @ApiPropertyOptional({ nullable: true }) lastReturnReason: string | null;
  @ApiProperty({ type: [ReportSectionView] }) sections: ReportSectionView[];
  @ApiProperty({ ...FIGURES, description: 'The figures as entered; a figure not reported is absent, never 0' }) indicators: Record<string, number>;
  @ApiProperty({ ...FIGURES, description: 'Percentages computed from the figures entered (never entered themselves)', example: { example_orgs_percent: 75 } })
  derivedIndicators: Record<string, number>;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
