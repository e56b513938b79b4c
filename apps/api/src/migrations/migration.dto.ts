import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';
import { STAGE_MAP } from '../common/openapi-shapes';
import { PG_INT_MAX } from '../common/positive-int-param';
import { registerDecorator } from 'class-validator';

/** `{oldStageKey: newStageKey}`, keys and values stage keys. */
function IsStageMap() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isStageMap',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must map stage keys to stage keys` },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 50 &&
          Object.entries(value).every(([k, v]) => /^[a-z][a-z0-9_]{0,63}$/.test(k) && typeof v === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(v)),
      },
    });
}

export class MigrationRequestDto {
  @ApiProperty({ minimum: 1, maximum: PG_INT_MAX }) @IsInt() @Min(1) @Max(PG_INT_MAX) toVersion: number;
  @ApiPropertyOptional({ ...STAGE_MAP, example: { org_precheck: 'committee_review' } }) @IsOptional() @IsObject() @IsStageMap() stageMap?: Record<
    string,
    string
  >;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() dryRun?: boolean;
}

export class MigrationFailureView {
  @ApiProperty() reportId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ description: 'The stage the report stayed at' }) stage: string;
  @ApiProperty({ description: 'Why it could not be migrated' }) error: string;
  @ApiProperty() at: string;
}

export class UnmappableReportView {
  @ApiProperty() reportId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() stage: string;
  @ApiProperty() reason: string;
}

/** A migration's progress: `failed` when reports could not be moved (listed in `failures`) or the run gave up (`error`). */
export class MigrationView {
  @ApiProperty() id: string;
  @ApiProperty() planId: string;
  @ApiProperty() workflowKey: string;
  @ApiProperty() toVersion: number;
  @ApiProperty({ ...STAGE_MAP, example: { committee_review: 'upper_review' } }) stageMap: Record<string, string>;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status: 'running' | 'completed' | 'failed';
  @ApiProperty({ description: 'Unfinished reports to migrate when it started' }) total: number;
  @ApiProperty() migrated: number;
  @ApiProperty({ description: 'Reports whose stage and tasks stay as they were' }) untouched: number;
  @ApiProperty({ type: [UnmappableReportView] }) unmappable: UnmappableReportView[];
  @ApiProperty({ type: [MigrationFailureView], description: 'Reports that could not be migrated, each with its error; they stay on their version' })
  failures: MigrationFailureView[];
  @ApiProperty({ nullable: true, type: String, description: 'Why the migration failed' }) error: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The id of the administrator who asked for it' }) createdBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
}

/** A task a migration would cancel (OpenAPI only). */
export class PreviewCancelledTaskView {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ description: 'The holder’s username' }) assignee: string;
  @ApiProperty() stage: string;
}

/** A task a migration would open (OpenAPI only). */
export class PreviewCreatedTaskView {
  @ApiProperty({ description: 'The future holder’s username' }) assignee: string;
  @ApiProperty() role: string;
  @ApiProperty() stage: string;
}

/** What a migration would do to one report (OpenAPI only). */
export class ReportMigrationPreviewView {
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() fromVersion: number;
  @ApiProperty() fromStage: string;
  @ApiProperty({ nullable: true, type: String }) toStage: string | null;
  @ApiProperty({ enum: ['finished', 'unchanged', 'redecide', 'move'] }) action: 'finished' | 'unchanged' | 'redecide' | 'move';
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ description: 'For a stage decided again: where its votes leave it' }) outcome?: string;
  @ApiProperty({ type: [PreviewCancelledTaskView] }) cancelTasks: PreviewCancelledTaskView[];
  @ApiProperty({ type: [PreviewCreatedTaskView] }) createTasks: PreviewCreatedTaskView[];
}

/** A dry run's answer: what the migration would do, nothing changed (OpenAPI only). */
export class MigrationPreviewView {
  @ApiProperty({ enum: [true] }) dryRun: true;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty() toVersion: number;
  @ApiProperty({ ...STAGE_MAP }) stageMap: Record<string, string>;
  @ApiProperty({ type: [ReportMigrationPreviewView], description: 'Reports not on the target version, by unit code' }) reports: ReportMigrationPreviewView[];
  @ApiProperty({ type: [UnmappableReportView] }) unmappable: UnmappableReportView[];
}
