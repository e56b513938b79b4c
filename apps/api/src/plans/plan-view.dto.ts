import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PlanStatus } from '@app/dal';
import { UNIT_KINDS, UnitKind } from '@app/domain';
import { DEADLINES, LINES_BY_KIND } from '../common/openapi-shapes';
import { StageRuleDto } from '../workflows/workflow.dto';
import { BasisDocumentDto, OutlineSectionDto, ReminderSettingsDto } from './plan.dto';

/** A percentage's two counts (OpenAPI only). */
export class FigureRatioView {
  @ApiProperty() numerator: string;
  @ApiProperty() denominator: string;
}

/** A figure of the plan's appendix (OpenAPI only). */
export class IndicatorDefinitionView {
  @ApiProperty({ example: 'members_start' }) key: string;
  @ApiProperty({ example: 'Đảng viên đầu nhiệm kỳ' }) label: string;
  @ApiProperty({ enum: ['count', 'decimal', 'percent'] }) kind: 'count' | 'decimal' | 'percent';
  @ApiProperty({ example: 'đảng viên' }) unit: string;
  @ApiProperty({ example: 'organisations', description: 'The appendix table it belongs to' }) group: string;
  @ApiPropertyOptional({
    type: FigureRatioView,
    example: { numerator: 'example_orgs_committed', denominator: 'example_orgs_total' },
    description: 'A percentage computed from two counts, never entered',
  })
  derivedFrom?: FigureRatioView;
}

/** An appendix table (OpenAPI only). */
export class IndicatorGroupView {
  @ApiProperty({ example: 'organisations' }) key: string;
  @ApiProperty({ example: 'Tổ chức đảng và đảng viên đầu, cuối nhiệm kỳ' }) title: string;
  @ApiProperty({ type: [String], description: 'Its figures, in column order' }) keys: string[];
}

const PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'launching', 'launched', 'completed'];

/** A plan as stored: what creating it, listing plans and editing its deadlines answer (OpenAPI only). */
export class StoredPlanView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '30-KH/ĐUK' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date', description: 'The day the plan was issued' }) issuedOn: string;
  @ApiProperty({ example: '2020-2025' }) term: string;
  @ApiProperty({ type: [BasisDocumentDto], description: 'The documents it is issued on' }) basis: BasisDocumentDto[];
  @ApiProperty({ format: 'uuid' }) rootUnitId: string;
  @ApiProperty() workflowKey: string;
  @ApiProperty() workflowVersion: number;
  @ApiProperty({ type: [OutlineSectionDto] }) outline: OutlineSectionDto[];
  @ApiProperty({ type: [String], description: 'The figures the reports give, by key' }) indicatorNames: string[];
  @ApiProperty({ ...DEADLINES, description: 'Per unit kind, per stage key, when the stage is due (+07:00)' })
  deadlines: Record<string, Record<string, string>>;
  @ApiProperty({ type: ReminderSettingsDto }) reminders: ReminderSettingsDto;
  @ApiProperty({ enum: UNIT_KINDS, isArray: true, description: 'Unit kinds whose units consolidate the reports below them; the root always does' })
  consolidateAt: UnitKind[];
  @ApiProperty({ type: StageRuleDto, description: 'The Standing Committee’s approval rule (majority when none was chosen)' }) rootApproval: StageRuleDto;
  @ApiProperty({ ...LINES_BY_KIND, nullable: true, description: 'The plan’s own Nơi nhận per unit kind; null: the usual lines' })
  recipients: Record<string, string[]> | null;
  @ApiProperty({ enum: PLAN_STATUSES }) status: PlanStatus;
  @ApiProperty({ description: 'The working group’s consolidation round' }) consolidationRound: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) launchedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The id of the administrator who created it' }) createdBy: string | null;
  @ApiProperty({ description: 'Incremented by every change' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** `GET /api/plans/:id`: the stored plan with the definitions of its figures and the appendix tables they form (OpenAPI only). */
export class PlanView extends StoredPlanView {
  @ApiProperty({ type: [IndicatorDefinitionView] }) indicatorDefinitions: IndicatorDefinitionView[];
  @ApiProperty({ type: [IndicatorGroupView] }) indicatorGroups: IndicatorGroupView[];
}
