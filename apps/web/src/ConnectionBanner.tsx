/** Says, at the top of every page, that the engine does not answer, and that it answers again. */
import { useEffect, useState } from 'react';
import { onReconnect, useConnection } from './connection';

const BACK_SHOWN_MS = 5_000;

export function ConnectionBanner() {
  const state = useConnection();
  const [back, setBack] = useState(false);
  useEffect(
    () =>
      onReconnect(() => {
        setBack(true);
        setTimeout(() => setBack(false), BACK_SHOWN_MS);
      }),
    [],
  );
  if (state === 'offline') {
    return (
      <div className="connection-banner offline" role="alert">
        Mất kết nối với máy chủ. Nội dung đang soạn được giữ trên máy này và tự lưu khi kết nối lại.
      </div>
    );
  }
  return (
    <div className="connection-banner-slot" role="status">
      {back && <div className="connection-banner back">Đã kết nối lại với máy chủ.</div>}
    </div>
  );
}
