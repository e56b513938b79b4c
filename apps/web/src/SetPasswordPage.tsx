/**
 * Đặt mật khẩu: the public page an e-mailed link opens. The token comes after `#` (never sent to a
 * server in a request line or a Referer) and is taken out of the address bar at once, so it stays
 * out of the browser's history; the person chooses a password, then signs in with it.
 */
import { FormEvent, useEffect, useState } from 'react';
import { api, ApiError, errorText } from './api-client';
import { Link } from './router';
import { ErrorBox, PageTitle } from './ui';

const MIN_LENGTH = 8;

/** The token of the link, once: read from the fragment, then removed from the address. */
function takeToken(): string {
  const token = decodeURIComponent(location.hash.replace(/^#/, ''));
  if (token) history.replaceState(null, '', location.pathname + location.search);
  return token;
}

export function SetPasswordPage() {
  const [token] = useState(takeToken);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!token) setError('Liên kết không có mã đặt mật khẩu. Hãy mở đúng liên kết trong thư điện tử, hoặc đề nghị quản trị viên gửi liên kết mới.');
  }, [token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (password.length < MIN_LENGTH) return setError(`Mật khẩu phải có ít nhất ${MIN_LENGTH} ký tự.`);
    if (password !== again) return setError('Hai lần nhập mật khẩu không giống nhau.');
    setBusy(true);
    try {
      await api.post('/api/auth/set-password', { token, password });
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 429 ? 'Có quá nhiều lần thử không thành công từ máy này; vui lòng thử lại sau ít phút.' : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="signin">
      {done ? (
        <div className="card signin-card">
          <PageTitle title="Đặt mật khẩu">Đã đặt mật khẩu</PageTitle>
          <p role="status">Mật khẩu của đồng chí đã được đặt. Liên kết trong thư không còn dùng được nữa.</p>
          <Link to="/">Đăng nhập</Link>
        </div>
      ) : (
        <form onSubmit={submit} className="card signin-card" aria-describedby="set-password-intro" noValidate>
          <PageTitle title="Đặt mật khẩu">Đặt mật khẩu</PageTitle>
          <p id="set-password-intro" className="muted">
            Chọn mật khẩu cho tài khoản của đồng chí trên hệ thống Tổng kết (ít nhất {MIN_LENGTH} ký tự). Liên kết chỉ dùng được một lần.
          </p>
          <ErrorBox>{error}</ErrorBox>
          <label htmlFor="new-password">Mật khẩu mới</label>
          <input
            id="new-password"
            name="new-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_LENGTH}
            disabled={!token}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <label htmlFor="new-password-again">Nhập lại mật khẩu mới</label>
          <input
            id="new-password-again"
            name="new-password-again"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_LENGTH}
            disabled={!token}
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
          <button type="submit" disabled={busy || !token}>
            {busy ? 'Đang đặt mật khẩu…' : 'Đặt mật khẩu'}
          </button>
          <p className="small">
            <Link to="/">Về trang đăng nhập</Link>
          </p>
        </form>
      )}
    </main>
  );
}
