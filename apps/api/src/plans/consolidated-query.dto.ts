import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class ConsolidatedQueryDto {
  @ApiPropertyOptional({ description: 'Code of the consolidating unit; the root by default' })
  @IsOptional() @IsString() @MaxLength(64) unit?: string;
}
