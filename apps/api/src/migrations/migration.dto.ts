import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsObject, IsOptional, Min } from 'class-validator';
import { registerDecorator } from 'class-validator';

/** `{oldStageKey: newStageKey}`, keys and values stage keys. */
function IsStageMap() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isStageMap',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must map stage keys to stage keys` },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length <= 50 &&
          Object.entries(value).every(([k, v]) => /^[a-z][a-z0-9_]{0,63}$/.test(k) && typeof v === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(v)),
      },
    });
}

export class MigrationRequestDto {
  @ApiProperty() @IsInt() @Min(1) toVersion: number;
  @ApiPropertyOptional({ example: { org_precheck: 'committee_review' } }) @IsOptional() @IsObject() @IsStageMap() stageMap?: Record<string, string>;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() dryRun?: boolean;
}
