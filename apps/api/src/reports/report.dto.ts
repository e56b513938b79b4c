import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** One section's five parts; each part up to 50,000 characters (a long report runs to some pages). */
export class SectionPartsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50000) strengths?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50000) limitations?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50000) causes?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50000) lessons?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50000) directions?: string;
}

export class ReportListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() planId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[a-z][a-z0-9_]{0,63}$/) stage?: string;
}
