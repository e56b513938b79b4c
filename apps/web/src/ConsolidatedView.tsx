/** The consolidated report of a consolidating unit (the root by default) and its Word download. */
import { useState } from 'react';
import { api, errorText } from './api-client';
import type { Consolidated, ItemText, Plan } from './api-types';
import { PARTS } from './api-types';
import { indicatorLabel } from './format';
import { ITEM_TEXT_LABELS } from './outline-labels';
import { AdoptionSummary } from './AdoptionSummary';
import { ErrorBox, Loading } from './ui';
import { useLoad } from './use-load';

export function ConsolidatedView({ planId }: { planId: string }) {
  const data = useLoad(async () => {
    const [consolidated, plan] = await Promise.all([api.get<Consolidated>(`/api/plans/${planId}/consolidated`), api.get<Plan>(`/api/plans/${planId}`)]);
    return { consolidated, plan };
  }, [planId]);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const download = () => {
    setDownloadError(null);
    api.download(`/api/plans/${planId}/consolidated.docx`, 'bao-cao-tong-hop.docx').catch((e) => setDownloadError(errorText(e)));
  };
  const downloadFigures = () => {
    setDownloadError(null);
    api.download(`/api/plans/${planId}/indicators.xlsx`, 'so-lieu-tong-hop.xlsx').catch((e) => setDownloadError(errorText(e)));
  };
  if (data.error) return <ErrorBox>{data.error}</ErrorBox>;
  if (!data.data) return <Loading what="báo cáo tổng hợp" />;
  const { consolidated: c, plan } = data.data;
  // The plan's order and labels; a figure nobody reported is absent from the totals, not 0.
  const labels = new Map((plan.indicatorDefinitions ?? []).map((d) => [d.key, d.unit ? `${d.label} (${d.unit})` : d.label]));
  const indicatorNames = [...new Set([...(plan.indicatorNames ?? []), ...Object.keys(c.indicators)])].filter((name) => c.indicators[name] !== undefined);
  return (
    <div className="consolidated">
      <div className="toolbar">
        <button type="button" onClick={download}>
          Tải báo cáo tổng hợp (.docx)
        </button>
        <button type="button" className="secondary" onClick={downloadFigures}>
          Tải số liệu theo đơn vị (.xlsx)
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
                <th scope="row">{labels.get(name) ?? indicatorLabel(name)}</th>
                <td>{c.indicators[name].toLocaleString('vi-VN')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {c.sections.map((section, index) => {
        const takes: readonly ItemText[] = section.takes ?? PARTS;
        const filled = takes.filter((part) => section.parts[part]?.length);
        return (
          <details key={section.key} className="card">
            <summary>
              {index + 1}. {section.title}{' '}
              <span className="muted small">({filled.length ? `${filled.length}/${takes.length} phần có nội dung` : 'chưa có nội dung'})</span>
            </summary>
            {filled.map((part) => (
              <div key={part} className="part">
                <h4>{takes.length === 1 ? 'Nội dung' : ITEM_TEXT_LABELS[part]}</h4>
                <ul>
                  {(section.parts[part] ?? []).map((entry, i) => (
                    <li key={i}>
                      <span className="tag" title={entry.unitCode}>
                        {entry.unitName ?? entry.unitCode}
                      </span>{' '}
                      <span className="prewrap">{entry.text}</span>
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
