import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MultiLineText } from '../common/text-rules';

/**
 * An outline item's texts: its one text (`text`) or its parts, as the item takes them (a text it
 * does not take is refused, naming it); each up to 50,000 characters (a long report runs to some
 * pages), with line breaks and no other control characters.
 */
export class SectionPartsDto {
  @ApiPropertyOptional({ description: 'The one text of an item that takes one (parts I, III, IV, V of the đề cương)' })
  @IsOptional()
  @IsString()
  @MaxLength(50000)
  @MultiLineText()
  text?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50000) @MultiLineText() strengths?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50000) @MultiLineText() limitations?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50000) @MultiLineText() causes?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50000) @MultiLineText() lessons?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50000) @MultiLineText() directions?: string;
}

export class ReportListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() planId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[a-z][a-z0-9_]{0,63}$/) stage?: string;
}
