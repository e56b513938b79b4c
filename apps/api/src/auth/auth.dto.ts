import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SingleLine } from '../common/text-rules';
import { MeView } from './me-view.dto';

export class LoginDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) @SingleLine() username: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) password: string;
}

/** The same bounds as a password given by the org import. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

export class ChangeOwnPasswordDto {
  @ApiProperty({ description: 'The password the caller signs in with now' }) @IsString() @MinLength(1) @MaxLength(PASSWORD_MAX_LENGTH) currentPassword: string;
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class LoginAnswerDto {
  @ApiProperty({ description: 'Bearer token of a new session (claims sub, username, sid, tv, exp)' }) accessToken: string;
  @ApiProperty({ type: () => MeView, description: 'As GET /api/me' }) user: MeView;
}
