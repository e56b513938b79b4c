import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Position, POSITIONS, ROLES, Role, UNIT_KINDS, UnitKind } from '@app/domain';
import { IsCode, MultiLineText, SingleLine } from '../common/text-rules';

export class ImportUnitDto {
  @ApiProperty({ description: 'Vietnamese letters, digits and - . / _ (at most 64)' }) @IsString() @IsCode() code: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) @SingleLine() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) @IsIn(UNIT_KINDS) kind: UnitKind;
  @ApiProperty({ nullable: true, type: String }) @ValidateIf((_, v) => v !== null) @IsString() @IsCode() parent: string | null;
  @ApiPropertyOptional({
    example: 'Hà Nội',
    description: 'Where the unit’s documents are issued ("Hà Nội, ngày …"); a new unit without it gets Hà Nội, a known one keeps its own',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @SingleLine()
  place?: string;
}

export class ImportRoleDto {
  @ApiProperty() @IsString() @IsCode() unit: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
}

export class ImportPositionDto {
  @ApiProperty() @IsString() @IsCode() unit: string;
  @ApiProperty({
    enum: POSITIONS,
    description: 'bi_thu Bí thư, pho_bi_thu Phó Bí thư, uv_btv Ủy viên Ban Thường vụ, cap_uy_vien Cấp ủy viên, dang_vien Đảng viên',
  })
  @IsIn(POSITIONS)
  position: Position;
}

export class ImportUserDto {
  @ApiProperty()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/, { message: 'username must be lower-case letters, digits, dots, dashes or underscores' })
  username: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) @SingleLine() fullName: string;
  @ApiProperty() @IsEmail() @MaxLength(200) @SingleLine() email: string;
  @ApiPropertyOptional({ description: 'Left out: a new person gets a set-password link by e-mail, a known one keeps their password' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;
  @ApiProperty({ type: [ImportRoleDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ImportRoleDto) roles: ImportRoleDto[];
  @ApiPropertyOptional({
    type: [ImportPositionDto],
    description: 'The person’s positions (one per unit, one Bí thư per unit); when given they become exactly these, left out they stay as they are',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ImportPositionDto)
  positions?: ImportPositionDto[];
}

/** The shape of the sample fixture; extra top-level fields of the fixture (description, plan) are allowed and ignored. */
export class OrgImportDto {
  @ApiProperty({ type: [ImportUnitDto] }) @IsArray() @ArrayMaxSize(50000) @ValidateNested({ each: true }) @Type(() => ImportUnitDto) units: ImportUnitDto[];
  @ApiProperty({ type: [ImportUserDto] }) @IsArray() @ArrayMaxSize(200000) @ValidateNested({ each: true }) @Type(() => ImportUserDto) users: ImportUserDto[];
  @IsOptional() @IsString() @MaxLength(2000) @MultiLineText() description?: string;
  /** The fixture carries its sample plan too; the plan is created through POST /api/plans. */
  @IsOptional() @IsObject() plan?: object;
}
