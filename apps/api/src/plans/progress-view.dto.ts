import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PlanStageState, UNIT_KINDS, UnitKind } from '@app/domain';
import { COUNTS } from '../common/openapi-shapes';

const PLAN_STAGE_STATES: readonly PlanStageState[] = ['not_started', 'open', 'deciding', 'unassigned', 'done'];

/** One unit's report in a plan's progress (OpenAPI only). */
export class ProgressUnitView {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty() stage: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When its current stage is due' }) dueAt: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ description: 'Nobody holds the role to act on its stage' }) unassigned: boolean;
  @ApiProperty() returnedCount: number;
}

/** A unit of the progress tree: the root (no report) or a unit with its report's fields (OpenAPI only). */
export class ProgressNodeView {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null for the root' }) stage: string | null;
  @ApiProperty() overdue: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'Absent for the root' }) reportId?: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) dueAt?: string | null;
  @ApiPropertyOptional() unassigned?: boolean;
  @ApiPropertyOptional() returnedCount?: number;
  @ApiProperty({ type: () => [ProgressNodeView], description: 'By code' }) children: ProgressNodeView[];
}

/** An overdue report (OpenAPI only). */
export class OverdueUnitView {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty() stage: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt: string | null;
}

/** Why nobody can act: for people (Vietnamese) and for logs (English) (OpenAPI only). */
export class ReasonView {
  @ApiProperty() vi: string;
  @ApiProperty() en: string;
}

/** A report stage or a plan-level stage nobody holds the role to act on (OpenAPI only). */
export class UnassignedStageView {
  @ApiProperty({ enum: ['report', 'plan'] }) level: 'report' | 'plan';
  @ApiProperty({ description: 'The report’s unit, or the root for a plan-level stage' }) unitCode: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for a plan-level stage' }) reportId: string | null;
  @ApiProperty() stage: string;
  @ApiPropertyOptional({ description: 'Plan-level stages only' }) round?: number;
  @ApiPropertyOptional({ description: 'Plan-level stages only: how many may act' }) eligible?: number;
  @ApiPropertyOptional({ type: ReasonView, nullable: true, description: 'Plan-level stages only' }) reason?: ReasonView | null;
}

/** A plan-level stage (the working group’s consolidation, the Standing Committee’s approval) and who can act on it (OpenAPI only). */
export class PlanStageStatusView {
  @ApiProperty() stage: string;
  @ApiProperty() round: number;
  @ApiProperty({ enum: PLAN_STAGE_STATES }) state: PlanStageState;
  @ApiProperty() openTasks: number;
  @ApiProperty() votes: number;
  @ApiProperty() eligible: number;
  @ApiProperty({ type: ReasonView, nullable: true, description: 'null unless unassigned' }) reason: ReasonView | null;
}

/** The latest round of a plan-level stage's tasks (OpenAPI only). */
export class PlanTaskCountsView {
  @ApiProperty() stage: string;
  @ApiProperty() round: number;
  @ApiProperty() open: number;
  @ApiProperty() done: number;
}

/** A consolidating unit's collection of the reports below it (OpenAPI only). */
export class CollectionView {
  @ApiProperty() unitCode: string;
  @ApiProperty() status: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) cutOffAt: string | null;
  @ApiProperty({ description: 'How many reports it took in' }) included: number;
  @ApiProperty({ type: [String], description: 'The units it has no report from' }) missing: string[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) collectedAt: string | null;
}

/** A unit the caller holds a role on (OpenAPI only). */
export class ScopeUnitView {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
}

/** What of the plan the caller sees (OpenAPI only). */
export class ProgressScopeView {
  @ApiProperty({ description: 'The whole plan (administrators and the root’s people)' }) whole: boolean;
  @ApiProperty({ type: [ScopeUnitView], description: 'Otherwise the units (with everything below them) the caller holds a role on' }) units: ScopeUnitView[];
}

/** `GET /api/plans/:id/progress` (OpenAPI only). */
export class ProgressView {
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty() status: string;
  @ApiProperty() total: number;
  @ApiProperty({ ...COUNTS, description: 'Reports per stage' }) byStage: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: COUNTS, description: 'Per unit kind, reports per stage' }) byLevel: Record<
    string,
    Record<string, number>
  >;
  @ApiProperty() overdue: number;
  @ApiProperty({ type: [OverdueUnitView] }) overdueUnits: OverdueUnitView[];
  @ApiProperty({ type: [UnassignedStageView] }) unassigned: UnassignedStageView[];
  @ApiProperty({ type: [PlanStageStatusView], description: 'Empty for a caller who sees part of the plan' }) planStages: PlanStageStatusView[];
  @ApiProperty({ type: PlanTaskCountsView, nullable: true }) consolidation: PlanTaskCountsView | null;
  @ApiProperty({ type: PlanTaskCountsView, nullable: true }) rootApproval: PlanTaskCountsView | null;
  @ApiProperty({ type: [CollectionView] }) collections: CollectionView[];
  @ApiProperty({ type: [ProgressUnitView], description: 'By depth, then code' }) units: ProgressUnitView[];
  @ApiProperty({ type: ProgressNodeView, description: 'The units under the root' }) tree: ProgressNodeView;
  @ApiProperty({ type: ProgressScopeView }) scope: ProgressScopeView;
}
