import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SingleLine } from '../common/text-rules';

export class LoginDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) @SingleLine() username: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) password: string;
}
