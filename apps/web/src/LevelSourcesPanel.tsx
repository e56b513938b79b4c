/** Beside the editor: what the units below wrote under the selected item, a few units at a time, filtered by a unit, each passage ready to copy in. */
import { useEffect, useState } from 'react';
import { api, errorText } from './api-client';
import type { ItemText, LevelItem, LevelSource, LevelSources } from './api-types';
import { KIND_LABELS } from './format';
import { ITEM_TEXT_LABELS, paragraphs } from './outline-labels';
import { ErrorBox, Loading } from './ui';

const PAGE = 10;

interface Props {
  planId: string;
  /** The consolidating unit's code; null for the root. */
  level: string | null;
  item: LevelItem;
  /** The units whose reports the level has, for the filter. */
  units: { unitCode: string; unitName: string }[];
  canInsert: boolean;
  onInsert: (part: ItemText, passage: string) => void;
}

export function LevelSourcesPanel({ planId, level, item, units, canInsert, onInsert }: Props) {
  const [unit, setUnit] = useState('');
  const [shown, setShown] = useState<LevelSource[]>([]);
  const [page, setPage] = useState<Pick<LevelSources, 'total' | 'next'> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [inserted, setInserted] = useState<string | null>(null);

  const load = async (from: number, append: boolean) => {
    setLoading(true);
    setError(null);
    try {
      const query = new URLSearchParams({ section: item.key, from: String(from), limit: String(PAGE) });
      if (level) query.set('level', level);
      if (unit) query.set('unit', unit);
      const answer = await api.get<LevelSources>(`/api/plans/${planId}/level-report/sources?${query}`);
      const sources = answer.sections[0]?.sources ?? [];
      setShown((before) => (append ? [...before, ...sources] : sources));
      setPage({ total: answer.total, next: answer.next });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    setInserted(null);
    void load(0, false);
    // A new item or filter starts from the first page.
  }, [planId, level, item.key, unit]);

  const insert = (source: LevelSource, part: ItemText, passage: string) => {
    onInsert(part, passage);
    setInserted(`Đã chèn một đoạn của ${source.citedAs} vào phần “${ITEM_TEXT_LABELS[part]}” của mục “${item.title}”.`);
  };

  return (
    <aside className="level-sources card" aria-labelledby="sources-title">
      <h2 id="sources-title">Nguồn: {item.title}</h2>
      <p className="small muted">Nội dung báo cáo đã được duyệt của các đơn vị, để tổng hợp, không phải để dán nguyên văn.</p>
      <div className="field">
        <label htmlFor="source-unit">Lọc theo đơn vị</label>
        <select id="source-unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
          <option value="">Tất cả các đơn vị</option>
          {units.map((u) => (
            <option key={u.unitCode} value={u.unitCode}>
              {u.unitName}
            </option>
          ))}
        </select>
      </div>
      <p className="small ok-text" role="status" aria-live="polite">
        {inserted ?? ''}
      </p>
      <ErrorBox>{error}</ErrorBox>
      {page && (
        <p className="small muted">
          Đã xem {page.next ?? page.total}/{page.total} đơn vị; {shown.length} đơn vị có nội dung ở mục này.
        </p>
      )}
      {shown.length === 0 && !loading && page && <p className="empty">Chưa có đơn vị nào viết ở mục này.</p>}
      <ol className="sources-list plain">
        {shown.map((source) => (
          <li key={source.unitId}>
            <article className="source" aria-label={source.citedAs}>
              <h3 className="source-unit">
                {source.citedAs} <span className="tag">{KIND_LABELS[source.kind]}</span>
              </h3>
              {item.takes
                .filter((part) => source.parts[part])
                .map((part) => (
                  <div key={part} className="source-part">
                    {item.takes.length > 1 && <h4>{ITEM_TEXT_LABELS[part]}</h4>}
                    {paragraphs(source.parts[part]).map((passage, i) => (
                      <div key={i} className="passage">
                        <p>{passage}</p>
                        {canInsert && (
                          <button
                            type="button"
                            className="secondary small-button"
                            aria-label={`Chèn vào dự thảo: đoạn ${i + 1} của ${source.citedAs}, phần ${ITEM_TEXT_LABELS[part]}`}
                            onClick={() => insert(source, part, passage)}
                          >
                            Chèn vào dự thảo
                          </button>
                        )}
                      </div>
                    ))}
                  </div>
                ))}
            </article>
          </li>
        ))}
      </ol>
      {loading && <Loading what="nguồn" />}
      {page?.next != null && !loading && (
        <button type="button" className="secondary" onClick={() => void load(page.next!, true)}>
          Xem thêm đơn vị
        </button>
      )}
    </aside>
  );
}
