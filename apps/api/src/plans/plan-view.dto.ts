import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A figure of the plan's appendix (OpenAPI only). */
export class IndicatorDefinitionView {
  @ApiProperty({ example: 'members_start' }) key: string;
  @ApiProperty({ example: 'Đảng viên đầu nhiệm kỳ' }) label: string;
  @ApiProperty({ enum: ['count', 'decimal', 'percent'] }) kind: string;
  @ApiProperty({ example: 'đảng viên' }) unit: string;
  @ApiProperty({ example: 'organisations', description: 'The appendix table it belongs to' }) group: string;
  @ApiPropertyOptional({
    example: { numerator: 'example_orgs_committed', denominator: 'example_orgs_total' },
    description: 'A percentage computed from two counts, never entered',
  })
  derivedFrom?: { numerator: string; denominator: string };
}

/** An appendix table (OpenAPI only). */
export class IndicatorGroupView {
  @ApiProperty({ example: 'organisations' }) key: string;
  @ApiProperty({ example: 'Tổ chức đảng và đảng viên đầu, cuối nhiệm kỳ' }) title: string;
  @ApiProperty({ type: [String], description: 'Its figures, in column order' }) keys: string[];
}

/** What `GET /api/plans/:id` adds to the stored plan (OpenAPI only). */
export class PlanFiguresView {
  @ApiProperty({ type: [String] }) indicatorNames: string[];
  @ApiProperty({ type: [IndicatorDefinitionView] }) indicatorDefinitions: IndicatorDefinitionView[];
  @ApiProperty({ type: [IndicatorGroupView] }) indicatorGroups: IndicatorGroupView[];
}
