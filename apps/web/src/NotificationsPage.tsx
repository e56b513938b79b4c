import { useEffect, useState } from 'react';
import { NoticeList } from './NoticeList';
import { announceNoticesChanged, notices, NOTICES_CHANGED } from './notices';
import { useLoad } from './use-load';
import { ErrorBox, Loading, PageTitle } from './ui';

export function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useLoad(() => notices.list(unreadOnly), [unreadOnly]);
  const { reload } = list;
  useEffect(() => {
    const onChange = () => void reload();
    addEventListener(NOTICES_CHANGED, onChange);
    return () => removeEventListener(NOTICES_CHANGED, onChange);
  }, [reload]);

  const read = async (id: string) => {
    await notices.markRead(id);
    announceNoticesChanged();
  };
  const readAll = async () => {
    await notices.markAllRead();
    announceNoticesChanged();
  };

  return (
    <section>
      <PageTitle title="Thông báo">Thông báo</PageTitle>
      <div className="toolbar">
        <label className="inline">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> Chỉ hiện thông báo chưa đọc
        </label>
        <button type="button" className="secondary" onClick={readAll}>
          Đánh dấu tất cả đã đọc
        </button>
      </div>
      <ErrorBox>{list.error}</ErrorBox>
      {list.data ? <NoticeList items={list.data} onRead={read} /> : <Loading what="thông báo" />}
    </section>
  );
}
