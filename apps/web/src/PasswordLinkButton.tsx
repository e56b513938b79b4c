/**
 * Đặt lại mật khẩu: an administrator sends a person a new set-password link by e-mail (a forgotten
 * password, a lost or expired link); the older links stop working. Nobody but the person ever knows
 * the new password, and setting it ends their sessions.
 */
import { useState } from 'react';
import { api, errorText } from './api-client';
import type { User } from './api-types';
import { ErrorBox } from './ui';

export function PasswordLinkButton({ user, onSent }: { user: User; onSent: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const sent = await api.post<{ email: string; expiresInDays: number }>(`/api/users/${encodeURIComponent(user.username)}/set-password-link`);
      onSent(`Đã gửi liên kết đặt mật khẩu tới ${sent.email} (dùng được ${sent.expiresInDays} ngày). Các liên kết gửi trước không còn dùng được.`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="password-link">
      <h3>Đặt lại mật khẩu</h3>
      <p className="muted small">
        Gửi thư điện tử có liên kết dùng một lần để đồng chí {user.fullName} tự đặt mật khẩu mới; khi đặt xong, mọi phiên đăng nhập cũ của đồng chí kết thúc.
        Mật khẩu hiện tại vẫn dùng được cho tới lúc đó (nếu lộ mật khẩu, hãy khóa tài khoản trước).
      </p>
      <ErrorBox>{error}</ErrorBox>
      <button type="button" className="secondary" onClick={send} disabled={busy || !user.active}>
        {busy ? 'Đang gửi…' : 'Gửi liên kết đặt mật khẩu'}
      </button>
      {!user.active && <p className="muted small">Tài khoản đang bị khóa: mở lại tài khoản trước khi gửi liên kết.</p>}
    </div>
  );
}
