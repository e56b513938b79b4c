/** Once adopted (thông qua): the report's number, date, place and signer, as its document prints them; and the adoptions a return undid. */
import { api } from './api-client';
import type { Adoption, Adoptions } from './api-types';
import { formatDateTime } from './format';
import { useLoad } from './use-load';

/** "05/06/2019" from "2019-06-05". */
const day = (date: string) => date.split('-').reverse().join('/');

/** How the signer signs: "Bí thư", or "K/T Bí thư – Phó Bí thư"; nobody in either post, said so. */
function signerText(adoption: Adoption): string {
  const { signer } = adoption;
  if (signer.how === 'vacant') return 'chưa có đồng chí giữ chức vụ Bí thư hoặc Phó Bí thư (văn bản không có tên người ký)';
  const title = signer.position === 'pho_bi_thu' ? 'K/T Bí thư – Phó Bí thư' : 'Bí thư';
  return `${title} ${signer.fullName}${signer.how === 'chosen' ? ' (do cấp ủy chọn)' : ''}`;
}

export function AdoptionSummary({ path, reloadKey }: { path: string; reloadKey: string }) {
  const loaded = useLoad(() => api.get<Adoptions>(path), [path, reloadKey]);
  const adoptions = loaded.data;
  if (!adoptions) return null;
  const superseded = adoptions.history.filter((a) => a.supersededAt);
  if (!adoptions.current && superseded.length === 0) return null;
  return (
    <section className="card adoption" aria-labelledby="adoption-title">
      <h2 id="adoption-title">Thông qua</h2>
      {adoptions.current ? (
        <dl className="adoption-facts">
          <dt>Số, ký hiệu</dt>
          <dd>Số {adoptions.current.symbol}</dd>
          <dt>Ngày thông qua</dt>
          <dd>
            {adoptions.current.place}, ngày {day(adoptions.current.adoptedOn)}
          </dd>
          <dt>Người ký</dt>
          <dd>{signerText(adoptions.current)}</dd>
        </dl>
      ) : (
        <p className="muted">Báo cáo đã bị trả lại: văn bản là dự thảo cho đến khi được thông qua lại (với số và ngày mới).</p>
      )}
      {superseded.length > 0 && (
        <p className="small muted">
          Đã thông qua trước đây: {superseded.map((a) => `Số ${a.symbol} ngày ${day(a.adoptedOn)} (bị trả lại ${formatDateTime(a.supersededAt)})`).join('; ')}
        </p>
      )}
    </section>
  );
}
