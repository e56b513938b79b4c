/** The consolidated report of a consolidating unit (the root by default) and its Word download. */
import { useState } from 'react';
import { api, errorText } from './api-client';
import type { Consolidated } from './api-types';
import { PARTS } from './api-types';
import { indicatorLabel, PART_LABELS } from './format';
import { AdoptionSummary } from './AdoptionSummary';
import { ErrorBox, Loading } from './ui';
import { useLoad } from './use-load';

export function ConsolidatedView({ planId }: { planId: string }) {
  const data = useLoad(() => api.get<Consolidated>(`/api/plans/${planId}/consolidated`), [planId]);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const download = () => {
    setDownloadError(null);
    api.download(`/api/plans/${planId}/consolidated.docx`, 'bao-cao-tong-hop.docx').catch((e) => setDownloadError(errorText(e)));
  };
  if (data.error) return <ErrorBox>{data.error}</ErrorBox>;
  if (!data.data) return <Loading what="báo cáo tổng hợp" />;
  const c = data.data;
  const indicatorNames = Object.keys(c.indicators);
  return (
    <div className="consolidated">
      <div className="toolbar">
        <button type="button" onClick={download}>
          Tải báo cáo tổng hợp (.docx)
        </button>
        <button type="button" className="secondary" onClick={() => void data.reload()}>
          Làm mới
        </button>
      </div>
      <ErrorBox>{downloadError}</ErrorBox>
      <AdoptionSummary path={`/api/plans/${planId}/adoption`} reloadKey={String(c.included.length)} />
      <p>
        Tổng hợp tại <strong>{c.unitName ?? c.unitCode}</strong>: đã có {c.included.length} báo cáo
        {c.missing.length > 0 ? `, còn thiếu ${c.missing.length}: ${c.missing.join(', ')}` : ', đủ tất cả các đơn vị'}.
      </p>
      {indicatorNames.length > 0 && (
        <table className="compact-table">
          <caption>Số liệu cộng dồn</caption>
          <tbody>
            {indicatorNames.map((name) => (
              <tr key={name}>
                <th scope="row">{indicatorLabel(name)}</th>
                <td>{c.indicators[name]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {c.sections.map((section, index) => {
        const filled = PARTS.filter((part) => section.parts[part]?.length);
        return (
          <details key={section.key} className="card">
            <summary>
              {index + 1}. {section.title} <span className="muted small">({filled.length ? `${filled.length}/5 phần có nội dung` : 'chưa có nội dung'})</span>
            </summary>
            {filled.map((part) => (
              <div key={part} className="part">
                <h4>{PART_LABELS[part]}</h4>
                <ul>
                  {section.parts[part].map((entry, i) => (
                    <li key={i}>
                      <span className="tag">{entry.unitCode}</span> <span className="prewrap">{entry.text}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </details>
        );
      })}
    </div>
  );
}
