import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TASK_STATES, TaskState } from '@app/domain';
import { MultiLineText } from '../common/text-rules';

export class CompleteTaskDto {
  @ApiProperty({ enum: ['approve', 'return'] }) @IsIn(['approve', 'return']) decision: 'approve' | 'return';
  @ApiPropertyOptional({ description: 'Required to return: the reason' }) @IsOptional() @IsString() @MaxLength(10000) @MultiLineText() comment?: string;
  @ApiPropertyOptional({
    example: 'kbnn.capuy',
    description:
      'With an approval at the stage where the unit adopts its report (or the Standing Committee’s approval of the root’s report): the username of the unit’s Bí thư or of a Phó Bí thư (who signs K/T BÍ THƯ) to sign the adopted document. The latest choice before the adoption wins; without one the Bí thư signs. 422 if that person holds neither post there or the task adopts nothing',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/)
  signer?: string;
}

export class DelegateTaskDto {
  @ApiProperty() @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/) username: string;
}

export class TaskListQueryDto {
  @ApiPropertyOptional({ enum: TASK_STATES, default: 'open' }) @IsOptional() @IsIn(TASK_STATES) state?: TaskState;
}
