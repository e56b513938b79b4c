/** The level's figures: the draft's (editable while drafted) beside the units' totals, and any figure's breakdown by unit. */
import { useState } from 'react';
import { api, errorText } from './api-client';
import type { FigureDefinition, LevelFigures } from './api-types';
import { ErrorBox, Loading } from './ui';
import { figureValue, LevelContent } from './use-level-content';
import { useLoad } from './use-load';
import { ScrollRegion } from './ScrollRegion';

interface Props {
  planId: string;
  level: string | null;
  editable: boolean;
  texts: LevelContent;
  derived: Record<string, number>;
}

const show = (value: number | undefined) => (value === undefined ? '—' : value.toLocaleString('vi-VN'));

export function LevelFiguresPanel({ planId, level, editable, texts, derived }: Props) {
  const query = level ? `?level=${encodeURIComponent(level)}` : '';
  const figures = useLoad(() => api.get<LevelFigures>(`/api/plans/${planId}/level-report/figures${query}`), [planId, query]);
  const [detail, setDetail] = useState<{ definition: FigureDefinition; units: NonNullable<LevelFigures['breakdown']>['units'] } | null>(null);
  const [detailError, setDetailError] = useState<string | null>(null);

  const openDetail = async (definition: FigureDefinition) => {
    setDetailError(null);
    try {
      const answer = await api.get<LevelFigures>(`/api/plans/${planId}/level-report/figures${query ? `${query}&` : '?'}indicator=${definition.key}`);
      setDetail({ definition, units: answer.breakdown?.units ?? [] });
      setTimeout(() => document.getElementById('figure-detail')?.focus(), 0);
    } catch (e) {
      setDetailError(errorText(e));
    }
  };

  if (figures.error) return <ErrorBox>{figures.error}</ErrorBox>;
  if (!figures.data) return <Loading what="số liệu" />;
  const f = figures.data;
  const byKey = new Map(f.definitions.map((d) => [d.key, d]));
  return (
    <div className="level-figures">
      <p className="small muted">
        Cộng từ báo cáo của {f.units} đơn vị: để trống là đơn vị không báo cáo, tỷ lệ không cộng dồn. Số liệu chưa sửa trong dự thảo sẽ theo số cộng từ các đơn
        vị khi trình.
      </p>
      {f.groups.map((group) => (
        <ScrollRegion key={group.key} label={group.title}>
          <table className="compact-table figures-table">
            <caption>{group.title}</caption>
            <thead>
              <tr>
                <th scope="col">Chỉ tiêu</th>
                <th scope="col">Dự thảo</th>
                <th scope="col">Cộng từ các đơn vị</th>
                <th scope="col">Số đơn vị báo cáo</th>
                <th scope="col">
                  <span className="visually-hidden">Chi tiết</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {group.keys.map((key) => {
                const d = byKey.get(key)!;
                const typed = texts.figures[key] ?? '';
                return (
                  <tr key={key}>
                    <th scope="row">
                      {editable && !d.derivedFrom ? <label htmlFor={`level-figure-${key}`}>{d.label}</label> : d.label}{' '}
                      {d.unit && <span className="muted small">({d.unit})</span>}
                    </th>
                    <td>
                      {d.derivedFrom ? (
                        <span>
                          {show(derived[key])} <span className="muted small">(tự tính)</span>
                        </span>
                      ) : editable ? (
                        <input
                          id={`level-figure-${key}`}
                          inputMode="decimal"
                          size={10}
                          value={typed}
                          aria-invalid={figureValue(typed) === undefined}
                          onChange={(e) => texts.changeFigure(key, e.target.value)}
                        />
                      ) : (
                        <span>{typed || '—'}</span>
                      )}
                    </td>
                    <td>{show(f.totals[key])}</td>
                    <td>{f.reported[key] ?? 0}</td>
                    <td>
                      <button type="button" className="link-button" onClick={() => void openDetail(d)} aria-label={`Chi tiết theo đơn vị: ${d.label}`}>
                        Chi tiết
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      ))}
      <ErrorBox>{detailError}</ErrorBox>
      {detail && (
        <ScrollRegion label={`Chi tiết theo đơn vị: ${detail.definition.label}`}>
          <table className="compact-table" id="figure-detail" tabIndex={-1}>
            <caption>Chi tiết theo đơn vị: {detail.definition.label}</caption>
            <thead>
              <tr>
                <th scope="col">Đơn vị</th>
                <th scope="col">Số liệu</th>
              </tr>
            </thead>
            <tbody>
              {detail.units.length === 0 && (
                <tr>
                  <td colSpan={2} className="empty">
                    Chưa đơn vị nào báo cáo số liệu này.
                  </td>
                </tr>
              )}
              {detail.units.map((u) => (
                <tr key={u.unitCode}>
                  <th scope="row">{u.unitName}</th>
                  <td>{show(u.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
