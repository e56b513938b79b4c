import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/auth.dto';

export class SetPasswordDto {
  /** Any string: a token too short, too long or malformed gets the same answer as a used one, so none is told apart. */
  @ApiProperty({ description: 'The token after # in the e-mailed link' }) @IsString() @MaxLength(200) token: string;
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class PasswordLinkSentDto {
  @ApiProperty() username: string;
  @ApiProperty({ description: 'Where the e-mail goes' }) email: string;
  @ApiProperty({ description: 'Days the link stays usable once sent (SET_PASSWORD_LINK_DAYS)' }) expiresInDays: number;
}
