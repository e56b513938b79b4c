import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { USER_PAGE_DEFAULT, USER_PAGE_MAX } from '@app/core';
import { IsCode } from '../common/text-rules';
import { ImportRoleDto } from '../org/org-import.dto';

export class ReplaceRolesDto {
  @ApiProperty({ type: [ImportRoleDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ImportRoleDto) roles: ImportRoleDto[];
}

export class ReassignDto {
  @ApiProperty({ description: 'Username of the holder of the same role who takes the tasks' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/)
  to: string;
}

/** A page of users, by username. */
export class UserListQueryDto {
  @ApiPropertyOptional({ description: 'Only users with a role on this unit code' }) @IsOptional() @IsString() @IsCode() unit?: string;
  @ApiPropertyOptional({
    description: 'Only users whose full name or username holds every word, diacritics and case ignored ("dang" finds "Đặng")',
    maxLength: 100,
  })
  @IsOptional()
  @IsString({ message: 'Từ khóa tìm kiếm phải là chuỗi ký tự' })
  @MaxLength(100, { message: 'Từ khóa tìm kiếm dài tối đa 100 ký tự' })
  q?: string;
  @ApiPropertyOptional({ description: `Users per page (at most ${USER_PAGE_MAX})`, default: USER_PAGE_DEFAULT, minimum: 1, maximum: USER_PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(USER_PAGE_MAX)
  limit?: number;
  @ApiPropertyOptional({ description: 'Users to skip, in username order', default: 0, minimum: 0, maximum: 10_000_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;
}
