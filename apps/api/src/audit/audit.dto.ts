import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CONFIGURATION_ACTIONS } from '@app/core';
import { SingleLine } from '../common/text-rules';

export class AuditQueryDto {
  @ApiPropertyOptional({ enum: CONFIGURATION_ACTIONS }) @IsOptional() @IsIn(CONFIGURATION_ACTIONS) action?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() planId?: string;
  @ApiPropertyOptional({ description: 'username' }) @IsOptional() @IsString() @MaxLength(100) @SingleLine() actor?: string;
  @ApiPropertyOptional({ default: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}
