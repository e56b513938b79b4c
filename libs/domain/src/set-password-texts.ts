import { formatVietnamDateTime } from './vietnam-time';

/** The web app's public page where a person sets their password from an e-mailed link. */
export const SET_PASSWORD_PATH = '/dat-mat-khau';

/**
 * The page with its token after `#`: a fragment never leaves the browser, so the token is in no
 * server's or proxy's access log and in no Referer header.
 */
export function setPasswordPath(token: string): string {
  return `${SET_PASSWORD_PATH}#${token}`;
}

/** Why a link was sent: a new account (from an import), or an administrator sent a new one. */
export type PasswordLinkReason = 'new_account' | 'new_link';

export interface SetPasswordMailInput {
  fullName: string;
  username: string;
  /** The page's whole address, with its token. */
  link: string;
  expiresAt: Date;
  reason: PasswordLinkReason;
}

/** The e-mail that carries a set-password link, in Vietnamese. */
export function setPasswordMail(input: SetPasswordMailInput): { subject: string; text: string } {
  const opening =
    input.reason === 'new_account'
      ? `Đồng chí đã được cấp tài khoản trên hệ thống Tổng kết công tác xây dựng Đảng, tên đăng nhập: ${input.username}.`
      : `Quản trị viên hệ thống Tổng kết đã gửi cho đồng chí liên kết mới để đặt mật khẩu cho tài khoản ${input.username}. Các liên kết gửi trước đây không còn dùng được.`;
  return {
    subject: input.reason === 'new_account' ? 'Tài khoản Tổng kết: đặt mật khẩu để bắt đầu sử dụng' : 'Tài khoản Tổng kết: liên kết đặt mật khẩu mới',
    text: [
      `Kính gửi đồng chí ${input.fullName},`,
      '',
      opening,
      'Để đặt mật khẩu, đồng chí mở liên kết dưới đây và nhập mật khẩu mới (ít nhất 8 ký tự):',
      '',
      input.link,
      '',
      `Liên kết chỉ dùng được một lần và hết hạn lúc ${formatVietnamDateTime(input.expiresAt)} (giờ Hà Nội). Khi đã hết hạn, đồng chí đề nghị quản trị viên gửi liên kết mới.`,
      'Đồng chí không chuyển tiếp thư này cho người khác. Nếu đồng chí không đề nghị cấp tài khoản, xin bỏ qua thư này.',
    ].join('\n'),
  };
}
