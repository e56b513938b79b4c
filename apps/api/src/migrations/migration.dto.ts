import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';
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
  @ApiPropertyOptional({ example: { org_precheck: 'committee_review' } }) @IsOptional() @IsObject() @IsStageMap() stageMap?: Record<string, string>;
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
  @ApiProperty({ example: { committee_review: 'upper_review' } }) stageMap: Record<string, string>;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ description: 'Unfinished reports to migrate when it started' }) total: number;
  @ApiProperty() migrated: number;
  @ApiProperty({ description: 'Reports whose stage and tasks stay as they were' }) untouched: number;
  @ApiProperty({ type: [UnmappableReportView] }) unmappable: UnmappableReportView[];
  @ApiProperty({ type: [MigrationFailureView], description: 'Reports that could not be migrated, each with its error; they stay on their version' })
  failures: MigrationFailureView[];
  @ApiPropertyOptional({ nullable: true, description: 'Why the migration failed' }) error: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true }) finishedAt: string | null;
}
