import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SingleLine } from '../common/text-rules';
import { UserView } from './user-view.dto';

/** A person added by an administrator; the messages are read by that administrator, in Vietnamese. */
export class NewUserDto {
  @ApiProperty({ description: 'Lower-case letters, digits, dots, dashes or underscores', example: 'nguyen.van.an' })
  @IsString({ message: 'Tên đăng nhập phải là chuỗi ký tự' })
  @Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/, { message: 'Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và các dấu . _ - (tối đa 100 ký tự)' })
  username: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString({ message: 'Họ và tên phải là chuỗi ký tự' })
  @MinLength(1, { message: 'Cần nhập họ và tên' })
  @MaxLength(200, { message: 'Họ và tên dài tối đa 200 ký tự' })
  @SingleLine({ message: 'Họ và tên chỉ gồm một dòng' })
  fullName: string;

  @ApiProperty({ example: 'an.nv@example.vn' })
  @IsEmail({}, { message: 'Thư điện tử không đúng dạng' })
  @MaxLength(200, { message: 'Thư điện tử dài tối đa 200 ký tự' })
  email: string;
}

export class PasswordLinkOfNewUser {
  @ApiProperty({ description: 'Where the set-password e-mail goes' }) email: string;
  @ApiProperty({ description: 'Days the link stays usable once sent (SET_PASSWORD_LINK_DAYS)' }) expiresInDays: number;
}

export class NewUserView extends UserView {
  @ApiProperty({ type: PasswordLinkOfNewUser, description: 'The set-password link the person was sent' }) setPasswordLink: PasswordLinkOfNewUser;
}
