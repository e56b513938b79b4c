/** Two submitted versions side by side, words removed marked in the older, words added in the newer. */
import { useMemo, useState } from 'react';
import type { ItemText, ReportSection, ReportVersion } from './api-types';
import { PARTS } from './api-types';
import { formatDateTime, indicatorLabel } from './format';
import { ITEM_TEXT_LABELS } from './outline-labels';
import { diffWords } from './text-diff';

function DiffText({ before, after, side }: { before: string; after: string; side: 'old' | 'new' }) {
  const pieces = useMemo(() => diffWords(before, after), [before, after]);
  return (
    <div className="diff-text">
      {pieces.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'removed' && side === 'old' ? (
          <del key={i} title="Đã xóa">
            {p.text}
          </del>
        ) : p.kind === 'added' && side === 'new' ? (
          <ins key={i} title="Đã thêm">
            {p.text}
          </ins>
        ) : null,
      )}
    </div>
  );
}

function versionLabel(v: ReportVersion): string {
  return `Lần nộp ${v.seq} – ${formatDateTime(v.submittedAt)} (${v.submittedBy})`;
}

function VersionSelect({
  id,
  label,
  versions,
  value,
  onChange,
}: {
  id: string;
  label: string;
  versions: ReportVersion[];
  value: number;
  onChange: (seq: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {versions.map((v) => (
          <option key={v.seq} value={v.seq}>
            {versionLabel(v)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function VersionCompare({
  versions,
  outline,
}: {
  versions: ReportVersion[];
  outline: (Pick<ReportSection, 'key' | 'title'> & { takes?: ItemText[] })[];
}) {
  const [oldSeq, setOldSeq] = useState(versions.length > 1 ? versions[versions.length - 2].seq : versions[0]?.seq);
  const [newSeq, setNewSeq] = useState(versions[versions.length - 1]?.seq);
  const [changesOnly, setChangesOnly] = useState(true);
  if (!versions.length) return <p className="muted">Báo cáo chưa được nộp lần nào.</p>;
  if (versions.length === 1)
    return (
      <p className="muted">
        Mới có một lần nộp ({versionLabel(versions[0])}); khi báo cáo được nộp lại, hai lần nộp sẽ hiện cạnh nhau với phần thay đổi được đánh dấu.
      </p>
    );
  const older = versions.find((v) => v.seq === oldSeq) ?? versions[0];
  const newer = versions.find((v) => v.seq === newSeq) ?? versions[versions.length - 1];
  const text = (v: ReportVersion, key: string, part: ItemText) => (v.sections[key] as Partial<Record<ItemText, string>> | undefined)?.[part] ?? '';
  // Each item's own texts: its one text, or its parts (the five of the earlier outline).
  const rows = outline.flatMap((section) =>
    (section.takes ?? PARTS)
      .map((part) => ({ section, part, before: text(older, section.key, part), after: text(newer, section.key, part) }))
      .filter((r) => r.before || r.after)
      .filter((r) => !changesOnly || r.before !== r.after),
  );
  const indicatorNames = [...new Set([...Object.keys(older.indicators), ...Object.keys(newer.indicators)])];

  return (
    <div className="versions">
      <div className="filters">
        <VersionSelect id="version-old" label="Phiên bản trước" versions={versions} value={older.seq} onChange={setOldSeq} />
        <VersionSelect id="version-new" label="Phiên bản sau" versions={versions} value={newer.seq} onChange={setNewSeq} />
        <label className="inline">
          <input type="checkbox" checked={changesOnly} onChange={(e) => setChangesOnly(e.target.checked)} /> Chỉ hiện phần có thay đổi
        </label>
      </div>
      <p className="legend small">
        <del>chữ bị xóa</del> ở bản trước, <ins>chữ được thêm</ins> ở bản sau.
      </p>
      {rows.length === 0 && <p className="empty">Hai phiên bản giống nhau về nội dung.</p>}
      {rows.length > 0 && (
        <table className="diff-table">
          <thead>
            <tr>
              <th scope="col">Mục</th>
              <th scope="col">Lần nộp {older.seq}</th>
              <th scope="col">Lần nộp {newer.seq}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.section.key}.${r.part}`} className={r.before !== r.after ? 'changed' : undefined}>
                <th scope="row">
                  {r.section.title}
                  <div className="muted small">{ITEM_TEXT_LABELS[r.part]}</div>
                </th>
                <td>
                  <DiffText before={r.before} after={r.after} side="old" />
                </td>
                <td>
                  <DiffText before={r.before} after={r.after} side="new" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {indicatorNames.length > 0 && (
        <table className="compact-table">
          <caption>Số liệu</caption>
          <thead>
            <tr>
              <th scope="col">Chỉ tiêu</th>
              <th scope="col">Lần nộp {older.seq}</th>
              <th scope="col">Lần nộp {newer.seq}</th>
            </tr>
          </thead>
          <tbody>
            {indicatorNames.map((name) => {
              const a = older.indicators[name];
              const b = newer.indicators[name];
              return (
                <tr key={name} className={a !== b ? 'changed' : undefined}>
                  <th scope="row">{indicatorLabel(name)}</th>
                  <td>{a ?? '—'}</td>
                  <td>{a !== b ? <ins>{b ?? '—'}</ins> : (b ?? '—')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
