import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { POSITIONS, Position, ROLES, Role, UNIT_KINDS, UnitKind } from '@app/domain';

export class OrgWorkbookQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: '`true`: answer the preview and write nothing' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}

export class SheetProblemDto {
  @ApiProperty({ example: 'Người dùng', description: 'The sheet; empty for a problem of the whole file' }) sheet: string;
  @ApiProperty({ nullable: true, type: Number, example: 7 }) row: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'E' }) column: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Vai trò' }) heading: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'E7' }) cell: string | null;
  @ApiProperty({ example: 'Vai trò “Phê duyệt” không có; dùng: Soạn thảo, …' }) message: string;
}

/** A unit's fields an import sets; a change lists only those that differ (OpenAPI only). */
export class ImportUnitFieldsView {
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ enum: UNIT_KINDS }) kind?: UnitKind;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The parent’s code; null for a root' }) parent?: string | null;
  @ApiPropertyOptional() place?: string;
}

/** A person's fields an import sets (OpenAPI only). */
export class ImportUserFieldsView {
  @ApiPropertyOptional() fullName?: string;
  @ApiPropertyOptional() email?: string;
}

/** A role by unit code (OpenAPI only). */
export class ImportRoleRefView {
  @ApiProperty({ nullable: true, type: String, description: 'null: the administrator’s role, held everywhere' }) unit: string | null;
  @ApiProperty({ enum: ROLES }) role: Role;
}

/** A position by unit code (OpenAPI only). */
export class ImportPositionRefView {
  @ApiProperty() unit: string;
  @ApiProperty({ enum: POSITIONS }) position: Position;
}

/** A unit the import creates or changes (OpenAPI only). */
export class ImportUnitChangeView {
  @ApiProperty() code: string;
  @ApiProperty({ enum: ['created', 'changed'] }) change: 'created' | 'changed';
  @ApiPropertyOptional({ type: ImportUnitFieldsView, description: 'For a change: the fields that change, as stored' }) before?: ImportUnitFieldsView;
  @ApiProperty({ type: ImportUnitFieldsView }) after: ImportUnitFieldsView;
}

/** A person the import creates or changes; a password is only said to change, never shown (OpenAPI only). */
export class ImportUserChangeView {
  @ApiProperty() username: string;
  @ApiProperty({ enum: ['created', 'changed'] }) change: 'created' | 'changed';
  @ApiPropertyOptional({ type: ImportUserFieldsView }) before?: ImportUserFieldsView;
  @ApiProperty({ type: ImportUserFieldsView }) after: ImportUserFieldsView;
  @ApiPropertyOptional({ enum: [true] }) passwordChanged?: true;
  @ApiPropertyOptional({ type: [ImportRoleRefView] }) rolesAdded?: ImportRoleRefView[];
  @ApiPropertyOptional({ type: [ImportRoleRefView] }) rolesRemoved?: ImportRoleRefView[];
  @ApiPropertyOptional({ type: [ImportPositionRefView] }) positionsAdded?: ImportPositionRefView[];
  @ApiPropertyOptional({ type: [ImportPositionRefView] }) positionsRemoved?: ImportPositionRefView[];
}

/** What an import changes, as the audit trail records it once applied (OpenAPI only). */
export class ImportChangesView {
  @ApiProperty({ type: [ImportUnitChangeView] }) units: ImportUnitChangeView[];
  @ApiProperty({ type: [ImportUserChangeView] }) users: ImportUserChangeView[];
}

/** 200 to a dry run: nothing is written. */
export class OrgWorkbookPreviewDto {
  @ApiProperty({ description: 'True when the file has no problem and can be applied as it is' }) valid: boolean;
  @ApiProperty({ description: 'Units read from the file (rows without a problem)' }) units: number;
  @ApiProperty({ description: 'People read from the file, each once whatever their rows' }) users: number;
  @ApiProperty({
    description:
      'unitsCreated, unitsChanged, usersCreated, usersChanged, rolesAdded, rolesRemoved, positionsAdded, positionsRemoved, passwordsChanged (always 0), unitsNotInFile, usersNotInFile (kept as they are)',
    type: 'object',
    additionalProperties: { type: 'integer' },
  })
  counts: Record<string, number>;
  @ApiProperty({ type: ImportChangesView, description: 'Only what changes; unchanged units and people are left out' }) changes: ImportChangesView;
  @ApiProperty({ type: [SheetProblemDto], description: 'Every problem, by sheet, row and column, in Vietnamese' }) problems: SheetProblemDto[];
}
