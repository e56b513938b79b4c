import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

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
  @ApiProperty({
    description:
      '`units`: [{code, change: created|changed, before?, after}]; `users`: [{username, change, before?, after, rolesAdded?, rolesRemoved?, positionsAdded?, positionsRemoved?}] (roles as {unit, role}, unit null for a role held everywhere), as the audit trail records them once applied',
    type: 'object',
    properties: { units: { type: 'array', items: { type: 'object' } }, users: { type: 'array', items: { type: 'object' } } },
  })
  changes: { units: unknown[]; users: unknown[] };
  @ApiProperty({ type: [SheetProblemDto], description: 'Every problem, by sheet, row and column, in Vietnamese' }) problems: SheetProblemDto[];
}
