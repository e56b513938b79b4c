import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OUTLINE_PARTS, SECTION_PARTS } from '@app/domain';

/** One unit's text in a consolidation (OpenAPI only). */
export class AttributedTextView {
  @ApiProperty() unitCode: string;
  @ApiProperty({ description: 'The name people cite the unit by' }) unitName: string;
  @ApiProperty() text: string;
}

/** A section of a consolidation (OpenAPI only). */
export class ConsolidatedSectionView {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ enum: OUTLINE_PARTS }) part?: string;
  @ApiProperty({ enum: SECTION_PARTS, isArray: true, description: 'Only these carry texts; the other parts are empty' }) takes: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/AttributedTextView' } },
    description: 'Per text (text, strengths, limitations, causes, lessons, directions), each unit’s text in unit order',
  })
  parts: Record<string, AttributedTextView[]>;
}

/** One unit's value of a figure (OpenAPI only). */
export class UnitFigureView {
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty() value: number;
}

/** `GET /api/plans/:id/consolidated` (OpenAPI only): the contract's fields and what the engine adds. */
export class ConsolidatedView {
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ type: [String] }) included: string[];
  @ApiProperty({ type: [String] }) missing: string[];
  @ApiProperty({ type: [ConsolidatedSectionView] }) sections: ConsolidatedSectionView[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Totals: a figure nobody reported is absent; percentages recomputed or averaged, never summed',
  })
  indicators: Record<string, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/UnitFigureView' } },
    description: 'Per figure, each reporting unit’s value (derived percentages computed per unit)',
  })
  indicatorBreakdown: Record<string, UnitFigureView[]>;
}
