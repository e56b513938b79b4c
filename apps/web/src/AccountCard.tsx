/**
 * Tài khoản: whether a person may sign in. Locking (khóa) ends their sessions at once and keeps them
 * out until an administrator opens the account again; their roles and history stay. Asked twice,
 * since the person is signed out mid-work.
 */
import { useState } from 'react';
import { api, errorText } from './api-client';
import type { User } from './api-types';
import { PasswordLinkButton } from './PasswordLinkButton';
import { ErrorBox } from './ui';

export function AccountCard({ user, onChanged }: { user: User; onChanged: (message: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const who = `${user.fullName} (${user.username})`;

  const setActive = async (active: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/users/${encodeURIComponent(user.username)}/${active ? 'reactivate' : 'deactivate'}`);
      setConfirming(false);
      onChanged(
        active ? `Đã mở lại tài khoản của ${who}; đồng chí đăng nhập lại được.` : `Đã khóa tài khoản của ${who}; mọi phiên đăng nhập của đồng chí đã kết thúc.`,
      );
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card account-card" aria-labelledby="account-title">
      <h2 id="account-title">Tài khoản của {user.fullName}</h2>
      <p>
        Trạng thái: <span className={`user-status ${user.active ? 'active' : 'inactive'}`}>{user.active ? 'Đang hoạt động' : 'Đã khóa'}</span>
      </p>
      <ErrorBox>{error}</ErrorBox>
      {user.active ? (
        <>
          <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={busy || confirming}>
            Khóa tài khoản
          </button>
          {confirming && (
            <div className="message warning confirm-box" role="alertdialog" aria-labelledby="lock-confirm-text">
              <p id="lock-confirm-text">
                Khóa tài khoản của {who}? Đồng chí sẽ bị đăng xuất ngay trên mọi thiết bị và không đăng nhập được cho tới khi được mở lại. Vai trò, chức vụ và
                các việc đã làm vẫn được giữ.
              </p>
              <div className="toolbar">
                <button type="button" className="danger" onClick={() => void setActive(false)} disabled={busy}>
                  Khóa và đăng xuất
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={busy}>
                  Không khóa
                </button>
              </div>
            </div>
          )}
        </>
      ) : (
        <button type="button" className="secondary" onClick={() => void setActive(true)} disabled={busy}>
          Mở lại tài khoản
        </button>
      )}
      <PasswordLinkButton user={user} onSent={onChanged} />
    </section>
  );
}
