import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OUTLINE_PARTS, SECTION_PARTS, UNIT_KINDS, UnitKind } from '@app/domain';
import { COUNTS, FIGURES, TEXTS } from '../common/openapi-shapes';
import { IndicatorDefinitionView, IndicatorGroupView } from '../plans/plan-view.dto';
import { UnitFigureView } from '../plans/consolidated-view.dto';

/** An outline item of a level's report with only the texts it takes (OpenAPI only). */
export class LevelItemView {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ enum: OUTLINE_PARTS }) part?: string;
  @ApiPropertyOptional() guidance?: string;
  @ApiProperty({ enum: SECTION_PARTS, isArray: true }) takes: string[];
  @ApiProperty({ ...TEXTS, description: 'Per text it takes, its content ("" when empty)' }) parts: Record<string, string>;
}

/** The level's own report (the Khối's, written by its working group, adopted by the Standing Committee) (OpenAPI only). */
export class LevelReportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: ['drafting', 'submitted', 'adopted'] }) status: 'drafting' | 'submitted' | 'adopted';
  @ApiProperty() round: number;
  @ApiProperty({ description: 'Incremented by every edit' }) version: number;
  @ApiProperty() returnedCount: number;
  @ApiProperty({ nullable: true, type: String }) lastReturnReason: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'The username of who last edited it' }) updatedBy: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) adoptedAt: string | null;
  @ApiProperty({ type: [LevelItemView] }) sections: LevelItemView[];
  @ApiProperty({ ...FIGURES, description: 'The figures entered' }) indicators: Record<string, number>;
  @ApiProperty({ ...FIGURES, description: 'Percentages computed from them' }) derivedIndicators: Record<string, number>;
  @ApiProperty({ ...FIGURES, description: 'The group’s sums the figures were last given; a figure equal to its sum follows the sums on submission' })
  sums: Record<string, number>;
  @ApiProperty({ description: 'The caller is of the working group and the report is being drafted' }) canEdit: boolean;
  @ApiProperty({ description: 'The same, holding an open task of the working group’s round' }) canSubmit: boolean;
}

/** `POST /api/plans/:id/level-report/submit` (OpenAPI only). */
export class LevelReportSubmittedView {
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ format: 'uuid', description: 'The working group’s task completed' }) taskId: string;
  @ApiProperty({ enum: ['approve'] }) decision: string;
}

/** The consolidating unit a level's answers are about (OpenAPI only). */
export class LevelUnitView {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
}

/** A unit whose approved report the level takes in (OpenAPI only). */
export class LevelSourceUnitView extends LevelUnitView {
  @ApiProperty({ description: 'The name people cite the unit by' }) citedAs: string;
  @ApiProperty({ format: 'uuid' }) reportId: string;
}

/** One unit's approved texts of an item, beside the editor (OpenAPI only). */
export class LevelSourceView extends LevelSourceUnitView {
  @ApiProperty({ ...TEXTS, description: 'Only the texts it wrote, trimmed' }) parts: Record<string, string>;
}

/** An outline item with the units' texts of the page (OpenAPI only). */
export class LevelSourceSectionView {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ enum: OUTLINE_PARTS }) part?: string;
  @ApiProperty({ enum: SECTION_PARTS, isArray: true }) takes: string[];
  @ApiProperty({ type: [LevelSourceView], description: 'Units that wrote nothing for the item are left out' }) sources: LevelSourceView[];
}

/** `GET /api/plans/:id/level-report/sources`: a page of the units' approved texts (OpenAPI only). */
export class LevelSourcesView {
  @ApiProperty({ type: LevelUnitView }) level: LevelUnitView;
  @ApiProperty({ description: 'Units shown in all' }) total: number;
  @ApiProperty() from: number;
  @ApiProperty() limit: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The next page’s `from`; null on the last page' }) next: number | null;
  @ApiProperty({ type: [LevelSourceUnitView] }) units: LevelSourceUnitView[];
  @ApiProperty({ type: [LevelSourceSectionView] }) sections: LevelSourceSectionView[];
}

/** One figure's value per reporting unit (OpenAPI only). */
export class FigureBreakdownView {
  @ApiProperty() indicator: string;
  @ApiProperty({ type: [UnitFigureView] }) units: UnitFigureView[];
}

/** `GET /api/plans/:id/level-report/figures`: the group's figures as the level's report starts from them (OpenAPI only). */
export class LevelFiguresView {
  @ApiProperty({ type: LevelUnitView }) level: LevelUnitView;
  @ApiProperty({ description: 'Units taken in' }) units: number;
  @ApiProperty({ type: [IndicatorDefinitionView] }) definitions: IndicatorDefinitionView[];
  @ApiProperty({ type: [IndicatorGroupView] }) groups: IndicatorGroupView[];
  @ApiProperty({ ...FIGURES, description: 'Blanks blank, percentages averaged or recomputed' }) totals: Record<string, number>;
  @ApiProperty({ ...COUNTS, description: 'Per figure, how many units reported it' }) reported: Record<string, number>;
  @ApiPropertyOptional({ type: FigureBreakdownView, description: 'With `indicator`: each reporting unit’s value' }) breakdown?: FigureBreakdownView;
}

/** One unit's line of the completeness table (OpenAPI only). */
export class CompletenessRowView {
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: ['included', 'missing'] }) status: 'included' | 'missing';
  @ApiProperty({ enum: ['on_time', 'late', 'not_submitted'] }) timeliness: 'on_time' | 'late' | 'not_submitted';
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) firstSubmittedAt: string | null;
  @ApiProperty() returnedCount: number;
  @ApiPropertyOptional({ enum: [true], description: 'Present on a report approved after the plan was completed' }) afterCompletion?: true;
}

/** The completeness table (OpenAPI only). */
export class CompletenessTableView {
  @ApiProperty({ type: [CompletenessRowView], description: 'By unit code' }) rows: CompletenessRowView[];
  @ApiProperty({ ...COUNTS, description: 'Counts by status and timeliness' }) summary: Record<string, number>;
}

/** `GET /api/plans/:id/level-report/completeness` (OpenAPI only). */
export class LevelCompletenessView {
  @ApiProperty({ type: LevelUnitView }) level: LevelUnitView;
  @ApiProperty({ description: 'Reports taken in' }) included: number;
  @ApiProperty({ type: [String], description: 'Codes of the units with no report taken in' }) missing: string[];
  @ApiProperty({ type: CompletenessTableView }) completeness: CompletenessTableView;
}
