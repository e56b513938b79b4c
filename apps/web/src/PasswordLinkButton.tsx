/** An administrator sends a person a new set-password link by e-mail (a lost or expired one); the older links stop working. */
import { useState } from 'react';
import { api, errorText } from './api-client';
import type { User } from './api-types';

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
    <div className="card">
      <h2>Mật khẩu của {user.fullName}</h2>
      <p className="muted small">Gửi thư điện tử có liên kết để đồng chí {user.username} tự đặt mật khẩu mới; mật khẩu hiện tại vẫn dùng được cho tới khi đặt mật khẩu mới.</p>
      {error && (
        <div className="message error" role="alert">
          {error}
        </div>
      )}
      <button type="button" className="secondary" onClick={send} disabled={busy}>
        {busy ? 'Đang gửi…' : 'Gửi liên kết đặt mật khẩu'}
      </button>
    </div>
  );
}
