import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import type { ApprovalRule, Role, Scope, StageKind } from '@app/domain';
import { SingleLine } from '../common/text-rules';

/** Shapes only: whether the values make a sound workflow is the domain's call (422 with every problem). */
export class StageRuleDto {
  @ApiProperty({ enum: ['any', 'all', 'majority', 'quorum'] }) @IsString() @SingleLine() type: ApprovalRule['type'];
  @ApiPropertyOptional() @IsOptional() @IsInt() min?: number;
}

export class StageRemindersDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  @SingleLine({ each: true })
  before: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) @SingleLine() escalateAfter?: string;
}

export class StageDto {
  @ApiProperty() @IsString() @MaxLength(64) @SingleLine() key: string;
  @ApiProperty() @IsString() @MaxLength(300) @SingleLine() name: string;
  @ApiProperty({ enum: ['draft', 'approval', 'consolidation'] }) @IsString() @SingleLine() kind: StageKind;
  @ApiProperty({ enum: ['drafter', 'approver', 'reviewer', 'consolidator'] }) @IsString() @SingleLine() role: Role;
  @ApiProperty({ enum: ['self', 'parent', 'root'] }) @IsString() @SingleLine() scope: Scope;
  @ApiProperty({ type: StageRuleDto }) @IsObject() @ValidateNested() @Type(() => StageRuleDto) rule: StageRuleDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) @SingleLine() returnTo?: string;
  @ApiPropertyOptional({ example: 'P10D' }) @IsOptional() @IsString() @MaxLength(64) @SingleLine() dueAfter?: string;
  @ApiPropertyOptional({ type: StageRemindersDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => StageRemindersDto) reminders?: StageRemindersDto;
}

export class WorkflowVersionDto {
  @ApiProperty({ type: [StageDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => StageDto) stages: StageDto[];
}
