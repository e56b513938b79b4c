import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ImportRoleDto } from '../org/org-import.dto';

export class ReplaceRolesDto {
  @ApiProperty({ type: [ImportRoleDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ImportRoleDto) roles: ImportRoleDto[];
}

export class ReassignDto {
  @ApiProperty({ description: 'Username of the holder of the same role who takes the tasks' })
  @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/) to: string;
}

export class UserListQueryDto {
  @ApiPropertyOptional({ description: 'Only users with a role on this unit code' }) @IsOptional() @IsString() @MaxLength(64) unit?: string;
}
