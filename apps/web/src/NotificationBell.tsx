/** The bell in the header: the unread count, and on demand the latest notices with "mark read". */
import { KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { Notice } from './api-types';
import { NoticeList } from './NoticeList';
import { announceNoticesChanged, notices, NOTICES_CHANGED } from './notices';
import { Link, useLocation } from './router';

const POLL_MS = 15_000;

export function NotificationBell() {
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Notice[]>([]);
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();

  const refresh = useCallback(async () => {
    setUnread(await notices.unreadCount().catch(() => 0));
  }, []);

  useEffect(() => {
    const poll = () => void refresh();
    poll();
    const timer = setInterval(poll, POLL_MS);
    addEventListener(NOTICES_CHANGED, poll);
    return () => {
      clearInterval(timer);
      removeEventListener(NOTICES_CHANGED, poll);
    };
  }, [refresh, pathname]);

  useEffect(() => setOpen(false), [pathname]);

  const toggle = async () => {
    if (!open) setItems((await notices.list().catch(() => [])).slice(0, 8));
    setOpen(!open);
  };

  const read = async (id: string) => {
    await notices.markRead(id);
    setItems((list) => list.map((n) => (n.id === id ? { ...n, readAt: new Date().toISOString() } : n)));
    announceNoticesChanged();
  };

  const readAll = async () => {
    await notices.markAllRead();
    setItems((list) => list.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() })));
    announceNoticesChanged();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      button.current?.focus();
    }
  };

  return (
    <div className="bell" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls="bell-panel"
        aria-label={`Thông báo, ${unread} chưa đọc`}
        onClick={toggle}
      >
        <BellIcon />
        <span className={`count ${unread ? 'has-unread' : ''}`} data-testid="unread-count">
          {unread}
        </span>
      </button>
      {open && (
        <div id="bell-panel" className="bell-panel card" role="region" aria-label="Thông báo mới nhất">
          <div className="bell-panel-head">
            <strong>Thông báo</strong>
            <button type="button" className="link-button" onClick={readAll} disabled={!unread}>
              Đánh dấu tất cả đã đọc
            </button>
          </div>
          <NoticeList items={items} onRead={read} compact />
          <Link to="/notifications">Xem tất cả thông báo</Link>
        </div>
      )}
    </div>
  );
}

function BellIcon() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
