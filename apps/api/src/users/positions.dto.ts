import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ImportPositionDto } from '../org/org-import.dto';
import { SingleLine } from '../common/text-rules';

export class ReplacePositionsDto {
  @ApiProperty({ type: [ImportPositionDto], description: 'Every position the person holds, one per unit; an empty list clears them' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ImportPositionDto)
  positions: ImportPositionDto[];
}

export class UnitPlaceDto {
  @ApiProperty({ example: 'Hà Nội', description: 'Where the unit’s documents are issued' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @SingleLine()
  place: string;
}
