import type { Notice } from './api-types';
import { formatDateTime } from './format';
import { Link } from './router';

/** Notices, newest first, each with a link to the page that acts on it (else its report) and a button to mark it read. */
export function NoticeList({ items, onRead, compact = false }: { items: Notice[]; onRead: (id: string) => void; compact?: boolean }) {
  if (!items.length) return <p className="muted">Không có thông báo.</p>;
  return (
    <ul className={`notices ${compact ? 'compact' : ''}`}>
      {items.map((n) => (
        <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
          <div className="notice-head">
            <strong>{n.title}</strong>
            <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
          </div>
          {!compact && <p>{n.body}</p>}
          <div className="notice-actions">
            {n.link ? (
              <Link to={n.link}>{n.link === '/' ? 'Xem công việc của tôi' : 'Xem và xử lý'}</Link>
            ) : (
              n.reportId && <Link to={`/reports/${n.reportId}`}>Xem báo cáo</Link>
            )}
            {!n.readAt && (
              <button type="button" className="link-button" onClick={() => onRead(n.id)}>
                Đánh dấu đã đọc
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
