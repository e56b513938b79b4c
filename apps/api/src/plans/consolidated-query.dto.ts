import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { IsCode } from '../common/text-rules';

export class ConsolidatedQueryDto {
  @ApiPropertyOptional({ description: 'Code of the consolidating unit; the root by default' })
  @IsOptional()
  @IsString()
  @IsCode()
  unit?: string;
}
