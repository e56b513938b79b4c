import { FormEvent, useState } from 'react';
import { ApiError, errorText } from './api-client';
import { useSession } from './session';
import { ErrorBox, PageTitle } from './ui';

export function SignInPage() {
  const { signIn, expired } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setError('Tên đăng nhập hoặc mật khẩu không đúng.');
      else if (e instanceof ApiError && e.status === 429) setError('Đăng nhập sai quá nhiều lần; vui lòng thử lại sau.');
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="signin">
      <form onSubmit={submit} className="card signin-card" aria-describedby="signin-intro">
        <PageTitle title="Đăng nhập">Đăng nhập</PageTitle>
        <p id="signin-intro" className="muted">
          Hệ thống tổng kết công tác xây dựng Đảng và thi hành Điều lệ Đảng.
        </p>
        {expired && !error && (
          <div className="message info" role="status">
            Phiên đăng nhập đã hết hạn. Đồng chí đăng nhập lại để tiếp tục; trang đang mở sẽ được giữ nguyên.
          </div>
        )}
        <ErrorBox>{error}</ErrorBox>
        <label htmlFor="username">Tên đăng nhập</label>
        <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        <label htmlFor="password">Mật khẩu</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
      </form>
    </main>
  );
}
