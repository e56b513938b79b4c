/**
 * The session expired while the person was working: their password again, in a dialog over the
 * page, so the page, its unsaved text and the save waiting behind the 401 carry on where they were.
 */
import { FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, errorText } from './api-client';

interface Props {
  username: string;
  fullName: string;
  signIn: (password: string) => Promise<void>;
  signOut: () => void;
}

export function ReauthDialog({ username, fullName, signIn, signOut }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // A modal <dialog>: the page behind it is inert, the focus goes to the password and stays inside.
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(password);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? 'Mật khẩu không đúng.' : errorText(e));
      setBusy(false);
    }
  };

  return (
    // Escape would leave the page inert behind nothing: the person chooses to continue or to sign out.
    <dialog ref={dialog} className="reauth" aria-labelledby="reauth-title" aria-describedby="reauth-intro" onCancel={(e) => e.preventDefault()}>
      <form onSubmit={submit}>
        <h2 id="reauth-title">Phiên đăng nhập đã hết hạn</h2>
        <p id="reauth-intro">
          Nội dung đồng chí đang làm vẫn được giữ nguyên. Nhập lại mật khẩu của <strong>{fullName}</strong> ({username}) để tiếp tục đúng chỗ đang làm; phần
          chưa lưu sẽ được lưu tiếp.
        </p>
        {error && (
          <div className="message error" role="alert">
            {error}
          </div>
        )}
        <label htmlFor="reauth-password">Mật khẩu</label>
        <input
          id="reauth-password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Đang đăng nhập…' : 'Tiếp tục làm việc'}
          </button>
          <button type="button" className="secondary" onClick={signOut}>
            Đăng xuất
          </button>
        </div>
      </form>
    </dialog>
  );
}
