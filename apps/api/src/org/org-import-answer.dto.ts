import { ApiProperty } from '@nestjs/swagger';

/** 201: the import was applied within the request's wait. */
export class OrgImportDoneDto {
  @ApiProperty({ description: 'Units in the import' }) units: number;
  @ApiProperty({ description: 'Users in the import' }) users: number;
}

export class ImportProgressDto {
  @ApiProperty({ description: 'Passwords checked or hashed so far' }) done: number;
  @ApiProperty({ description: 'Users in the import' }) total: number;
}

/** 202: the import is queued or under way; GET statusUrl follows it. */
export class OrgImportPendingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'hashing', 'applying'] }) status: string;
  @ApiProperty({ type: ImportProgressDto }) progress: ImportProgressDto;
  @ApiProperty({ example: '/api/org/imports/6f1c…' }) statusUrl: string;
}

export class ImportFailureDto {
  @ApiProperty() statusCode: number;
  @ApiProperty() message: string;
}

/** GET /api/org/imports/:id */
export class OrgImportStatusDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'hashing', 'applying', 'done', 'failed'] }) status: string;
  @ApiProperty({ type: ImportProgressDto }) progress: ImportProgressDto;
  @ApiProperty() units: number;
  @ApiProperty() users: number;
  @ApiProperty({ description: 'Who sent the import' }) actor: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty({
    nullable: true,
    description:
      'Once done: units, users, unitsCreated, unitsChanged, usersCreated, usersChanged, passwordsChanged, rolesAdded, rolesRemoved, positionsAdded, positionsRemoved',
    type: 'object',
    additionalProperties: { type: 'integer' },
  })
  result: Record<string, number> | null;
  @ApiProperty({ nullable: true, type: ImportFailureDto, description: 'Once failed: the status and message the request would have answered' })
  error: ImportFailureDto | null;
}
