import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCode, MultiLineText } from '../common/text-rules';

/**
 * The most a text of the level report may hold. Its pre-fill gathers every unit's text under each
 * heading (up to 100 units, see PREFILL_FULL_TEXT_MAX_UNITS), far beyond what one unit writes, and
 * the working group must be able to save it while it cuts it down.
 */
export const LEVEL_TEXT_MAX = 1_000_000;

/** An outline item's texts in the level report: its one text (`text`) or its parts, as the item takes them. */
export class LevelSectionDto {
  @ApiPropertyOptional({ description: 'The one text of an item that takes one (parts I, III, IV, V of the đề cương)' })
  @IsOptional()
  @IsString()
  @MaxLength(LEVEL_TEXT_MAX)
  @MultiLineText()
  text?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LEVEL_TEXT_MAX) @MultiLineText() strengths?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LEVEL_TEXT_MAX) @MultiLineText() limitations?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LEVEL_TEXT_MAX) @MultiLineText() causes?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LEVEL_TEXT_MAX) @MultiLineText() lessons?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LEVEL_TEXT_MAX) @MultiLineText() directions?: string;
}

export class LevelQueryDto {
  @ApiPropertyOptional({ description: 'Code of the consolidating unit (an intermediate level, e.g. an upper committee); the root by default' })
  @IsOptional()
  @IsString()
  @IsCode()
  level?: string;
}

export class LevelSourcesQueryDto extends LevelQueryDto {
  @ApiPropertyOptional({ description: 'Only this unit of the group and the units below it (its code)' })
  @IsOptional()
  @IsString()
  @IsCode()
  unit?: string;

  @ApiPropertyOptional({ description: 'Only this outline item (its key): only its texts are read' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,63}$/)
  section?: string;

  @ApiPropertyOptional({ description: 'Position of the first unit of the page in the group’s order (the previous answer’s `next`)', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  from?: number;

  @ApiPropertyOptional({ description: 'Units per page', default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class LevelFiguresQueryDto extends LevelQueryDto {
  @ApiPropertyOptional({ description: 'A figure (its key) whose breakdown by unit the answer carries' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,63}$/)
  indicator?: string;
}
