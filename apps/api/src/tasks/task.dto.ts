import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TASK_STATES, TaskState } from '@app/domain';
import { MultiLineText } from '../common/text-rules';

export class CompleteTaskDto {
  @ApiProperty({ enum: ['approve', 'return'] }) @IsIn(['approve', 'return']) decision: 'approve' | 'return';
  @ApiPropertyOptional({ description: 'Required to return: the reason' }) @IsOptional() @IsString() @MaxLength(10000) @MultiLineText() comment?: string;
}

export class DelegateTaskDto {
  @ApiProperty() @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/) username: string;
}

export class TaskListQueryDto {
  @ApiPropertyOptional({ enum: TASK_STATES, default: 'open' }) @IsOptional() @IsIn(TASK_STATES) state?: TaskState;
}
